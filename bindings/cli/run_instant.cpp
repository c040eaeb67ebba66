// See run_instant.h.
#include "run_instant.h"

#include <chrono>
#include <iostream>

#include "leadscore/time.h"

namespace leadscore::cli {

std::string clock_now() {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count();
  return format_instant(static_cast<std::int64_t>(seconds) * 1000);
}

std::optional<std::string> run_instant(const std::optional<std::string>& given, const char* command) {
  if (!given) return clock_now();
  if (auto parsed = parse_instant(*given); !parsed) {
    std::cerr << "leadscore: " << command << ": --now: " << parsed.error().message << " (" << parsed.error().code
              << ")\n";
    return std::nullopt;
  }
  return *given;
}

}  // namespace leadscore::cli
