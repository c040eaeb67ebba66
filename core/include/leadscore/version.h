#pragma once
namespace leadscore {
/// Library version (semver) and the model-file / result format versions it reads and writes.
constexpr const char* kLibraryVersion = "0.1.0";
constexpr int kModelFormatVersion = 1;
constexpr int kResultFormatVersion = 1;
}  // namespace leadscore
