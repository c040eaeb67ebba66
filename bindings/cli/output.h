// Writers for `leadscore score` output: one line per input record, in input order.
#pragma once
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "args.h"
#include "leadscore/json.h"

namespace leadscore::cli {

class OutputWriter {
 public:
  virtual ~OutputWriter() = default;
  virtual void begin() {}
  /// A scored record. `lead` is the input lead (only its id is used). `event_lines` (with
  /// --events, else null) are the events-file lines of the events the core was given, in the
  /// order it was given them, so a warning at /events/i maps to event_lines[i].
  virtual void result(std::size_t line, const Json& lead, const Json& result,
                      const std::vector<std::size_t>* event_lines) = 0;
  /// A record that could not be scored. `lead` is null when the record never became a lead.
  virtual void error(std::size_t line, const Json& lead, const Error& error) = 0;
};

/// JSONL: {"record":{"line":N},"result":R} or {"error":{...},"record":{"line":N}}; with --events
/// a result's record also has "event_lines":[...]. R is written with dump_json() and wrapped as
/// text, so its bytes are exactly what scoreJson() returns in wasm; every line is itself canonical
/// dump_json() output (keys sorted, so "result" comes last and its text can be cut out).
std::unique_ptr<OutputWriter> make_jsonl_writer(std::ostream& out);

/// CSV: line,id,score,band,action,points,warnings,error_code,fit_points,engagement_points,
/// last_activity,grade,route,persona (RFC 4180 quoting). Columns are only ever added at the end,
/// so scripts that read columns by position keep working: fit_points..last_activity came with
/// engagement; grade (letter), route (action) and persona (id) with grading, routing and model
/// sets, empty when the model has none.
std::unique_ptr<OutputWriter> make_csv_writer(std::ostream& out);

/// One CSV cell, quoted when it holds a comma, quote, CR or LF.
std::string csv_cell(const std::string& text);

}  // namespace leadscore::cli
