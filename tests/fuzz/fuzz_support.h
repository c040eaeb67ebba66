// Small helpers shared by the fuzz targets: framing of inputs and checks whose failure is a finding.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "leadscore/limits.h"

namespace leadscore::fuzz {

/// Stops the process with a message when a promise of the API does not hold: the fuzzer records
/// the input as a crash.
inline void require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "leadscore fuzz: broken promise: %s\n", what);
  std::abort();
}

/// The same, with both texts that should have been equal.
inline void require_equal(const std::string& a, const std::string& b, const char* what) {
  if (a == b) return;
  std::fprintf(stderr, "leadscore fuzz: broken promise: %s\n--- first (%zu bytes)\n%.2000s\n--- second (%zu bytes)\n%.2000s\n",
               what, a.size(), a.c_str(), b.size(), b.c_str());
  std::abort();
}

/// Splits at the first '\n': (the line without it, the rest). No '\n': (input, "").
inline std::pair<std::string_view, std::string_view> split_first_line(std::string_view input) {
  const auto eol = input.find('\n');
  if (eol == std::string_view::npos) return {input, {}};
  return {input.substr(0, eol), input.substr(eol + 1)};
}

/// The instant every target scores for (the core never reads a clock).
inline constexpr const char* kNow = "2026-11-23T10:00:00Z";

namespace detail {
// Limits::max_lead_work (the per-lead work budget, issue 18 §1) where this checkout has it.
template <class L>
auto lower_lead_work(L& limits, int) -> decltype(limits.max_lead_work = 0, void()) {
  limits.max_lead_work /= 10;
}
template <class L>
void lower_lead_work(L&, long) {}
}  // namespace detail

/// The work limits of the targets that take a fuzzed model or rule: a tenth of the defaults.
/// Under coverage and sanitizers a rule or lead that spends the whole default budget takes
/// seconds, near the fuzzer's time-out; with a tenth, an input that still runs into the time-out
/// does work that the limits do not count, which is the finding.
inline Limits fuzz_limits() {
  Limits limits;
  limits.max_logic_steps /= 10;
  detail::lower_lead_work(limits, 0);
  return limits;
}

}  // namespace leadscore::fuzz
