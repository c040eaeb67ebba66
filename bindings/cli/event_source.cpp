// See event_source.h. Error messages name the line and the key, never a value.
#include "event_source.h"

#include <algorithm>
#include <vector>

#include "leadscore/csv.h"
#include "leadscore/limits.h"
#include "leadscore/score.h"
#include "event_id_scan.h"
#include "line_reader.h"

namespace leadscore::cli {
namespace {

Error missing_lead_id(std::size_t line) {
  const std::string n = std::to_string(line);
  return {"event_lead_id_missing", "line " + n,
          "Line " + n + " has no lead_id (a non-empty string or a number); the event was skipped."};
}

// CsvReader errors carry "line N" as their path.
std::size_t line_of(const std::string& path) {
  std::size_t n = 0;
  for (char c : path) {
    if (c >= '0' && c <= '9') n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

class CsvEventSource : public EventSource {
 public:
  explicit CsvEventSource(std::istream& in) : reader_(in, CsvOptions{0, 1u << 20}) {}

  std::optional<Error> start() override {
    auto header = reader_.read_header();
    if (!header) {
      if (header.error().code == "csv_empty") empty_ = true;  // no events at all: not an error
      return empty_ ? std::nullopt : std::optional<Error>(header.error());
    }
    header_ = std::move(header).value();
    std::string missing;
    for (const char* name : {"lead_id", "type", "at"}) {
      if (std::find(header_.begin(), header_.end(), name) == header_.end()) {
        missing += missing.empty() ? name : std::string(", ") + name;
      }
    }
    if (!missing.empty()) {
      return Error{"events_columns_missing", "line 1",
                   "The events CSV header needs the columns lead_id, type and at (missing: " +
                       missing + ")."};
    }
    lead_id_column_ = static_cast<std::size_t>(
        std::find(header_.begin(), header_.end(), "lead_id") - header_.begin());
    return std::nullopt;
  }

  bool next(EventRow& row) override {
    if (empty_) return false;
    CsvRecord record;
    Error error;
    switch (reader_.next(record, error)) {
      case CsvReader::Status::End:
        return false;
      case CsvReader::Status::Error:
        row.reset(line_of(error.path));
        row.error = std::move(error);
        return true;
      case CsvReader::Status::Record:
        break;
    }
    row.reset(record.line);
    row.lead_id = std::move(record.cells[lead_id_column_]);
    if (row.lead_id.empty()) {
      row.error = missing_lead_id(row.line);
      return true;
    }
    row.event.add(event_from_row(header_, record.cells));
    return true;
  }

  bool empty() const override { return empty_; }

 private:
  CsvReader reader_;
  std::vector<std::string> header_;
  std::size_t lead_id_column_ = 0;
  bool empty_ = false;
};

class JsonlEventSource : public EventSource {
 public:
  explicit JsonlEventSource(std::istream& in) : lines_(in, Limits{}.max_document_bytes) {}

  std::optional<Error> start() override { return std::nullopt; }

  bool next(EventRow& row) override {
    TextLine& line = line_;
    if (!lines_.next(line)) return false;
    any_ = true;
    row.reset(line.number);
    // The line number as text, for the error messages only.
    auto n = [&line] { return std::to_string(line.number); };
    if (line.too_long) {
      row.error = {"event_too_large", "line " + n(),
                   "Line " + n() + " is longer than " +
                       std::to_string(Limits{}.max_document_bytes) +
                       " bytes; the event was skipped."};
      return true;
    }
    if (ids_only_) {
      auto id = quick_ids_ ? quick_event_lead_id(line.text, Limits{}.max_json_depth)
                           : scan_event_lead_id(line.text, Limits{}.max_json_depth);
      if (id) row.lead_id = std::move(*id);
      else row.error = {"event_broken", "line " + n(), "Line " + n() + " is not a usable event."};
      return true;
    }
    // Read straight into the row's one-event list (the usual shape builds no tree); the lead_id
    // member as lead_id() reads it.
    if (auto error = row.event.add_json(line.text, Limits{}.max_json_depth, &row.lead_id)) {
      // The core's message gives the byte within the line; the path becomes the line.
      row.error = {error->code, "line " + n(), "Line " + n() + ": " + error->message + "; the event was skipped."};
      return true;
    }
    const EventList::Event event = row.event[0];
    if (event.whole && !event.whole->is_object()) {
      row.reset(line.number);
      row.error = {"event_not_object", "line " + n(),
                   "Line " + n() + " is not a JSON object; the event was skipped."};
      return true;
    }
    if (row.lead_id.empty()) {
      row.reset(line.number);
      row.error = missing_lead_id(line.number);
      return true;
    }
    row.text.assign(line.text);  // the core ignores lead_id and any other extra member
    return true;
  }

  bool empty() const override { return !any_; }
  void ids_only(bool quick) override {
    ids_only_ = true;
    quick_ids_ = quick;
  }

 private:
  LineReader lines_;
  TextLine line_;  // the line being read, its buffer reused from line to line
  bool any_ = false;
  bool ids_only_ = false;
  bool quick_ids_ = false;
};

}  // namespace

Json EventRow::json() const {
  if (text.empty()) return event.element_json(0);
  // The line was read once already: it is valid JSON.
  return Json::parse(text, nullptr, false);
}

std::unique_ptr<EventSource> make_csv_event_source(std::istream& in) {
  return std::make_unique<CsvEventSource>(in);
}

std::unique_ptr<EventSource> make_jsonl_event_source(std::istream& in) {
  return std::make_unique<JsonlEventSource>(in);
}

}  // namespace leadscore::cli
