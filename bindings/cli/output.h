// Writers for `leadscore score` output: one line per input record, in input order.
#pragma once
#include <memory>
#include <ostream>
#include <string>

#include "args.h"
#include "leadscore/json.h"

namespace leadscore::cli {

class OutputWriter {
 public:
  virtual ~OutputWriter() = default;
  virtual void begin() {}
  /// A scored record. `lead` is the input lead (only its id is used).
  virtual void result(std::size_t line, const Json& lead, const Json& result) = 0;
  /// A record that could not be scored. `lead` is null when the record never became a lead.
  virtual void error(std::size_t line, const Json& lead, const Error& error) = 0;
};

/// JSONL: {"record":{"line":N},"result":R} or {"error":{...},"record":{"line":N}}. R is written
/// with dump_json() and wrapped as text, so its bytes are exactly what scoreJson() returns in
/// wasm; every line is itself canonical dump_json() output (keys sorted).
std::unique_ptr<OutputWriter> make_jsonl_writer(std::ostream& out);

/// CSV: line,id,score,band,action,points,warnings,error_code (RFC 4180 quoting).
std::unique_ptr<OutputWriter> make_csv_writer(std::ostream& out);

/// One CSV cell, quoted when it holds a comma, quote, CR or LF.
std::string csv_cell(const std::string& text);

}  // namespace leadscore::cli
