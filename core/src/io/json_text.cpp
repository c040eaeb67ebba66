// See json_text.h. The escaping mirrors nlohmann::json's dump(-1, ' ', false, replace): that is
// the byte contract every earlier result was written with (tests/js/result-bytes.test.mjs).
#include "io/json_text.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <cmath>

#include "checks/utf8.h"

namespace leadscore::json_text {
namespace {

// Whether a byte must be written escaped (or looked at: >= 0x80 needs the UTF-8 check).
constexpr bool plain_ascii(unsigned char c) { return c >= 0x20 && c != '"' && c != '\\' && c < 0x80; }

void append_escaped_ascii(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t run = 0;  // start of the current run of bytes copied as they are
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(u, 6);
      }
    }
  }
  out.append(text.data() + run, text.size() - run);
}

// Whether all 8 bytes of `word` are plain_ascii, tested at once: a byte below 0x20 (the
// subtraction borrows out of it), equal to '"' or '\\' (zero after the XOR, same test) or with its
// high bit set. Each test is exact about whether some byte is flagged, which is all we ask.
constexpr bool plain_word(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const std::uint64_t quote = word ^ (kOnes * '"'), backslash = word ^ (kOnes * '\\');
  const std::uint64_t flagged = ((word - kOnes * 0x20) & ~word) | ((quote - kOnes) & ~quote) |
                                ((backslash - kOnes) & ~backslash) | word;
  return (flagged & kHigh) == 0;
}

// The length of the longest prefix of `text` made of plain_ascii bytes (result texts are mostly
// plain: ids, labels, reasons), 8 bytes a step.
std::size_t plain_prefix(std::string_view text) {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (!plain_word(word)) break;
  }
  if (i + 8 > text.size() && text.size() >= 8) {
    // The last 8 bytes at once (overlapping words already found plain).
    std::uint64_t word;
    std::memcpy(&word, text.data() + text.size() - 8, 8);
    if (plain_word(word)) return text.size();
  }
  while (i < text.size() && plain_ascii(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

}  // namespace

void append_string(std::string& out, std::string_view text) {
  const bool simple = plain_prefix(text) == text.size();
  out += '"';
  if (simple) {
    out.append(text);
  } else if (checks::valid_utf8(text)) {
    // Valid multi-byte sequences are written verbatim (ensure_ascii off), so only the ASCII
    // escapes remain; bytes >= 0x80 never need one.
    append_escaped_ascii(out, text);
  } else {
    // Invalid UTF-8 (only a C++ caller can build it): nlohmann's replacement rules, verbatim.
    const std::string dumped = Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
    out.append(dumped, 1, dumped.size() - 2);
  }
  out += '"';
}

void append_int(std::string& out, std::int64_t value) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  out.append(buffer, end);
}

void append_double(std::string& out, double value) {
  constexpr double kMaxExact = 9007199254740992.0;  // 2^53: JSON.stringify writes these as integers
  if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) <= kMaxExact) {
    append_int(out, static_cast<std::int64_t>(value));  // also -0 -> 0
    return;
  }
  out += Json(value).dump();  // nlohmann's shortest round-trip digits (null when not finite)
}

void append_value(std::string& out, const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded: out += "null"; return;
    case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case Json::value_t::number_integer: append_int(out, value.get<std::int64_t>()); return;
    case Json::value_t::number_unsigned: {
      char buffer[24];
      const auto end = std::to_chars(buffer, buffer + sizeof buffer, value.get<std::uint64_t>()).ptr;
      out.append(buffer, end);
      return;
    }
    case Json::value_t::number_float: append_double(out, value.get<double>()); return;
    case Json::value_t::string: append_string(out, value.get_ref<const std::string&>()); return;
    case Json::value_t::array: {
      out += '[';
      bool first = true;
      for (const Json& element : value) {
        if (!first) out += ',';
        first = false;
        append_value(out, element);
      }
      out += ']';
      return;
    }
    case Json::value_t::object: {
      out += '{';
      bool first = true;
      for (auto it = value.begin(); it != value.end(); ++it) {
        if (!first) out += ',';
        first = false;
        append_string(out, it.key());
        out += ':';
        append_value(out, it.value());
      }
      out += '}';
      return;
    }
    case Json::value_t::binary: out += "null"; return;  // never in a leadscore value
  }
}

}  // namespace leadscore::json_text
