// libFuzzer's entry point for one target: LEADSCORE_FUZZ_TARGET names the function of
// fuzz_targets.h this binary runs (set per executable by tests/fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  leadscore::fuzz::LEADSCORE_FUZZ_TARGET(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
