// Helpers shared by the Catch2 suites: locating test data, reading files, loading a model.
#pragma once
#include <catch2/catch.hpp>

#include <algorithm>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/model.h"

namespace test_support {

inline std::string source_dir() { return LEADSCORE_SOURCE_DIR; }

/// ../shared beside the checkout, or $LEADSCORE_SHARED_DIR when set.
inline std::string shared_dir() {
  const char* env = std::getenv("LEADSCORE_SHARED_DIR");
  return env != nullptr && *env != '\0' ? std::string(env) : std::string(LEADSCORE_SHARED_DIR);
}

/// The model of `text`; fails the test case when it does not load.
inline leadscore::Model parsed_model(std::string_view text) {
  auto parsed = leadscore::Model::parse(text);
  REQUIRE(parsed);
  return std::move(parsed.value());
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// The golden vectors (tests/vectors/*.json), in name order.
inline std::vector<std::filesystem::path> vector_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() + "/tests/vectors"))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

/// Time bounds in the suites guard against a return of quadratic or unbounded work (seconds to
/// hours); they are hang guards, not benchmarks. They count the process's CPU time, so a machine
/// busy with other jobs (ctest -j, builds, CI neighbours) does not fail them, and they scale with
/// the sanitized build (Debug, ASan + UBSan), which runs this code 10 to 20 times slower.
#ifdef LEADSCORE_SANITIZED
constexpr double kSlow = 25;
#else
constexpr double kSlow = 1;
#endif

/// Milliseconds of process CPU time since `start` (taken with std::clock()).
inline double cpu_ms_since(std::clock_t start) {
  return 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

/// Milliseconds of process CPU time that `f` takes.
template <class F>
double cpu_ms(F&& f) {
  const std::clock_t start = std::clock();
  f();
  return cpu_ms_since(start);
}

}  // namespace test_support
