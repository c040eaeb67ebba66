// Helpers shared by the Catch2 suites: locating test data and reading files.
#pragma once
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace test_support {

inline std::string source_dir() { return LEADSCORE_SOURCE_DIR; }

/// ../shared beside the checkout, or $LEADSCORE_SHARED_DIR when set.
inline std::string shared_dir() {
  const char* env = std::getenv("LEADSCORE_SHARED_DIR");
  return env != nullptr && *env != '\0' ? std::string(env) : std::string(LEADSCORE_SHARED_DIR);
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

}  // namespace test_support
