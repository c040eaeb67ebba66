// UTF-8 helpers shared by the checks. Values reach the checks only after valid_utf8() said yes,
// so decoders here may assume well-formed input unless they say otherwise.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace leadscore::checks {

/// Well-formed UTF-8 (RFC 3629): no overlongs, no surrogates (U+D800..DFFF, which is what a lone
/// JavaScript surrogate becomes on the way in), nothing above U+10FFFF. On failure `bad_at` is the
/// byte offset of the first bad sequence.
bool valid_utf8(std::string_view text, std::size_t* bad_at = nullptr);

/// Decodes the code point at byte `i` of valid UTF-8 and advances `i` past it.
char32_t next_code_point(std::string_view text, std::size_t& i);

/// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, char32_t cp);

/// Number of UTF-16 code units in the first `byte_offset` bytes of valid UTF-8.
std::uint32_t utf16_length(std::string_view text, std::size_t byte_offset);

/// ASCII-only lower case (domains, local parts, codes); other bytes are copied as they are.
std::string ascii_lower(std::string_view text);

/// The value without leading and trailing ASCII whitespace.
std::string_view trim_ascii(std::string_view text);

}  // namespace leadscore::checks
