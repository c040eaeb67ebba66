// Rows of an events file for `leadscore score --events`: CSV (`lead_id,type,at,<prop>...`) or
// JSON lines ({"lead_id", "type", "at", "props"}), one event at a time with the line it starts
// on. A line that cannot become an event of a known lead (ragged row, bad JSON, no lead_id) comes
// out as a broken row with an error, so the caller can report it by line number.
#pragma once
#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>

#include "leadscore/error.h"
#include "leadscore/event_list.h"
#include "leadscore/json.h"

namespace leadscore::cli {

struct EventRow {
  std::size_t line = 0;
  std::string lead_id;  ///< non-empty for a usable row
  EventList event;      ///< a usable row: its one event, as the core receives it
  std::string text;     ///< a usable JSON line: the line itself (CSV: empty), for the unmatched report
  Error error;          ///< set (code non-empty) for a broken row; then lead_id and event are empty
  bool broken() const { return !error.code.empty(); }
  /// Empties the row for line `n`, keeping its buffers.
  void reset(std::size_t n) {
    line = n;
    lead_id.clear();
    event.clear();
    text.clear();
    error = Error{};
  }
  /// The event as a JSON value: the line's own object (with lead_id and any other member), or the
  /// object a CSV row became.
  Json json() const;
};

class EventSource {
 public:
  virtual ~EventSource() = default;
  /// Reads what must precede the rows (the CSV header, which must name lead_id, type and at).
  /// An error here means the file cannot be used at all.
  virtual std::optional<Error> start() = 0;
  /// The next row, usable or broken; false at the end of the input.
  virtual bool next(EventRow& row) = 0;
  /// True when the input held no events lines at all, not even a CSV header (for CSV known after
  /// start(), for JSON lines at the end).
  virtual bool empty() const = 0;
  /// From now on, rows need only their lead_id and whether they are broken (a broken row's error
  /// may then be less precise, and no row carries its event): a pass that checks the order of
  /// the ids reads a JSON line without building it. `quick`: with quick_event_lead_id()
  /// (event_id_scan.h), whose ids prove an order but not a break of it.
  virtual void ids_only(bool quick) { (void)quick; }
};

/// CSV events; the delimiter (',' or ';') is detected from the header like for leads.
std::unique_ptr<EventSource> make_csv_event_source(std::istream& in);
/// JSON lines events.
std::unique_ptr<EventSource> make_jsonl_event_source(std::istream& in);

}  // namespace leadscore::cli
