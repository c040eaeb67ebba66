// SHA-256 (FIPS 180-4), used for model fingerprints. Internal to the core.
#pragma once
#include <string>
#include <string_view>

namespace leadscore {
/// Lowercase hexadecimal SHA-256 digest of the bytes.
std::string sha256_hex(std::string_view bytes);
}  // namespace leadscore
