// Writers for `leadscore accounts` output: one line per account and one per error record, in order
// of first appearance (docs/accounts.md, "Command line").
#pragma once
#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "leadscore/error.h"
#include "leadscore/json.h"

namespace leadscore::cli {

class AccountWriter {
 public:
  virtual ~AccountWriter() = default;
  virtual void begin() {}
  /// A scored account: its id, the input lines of its contacts (contact i is lines[i]), the result.
  virtual void account(const std::string& id, const std::vector<std::size_t>& lines, const Json& result) = 0;
  /// An account that could not be scored as a whole (too_many_contacts).
  virtual void account_error(const std::string& id, const std::vector<std::size_t>& lines, const Error& error) = 0;
  /// A record that belongs to no account: broken, or without a company id (or lead id with --events).
  virtual void error(std::size_t line, const Error& error) = 0;
};

/// JSONL, canonical dump_json() lines (keys sorted):
///   {"account":ID,"record":{"lines":[...]},"result":R}   R exactly as scoreAccount() returns it
///   {"account":ID,"error":{...},"record":{"lines":[...]}}
///   {"error":{"code","message","path"},"record":{"line":N}}
std::unique_ptr<AccountWriter> make_account_jsonl_writer(std::ostream& out);

/// CSV: account,score,band,action,contact_points,fit_points,contacts,scored,failed,error_code,lines
/// (lines: the input lines joined by ';').
std::unique_ptr<AccountWriter> make_account_csv_writer(std::ostream& out);

}  // namespace leadscore::cli
