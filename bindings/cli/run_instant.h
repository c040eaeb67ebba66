// The instant a CLI run scores or checks for: --now when given, else the clock, read here once so
// every record of a run shares it (the core never reads a clock).
#pragma once
#include <optional>
#include <string>

namespace leadscore::cli {

/// Now, UTC, truncated to whole seconds (sub-second digits in results would only add noise).
std::string clock_now();

/// `given` when it is a valid instant, the clock when absent. An invalid --now is reported on
/// stderr as "leadscore: <command>: --now: ..." and gives nullopt (the caller exits with kExitUsage).
std::optional<std::string> run_instant(const std::optional<std::string>& given, const char* command);

}  // namespace leadscore::cli
