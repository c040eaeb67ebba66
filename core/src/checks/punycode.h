// Punycode (RFC 3492, the bootstring parameters IDNA uses) on caller-provided fixed buffers, so
// that per-keystroke checks allocate nothing. Used for email domains (A-label round trips) and
// public-suffix lookups of Unicode host names.
#pragma once
#include <cstddef>
#include <string_view>

namespace leadscore::checks {

/// Encodes `n_in` code points (the label without "xn--"); basic code points are ASCII-lower-cased.
/// False when the result does not fit `cap` bytes or the arithmetic would overflow.
bool punycode_encode(const char32_t* in, std::size_t n_in, char* out, std::size_t cap, std::size_t& len);

/// Decodes the part after "xn--" (lower case); false when it is not valid punycode, decodes to a
/// surrogate, a basic code point or beyond U+10FFFF, or yields more than `cap` code points.
bool punycode_decode(std::string_view in, char32_t* out, std::size_t cap, std::size_t& len);

}  // namespace leadscore::checks
