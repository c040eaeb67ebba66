// The work one call may do across all its evaluations (docs/limits.md): one lead's score (fit
// rules, persona conditions, engagement rules over the events, grade criteria, strong actions) or
// one model's validation. It counts units of work, never time, so a call runs out at the same
// point natively and in WebAssembly, whatever the machine.
#pragma once
#include <cstdint>
#include <string>

#include "leadscore/error.h"

namespace leadscore {

class WorkBudget {
 public:
  /// `code`: the error code once the budget is spent (e.g. "lead_budget_exceeded"); `what` names
  /// the call in the message (e.g. "the lead"). Both must outlive the budget (string literals).
  WorkBudget(std::uint64_t limit, const char* code, const char* what) : limit_(limit), code_(code), what_(what) {}

  std::uint64_t limit() const { return limit_; }
  /// Units charged so far (over the limit by the last charge once exhausted).
  std::uint64_t used() const { return used_; }
  std::uint64_t remaining() const { return used_ >= limit_ ? 0 : limit_ - used_; }
  bool exhausted() const { return exhausted_; }
  const char* code() const { return code_; }

  /// Adds `units`; false once the total goes over the limit (exhausted() from then on).
  bool charge(std::uint64_t units) {
    used_ = units > UINT64_MAX - used_ ? UINT64_MAX : used_ + units;
    if (used_ > limit_) exhausted_ = true;
    return !exhausted_;
  }

  /// Where the budget ran out: a JSON pointer and, optionally, words placing it further ("on
  /// event 12"). Only the first call counts (the innermost caller knows the place best).
  void locate(std::string path, std::string detail = "");

  /// The error of a spent budget: its code, the located path and a message with the limit.
  Error error() const;

 private:
  std::uint64_t limit_;
  std::uint64_t used_ = 0;
  bool exhausted_ = false;
  bool located_ = false;
  const char* code_;
  const char* what_;
  std::string path_;
  std::string detail_;
};

}  // namespace leadscore
