// See event_id_scan.h. nlohmann's SAX interface: the parser validates the whole line exactly as
// parse_json() does (it is the same parser), while this handler keeps only the top-level lead_id.
#include "event_id_scan.h"

#include "leadscore/json.h"

namespace leadscore::cli {
namespace {

class LeadIdHandler {
 public:
  explicit LeadIdHandler(std::size_t max_depth) : max_depth_(max_depth) {}

  bool null() { return scalar(std::nullopt); }
  bool boolean(bool) { return scalar(std::nullopt); }
  bool number_integer(Json::number_integer_t v) { return taking() ? scalar(dump_json(Json(v))) : scalar(std::nullopt); }
  bool number_unsigned(Json::number_unsigned_t v) { return taking() ? scalar(dump_json(Json(v))) : scalar(std::nullopt); }
  bool number_float(Json::number_float_t v, const Json::string_t&) {
    return taking() ? scalar(dump_json(Json(v))) : scalar(std::nullopt);
  }
  bool string(Json::string_t& v) { return taking() ? scalar(v) : scalar(std::nullopt); }
  bool binary(Json::binary_t&) { return false; }
  bool start_object(std::size_t) { return open(true); }
  bool end_object() { --depth_; return true; }
  bool start_array(std::size_t) { return open(false); }
  bool end_array() { --depth_; return true; }
  bool key(Json::string_t& k) {
    at_lead_id_ = depth_ == 1 && k == "lead_id";
    return true;
  }
  template <class Exception>
  bool parse_error(std::size_t, const std::string&, const Exception&) { return false; }

  const std::optional<std::string>& lead_id() const { return lead_id_; }

 private:
  // As parse_json's tree builder: a container opened at max_depth levels is too deep.
  bool open(bool object) {
    if (depth_ == 0 && !object) return false;  // not an object: broken, no need to read on
    if (depth_ >= max_depth_) return false;
    if (depth_ == 1 && at_lead_id_) {  // a container as the lead_id: not usable
      lead_id_.reset();
      at_lead_id_ = false;
    }
    ++depth_;
    return true;
  }
  // Whether the value being read is the top-level lead_id (only that one is kept).
  bool taking() const { return depth_ == 1 && at_lead_id_; }
  bool scalar(std::optional<std::string> value) {
    if (depth_ == 0) return false;  // a scalar line: not an object
    if (depth_ == 1 && at_lead_id_) {
      lead_id_ = std::move(value);
      at_lead_id_ = false;
    }
    return true;
  }

  std::size_t max_depth_;
  std::size_t depth_ = 0;
  bool at_lead_id_ = false;
  std::optional<std::string> lead_id_;
};

}  // namespace

std::optional<std::string> scan_event_lead_id(std::string_view line, std::size_t max_depth) {
  LeadIdHandler handler(max_depth);
  if (!Json::sax_parse(line.begin(), line.end(), &handler, nlohmann::detail::input_format_t::json, true)) return std::nullopt;
  const auto& id = handler.lead_id();
  if (!id || id->empty()) return std::nullopt;
  return id;
}

std::optional<std::string> quick_event_lead_id(std::string_view line, std::size_t max_depth) {
  constexpr std::string_view kHead = "{\"lead_id\":\"";
  if (line.substr(0, kHead.size()) == kHead) {
    const std::size_t start = kHead.size();
    std::size_t end = start;
    while (end < line.size() && line[end] != '"' && line[end] != '\\' && static_cast<unsigned char>(line[end]) >= 0x20)
      ++end;
    const std::string_view rest = line.substr(std::min(end + 1, line.size()));
    // A later "lead_id" key (also one spelled with a \u escape) would win over this one.
    if (end > start && end < line.size() && line[end] == '"' && rest.find("lead_id") == std::string_view::npos &&
        rest.find("\\u") == std::string_view::npos)
      return std::string(line.substr(start, end - start));
  }
  return scan_event_lead_id(line, max_depth);
}

}  // namespace leadscore::cli
