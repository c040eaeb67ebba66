// LeadRecord (leadscore/lead_record.h): a flat JSON object read straight into reused buffers, any
// other text through parse_json().
#include "leadscore/lead_record.h"

#include "io/flat_reader.h"

namespace leadscore {

// A flat object at the reader's position (after any space), up to its closing brace, into the
// members; false to give up.
template <class Reader>
bool LeadRecord::read_object(Reader& reader) {
  count_ = 0;
  if (!reader.eat('{')) return false;
  reader.skip_space();
  if (!reader.eat('}')) {
    while (true) {
      if (count_ == members_.size()) members_.emplace_back();
      Member& m = members_[count_];
      if (!reader.string(m.key)) return false;
      reader.skip_space();
      if (!reader.eat(':')) return false;
      reader.skip_space();
      if (!reader.value(m.value)) return false;
      ++count_;
      reader.skip_space();
      if (reader.eat('}')) break;
      if (!reader.eat(',')) return false;
      reader.skip_space();
    }
  }
  return true;
}

bool LeadRecord::read_flat(std::string_view text) {
  FlatReader reader(text);
  reader.skip_space();
  if (!read_object(reader)) return false;
  reader.skip_space();
  return reader.at_end();
}

bool LeadRecord::flat_elements(std::string_view text, std::vector<std::string_view>& elements) {
  elements.clear();
  LeadRecord scratch;  // each element is read (so checked) into it, then only its span is kept
  FlatReader reader(text);
  reader.skip_space();
  if (!reader.eat('[')) return false;
  reader.skip_space();
  if (!reader.eat(']')) {
    while (true) {
      const char* start = reader.position();
      if (!scratch.read_object(reader)) return false;
      elements.emplace_back(start, static_cast<std::size_t>(reader.position() - start));
      reader.skip_space();
      if (reader.eat(']')) break;
      if (!reader.eat(',')) return false;
      reader.skip_space();
    }
  }
  reader.skip_space();
  return reader.at_end();
}

std::optional<Error> LeadRecord::parse(std::string_view text, std::size_t max_depth, const char* what) {
  built_valid_ = false;
  viewed_ = nullptr;
  if (max_depth >= 1 && read_flat(text)) {
    mode_ = Mode::Flat;
    return std::nullopt;
  }
  count_ = 0;
  auto parsed = parse_json(text, what, max_depth);
  if (!parsed) {
    mode_ = Mode::Empty;
    return parsed.error();
  }
  owned_ = std::move(parsed).value();
  mode_ = Mode::Owned;
  return std::nullopt;
}

void LeadRecord::assign(Json value) {
  built_valid_ = false;
  viewed_ = nullptr;
  count_ = 0;
  owned_ = std::move(value);
  mode_ = Mode::Owned;
}

void LeadRecord::view(const Json& value) {
  built_valid_ = false;
  count_ = 0;
  viewed_ = &value;
  mode_ = Mode::Viewed;
}

void LeadRecord::clear() {
  built_valid_ = false;
  viewed_ = nullptr;
  count_ = 0;
  owned_ = nullptr;
  mode_ = Mode::Empty;
}

void LeadRecord::start() {
  built_valid_ = false;
  viewed_ = nullptr;
  count_ = 0;
  mode_ = Mode::Flat;
}

Json& LeadRecord::add(std::string_view key) {
  if (count_ == members_.size()) members_.emplace_back();
  Member& m = members_[count_++];
  m.key.assign(key.data(), key.size());
  return m.value;
}

bool LeadRecord::is_object() const {
  switch (mode_) {
    case Mode::Flat: return true;
    case Mode::Owned: return owned_.is_object();
    case Mode::Viewed: return viewed_->is_object();
    case Mode::Empty: break;
  }
  return false;
}

const Json* LeadRecord::find(std::string_view key) const {
  if (mode_ == Mode::Flat) {
    for (std::size_t i = count_; i-- > 0;)  // from the end: the last of a repeated key wins
      if (members_[i].key == key) return &members_[i].value;
    return nullptr;
  }
  if (mode_ == Mode::Empty) return nullptr;
  const Json& value = mode_ == Mode::Owned ? owned_ : *viewed_;
  if (!value.is_object()) return nullptr;
  const auto it = value.find(key);
  return it == value.end() ? nullptr : &*it;
}

const Json& LeadRecord::json() const {
  switch (mode_) {
    case Mode::Owned: return owned_;
    case Mode::Viewed: return *viewed_;
    case Mode::Empty: break;
    case Mode::Flat:
      if (!built_valid_) {
        built_ = Json::object();
        for (std::size_t i = 0; i < count_; ++i) built_[members_[i].key] = members_[i].value;
        built_valid_ = true;
      }
      return built_;
  }
  static const Json kNull;
  return kNull;
}

std::string LeadRecord::too_deep(std::size_t max_depth) const {
  // A flat read holds scalars only: one level, too deep only for a limit of 0.
  if (mode_ == Mode::Flat && max_depth > 0) return "";
  return find_too_deep(json(), max_depth);
}

}  // namespace leadscore
