// Formatters for `leadscore score` output: one line per input record, in input order.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "args.h"
#include "leadscore/json.h"
#include "leadscore/score_result.h"

namespace leadscore::cli {

/// Formats output records as text. The text is appended to a string rather than written to a
/// stream so that worker threads can format their records in parallel (batch_runner.h) and the main
/// thread writes the strings in input order. A formatter keeps no state: its methods may be called
/// from several threads at once.
class RecordFormatter {
 public:
  virtual ~RecordFormatter() = default;
  /// The text before the first record (the CSV header), if any.
  virtual void begin(std::string&) const {}
  /// A scored record. `lead` is the input lead (only its id is used). `event_lines` (with
  /// --events, else null) are the events-file lines of the events the core was given, in the
  /// order it was given them, so a warning at /events/i maps to event_lines[i].
  virtual void result(std::string& out, std::size_t line, const LeadRecord& lead, const Json& result,
                      const std::vector<std::size_t>* event_lines) const = 0;
  /// A scored lead, straight from the core's flat result (no JSON tree): JSONL writes it at
  /// `detail`, CSV reads its columns. The default goes through result() with the parsed text.
  virtual void scored(std::string& out, std::size_t line, const LeadRecord& lead, const ScoreResult& result, Detail detail,
                      const std::vector<std::size_t>* event_lines) const;
  /// A checked lead (`leadscore check`), straight from the typed findings (no JSON tree): JSONL
  /// writes check_lead()'s JSON, CSV reads its columns. The default goes through result().
  virtual void checked(std::string& out, std::size_t line, const LeadRecord& lead, const CheckConfig& config,
                       const LeadQuality& quality) const;
  /// The detail the core must compute for this formatter when the user asked for `asked` (CSV
  /// columns are all in the summary, so CSV scores the cheaper way whatever was asked).
  virtual Detail detail_to_compute(Detail asked) const { return asked; }
  /// A record that could not be scored. `lead` is null when the record never became a lead.
  virtual void error(std::string& out, std::size_t line, const LeadRecord& lead, const Error& error) const = 0;
};

/// JSONL: {"record":{"line":N},"result":R} or {"error":{...},"record":{"line":N}}; with --events
/// a result's record also has "event_lines":[...]. R is written with dump_json() and wrapped as
/// text, so its bytes are exactly what scoreJson() returns in wasm; every line is itself canonical
/// dump_json() output (keys sorted, so "result" comes last and its text can be cut out).
std::unique_ptr<RecordFormatter> make_jsonl_formatter();

/// CSV: line,id,score,band,action,points,warnings,error_code,fit_points,engagement_points,
/// last_activity,grade,route,persona (RFC 4180 quoting). Columns are only ever added at the end,
/// so scripts that read columns by position keep working: fit_points..last_activity came with
/// engagement; grade (letter), route (action) and persona (id) with grading, routing and model
/// sets, empty when the model has none.
std::unique_ptr<RecordFormatter> make_csv_formatter();

/// Output lines gathered and written to std::cout about a megabyte at a time: std::cout writes
/// any string over 1 KB with its own system call, which was one call per result line. Written
/// out by flush() and, at the latest, when destroyed (also when an exception ends the run).
class BatchedOutput {
 public:
  BatchedOutput() = default;
  BatchedOutput(const BatchedOutput&) = delete;
  BatchedOutput& operator=(const BatchedOutput&) = delete;
  ~BatchedOutput() { flush(); }
  void add(const std::string& text) {
    buffer_ += text;
    if (buffer_.size() >= kFlushBytes) flush();
  }
  void flush();

 private:
  static constexpr std::size_t kFlushBytes = 1 << 20;
  std::string buffer_;
};

/// One CSV cell, quoted when it holds a comma, quote, CR or LF.
std::string csv_cell(const std::string& text);

}  // namespace leadscore::cli
