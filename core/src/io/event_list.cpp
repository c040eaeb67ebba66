// EventList (leadscore/event_list.h): the usual event shape read straight into the list, anything
// else through parse_json().
#include "leadscore/event_list.h"

#include <cstring>
#include <limits>

#include "io/flat_reader.h"
#include "leadscore/time.h"

namespace leadscore {
namespace {

// The "lead_id" rule of the events join: a string as it is, a number as its JSON text.
void take_lead_id(const Json& value, std::string* lead_id) {
  if (lead_id == nullptr) return;
  if (value.is_string()) *lead_id = value.get_ref<const std::string&>();
  else if (value.is_number()) *lead_id = dump_json(value);
  else lead_id->clear();
}

// Whether `key` is the literal `name` (without the strlen of comparing with a C string).
template <std::size_t N>
bool is(const std::string& key, const char (&name)[N]) {
  return key.size() == N - 1 && std::memcmp(key.data(), name, N - 1) == 0;
}

}  // namespace

// The usual shape, or false to give up (the caller then parses the text with parse_json()). A
// repeated member, a nested value other than flat props, a missing or empty type, a missing or
// invalid instant: all left to parse_json() and the checks scoring makes on a JSON event.
bool EventList::read(std::string_view text, std::string* lead_id) {
  FlatReader reader(text);
  bool have_type = false, have_at = false, have_props = false, have_id = false;
  Json props;
  if (lead_id) lead_id->clear();
  reader.skip_space();
  if (!reader.eat('{')) return false;
  reader.skip_space();
  if (reader.eat('}')) return false;  // no type
  while (true) {
    if (!reader.string(key_)) return false;
    reader.skip_space();
    if (!reader.eat(':')) return false;
    reader.skip_space();
    if (is(key_, "type") || is(key_, "at")) {
      const bool type = is(key_, "type");
      bool& have = type ? have_type : have_at;
      if (have || !reader.at('"')) return false;
      if (!reader.string(type ? type_ : at_)) return false;
      have = true;
    } else if (is(key_, "props")) {
      if (have_props || !reader.eat('{')) return false;
      have_props = true;
      props = Json::object();
      reader.skip_space();
      if (!reader.eat('}')) {
        std::string name;
        while (true) {
          if (!reader.string(name)) return false;
          reader.skip_space();
          if (!reader.eat(':')) return false;
          reader.skip_space();
          if (!reader.value(scalar_)) return false;
          props[name] = std::move(scalar_);  // a repeated key: the last wins, as in parse_json
          scalar_ = nullptr;
          reader.skip_space();
          if (reader.eat('}')) break;
          if (!reader.eat(',')) return false;
          reader.skip_space();
        }
      }
    } else {
      if (!reader.value(scalar_)) return false;
      if (is(key_, "lead_id")) {
        if (have_id) return false;
        have_id = true;
        take_lead_id(scalar_, lead_id);
      }
    }
    reader.skip_space();
    if (reader.eat('}')) break;
    if (!reader.eat(',')) return false;
    reader.skip_space();
  }
  reader.skip_space();
  if (!reader.at_end() || !have_type || type_.empty() || !have_at) return false;
  const auto at = parse_instant(at_);
  if (!at) return false;
  if (text_.size() + type_.size() + at_.size() > std::numeric_limits<std::uint32_t>::max()) return false;
  Entry& e = entries_.emplace_back();
  e.type_begin = static_cast<std::uint32_t>(text_.size());
  e.type_size = static_cast<std::uint32_t>(type_.size());
  text_ += type_;
  e.at_begin = static_cast<std::uint32_t>(text_.size());
  e.at_size = static_cast<std::uint32_t>(at_.size());
  text_ += at_;
  e.at = at.value();
  e.value = std::move(props);
  return true;
}

std::optional<Error> EventList::add_json(std::string_view text, std::size_t max_depth, std::string* lead_id) {
  // Props sit two levels deep: a lower limit is parse_json's to enforce.
  if (max_depth >= 2 && read(text, lead_id)) return std::nullopt;
  auto parsed = parse_json(text, "event", max_depth);
  if (!parsed) {
    if (lead_id) lead_id->clear();
    return parsed.error();
  }
  Json event = std::move(parsed).value();
  if (lead_id) {
    lead_id->clear();
    if (event.is_object())
      if (const auto id = event.find("lead_id"); id != event.end()) take_lead_id(*id, lead_id);
  }
  add(std::move(event));
  return std::nullopt;
}

void EventList::add(Json event) {
  Entry& e = entries_.emplace_back();
  e.whole = true;
  e.value = std::move(event);
}

void EventList::take(EventList& other, std::size_t i) {
  Entry& from = other.entries_[i];
  Entry& e = entries_.emplace_back();
  e.whole = from.whole;
  e.value = std::move(from.value);
  if (from.whole) return;
  e.type_begin = static_cast<std::uint32_t>(text_.size());
  e.type_size = from.type_size;
  text_.append(other.text_, from.type_begin, from.type_size);
  e.at_begin = static_cast<std::uint32_t>(text_.size());
  e.at_size = from.at_size;
  text_.append(other.text_, from.at_begin, from.at_size);
  e.at = from.at;
}

EventList::Event EventList::operator[](std::size_t i) const {
  const Entry& e = entries_[i];
  Event out;
  if (e.whole) {
    out.whole = &e.value;
    return out;
  }
  out.type = std::string_view(text_).substr(e.type_begin, e.type_size);
  out.at_text = std::string_view(text_).substr(e.at_begin, e.at_size);
  out.at = e.at;
  out.props = e.value.is_null() ? nullptr : &e.value;
  return out;
}

void EventList::clear() {
  entries_.clear();
  text_.clear();
}

Json EventList::element_json(std::size_t i) const {
  const Event e = (*this)[i];
  if (e.whole) return *e.whole;
  Json out = Json::object();
  out["type"] = std::string(e.type);
  out["at"] = std::string(e.at_text);
  if (e.props) out["props"] = *e.props;
  return out;
}

Json EventList::json() const {
  Json out = Json::array();
  for (std::size_t i = 0; i < size(); ++i) out.push_back(element_json(i));
  return out;
}

}  // namespace leadscore
