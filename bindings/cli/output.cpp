// See output.h.
#include "output.h"

#include <iostream>
#include <limits>
#include <string_view>

#include "leadscore/time.h"

#include "record_source.h"

namespace leadscore::cli {
namespace {

// {"record":{...},"result": — "record" sorts before "result" and "event_lines" before "line":
// dump_json() key order, so the whole line is canonical.
void append_record_head(std::string& out, std::size_t line, const std::vector<std::size_t>* event_lines) {
  out += "{\"record\":{";
  if (event_lines) {
    out += "\"event_lines\":[";
    for (std::size_t i = 0; i < event_lines->size(); ++i) {
      if (i) out += ',';
      out += std::to_string((*event_lines)[i]);
    }
    out += "],";
  }
  out += "\"line\":";
  out += std::to_string(line);
  out += "},\"result\":";
}

class JsonlFormatter : public RecordFormatter {
 public:
  void result(std::string& out, std::size_t line, const LeadRecord&, const Json& result,
              const std::vector<std::size_t>* event_lines) const override {
    append_record_head(out, line, event_lines);
    out += dump_json(result);
    out += "}\n";
  }

  void scored(std::string& out, std::size_t line, const LeadRecord&, const ScoreResult& result, Detail detail,
              const std::vector<std::size_t>* event_lines) const override {
    append_record_head(out, line, event_lines);
    write_result(result, detail, out);  // the bytes scoreJson() returns in wasm
    out += "}\n";
  }

  void checked(std::string& out, std::size_t line, const LeadRecord&, const CheckConfig& config,
               const LeadQuality& quality) const override {
    append_record_head(out, line, nullptr);
    write_lead_quality(config, quality, out);  // the bytes dump_json(check_lead(...)) writes
    out += "}\n";
  }

  void error(std::string& out, std::size_t line, const LeadRecord&, const Error& error) const override {
    Json record = Json::object();
    record["record"] = Json::object({{"line", line}});
    record["error"] =
        Json::object({{"code", error.code}, {"path", error.path}, {"message", error.message}});
    out += dump_json(record);
    out += '\n';
  }
};

// Reads a member without ever throwing on a surprising shape: "" when absent.
std::string member_text(const Json& object, const char* key) {
  if (!object.is_object()) return "";
  const auto it = object.find(key);
  if (it == object.end()) return "";
  return it->is_string() ? it->get_ref<const std::string&>() : dump_json(*it);
}

// A member object, or null when absent (member_text() of null is "").
const Json& member(const Json& object, const char* key) {
  static const Json none;
  if (!object.is_object()) return none;
  const auto it = object.find(key);
  return it == object.end() ? none : *it;
}

// The result's last_activity: an instant, or "" when null or absent.
std::string last_activity(const Json& result) {
  const Json& value = member(result, "last_activity");
  return value.is_string() ? value.get_ref<const std::string&>() : "";
}

class CsvFormatter : public RecordFormatter {
 public:
  void begin(std::string& out) const override {
    out += "line,id,score,band,action,points,warnings,error_code,fit_points,engagement_points,"
           "last_activity,grade,route,persona\n";
  }

  void result(std::string& out, std::size_t line, const LeadRecord& lead, const Json& result,
              const std::vector<std::size_t>*) const override {
    const auto band = result.find("band");
    const Json none = Json::object();
    const Json& band_obj = band != result.end() ? *band : none;
    const auto warnings = result.find("warnings");
    const std::size_t n_warnings =
        warnings != result.end() && warnings->is_array() ? warnings->size() : 0;
    out += std::to_string(line) + ',' + csv_cell(lead_id(lead)) + ',' + member_text(result, "score") + ',' +
           csv_cell(member_text(band_obj, "id")) + ',' + csv_cell(member_text(band_obj, "action")) + ',' +
           member_text(result, "points") + ',' + std::to_string(n_warnings) + ",," +
           member_text(member(result, "fit"), "points") + ',' +
           member_text(member(result, "engagement"), "points") + ',' + csv_cell(last_activity(result)) + ',' +
           csv_cell(member_text(member(result, "grade"), "letter")) + ',' +
           csv_cell(member_text(member(result, "route"), "action")) + ',' +
           csv_cell(member_text(member(member(result, "model"), "persona"), "id")) + '\n';
  }

  void scored(std::string& out, std::size_t line, const LeadRecord& lead, const ScoreResult& r, Detail,
              const std::vector<std::size_t>*) const override {
    // The same columns as result() reads from the JSON, straight from the flat result.
    out += std::to_string(line) + ',' + csv_cell(lead_id(lead)) + ',' + std::to_string(r.score) + ',' +
           csv_cell(r.band->id) + ',' + csv_cell(r.band->action) + ',' + points_text(r.points) + ',' +
           std::to_string(r.warnings.size()) + ",," + points_text(r.fit_points) + ',' +
           points_text(r.engagement_points) + ',' +
           csv_cell(r.last_activity ? format_instant(*r.last_activity) : std::string()) + ',' +
           csv_cell(r.grade_letter) + ',' + csv_cell(r.route_action) + ',' +
           csv_cell(r.persona ? r.persona->id : std::string()) + '\n';
  }

  Detail detail_to_compute(Detail) const override { return Detail::Summary; }

  void error(std::string& out, std::size_t line, const LeadRecord& lead, const Error& error) const override {
    out += std::to_string(line) + ',' + csv_cell(lead_id(lead)) + ",,,,,," + csv_cell(error.code) + ",,,,,,\n";
  }
};

}  // namespace

void RecordFormatter::scored(std::string& out, std::size_t line, const LeadRecord& lead, const ScoreResult& result,
                             Detail detail, const std::vector<std::size_t>* event_lines) const {
  std::string text;
  write_result(result, detail, text);
  this->result(out, line, lead, parse_json(text, "the result", std::numeric_limits<std::size_t>::max()).value(),
               event_lines);
}

void RecordFormatter::checked(std::string& out, std::size_t line, const LeadRecord& lead, const CheckConfig& config,
                              const LeadQuality& quality) const {
  result(out, line, lead, lead_quality_json(config, quality), nullptr);
}

std::unique_ptr<RecordFormatter> make_jsonl_formatter() { return std::make_unique<JsonlFormatter>(); }

std::unique_ptr<RecordFormatter> make_csv_formatter() { return std::make_unique<CsvFormatter>(); }

void BatchedOutput::flush() {
  if (buffer_.empty()) return;
  std::cout.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

std::string csv_cell(const std::string& raw) {
  // A text cell starting with = + - @ (or a tab/CR) would run as a formula when the scored file is
  // opened in a spreadsheet; a leading apostrophe keeps it text (OWASP "CSV Injection" advice).
  const bool formula = !raw.empty() && std::string_view("=+-@\t\r").find(raw[0]) != std::string_view::npos;
  const std::string text = formula ? "'" + raw : raw;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace leadscore::cli
