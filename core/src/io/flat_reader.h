// FlatReader: reads the flat parts of a JSON text (strings, numbers, booleans, null, punctuation)
// straight into reused buffers, for the record readers that skip the JSON tree (LeadRecord,
// EventList). Internal to the core.
//
// Every method returns false to give up: the caller then parses the text with parse_json(), which
// either accepts it (a shape the reader leaves to it, such as a nested value or a \u escape) or
// reports the error. Giving up is always safe, so the reader only accepts what it is sure
// parse_json() reads to the same values.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>

#include "leadscore/json.h"

namespace leadscore {

class FlatReader {
 public:
  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  explicit FlatReader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  void skip_space() {
    while (p_ < end_ && is_space(*p_)) ++p_;
  }
  bool at(char c) const { return p_ < end_ && *p_ == c; }
  bool eat(char c) {
    if (!at(c)) return false;
    ++p_;
    return true;
  }
  bool at_end() const { return p_ == end_; }
  const char* position() const { return p_; }

  // A string (at its opening quote) into `out`, replacing its content, keeping its capacity.
  bool string(std::string& out) {
    if (!eat('"')) return false;
    out.clear();
    while (true) {
      const char* run = p_;
      while (p_ < end_) {
        const auto c = static_cast<unsigned char>(*p_);
        if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
        ++p_;
      }
      out.append(run, static_cast<std::size_t>(p_ - run));
      if (p_ == end_) return false;
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;  // a raw control character: an error, reported by parse_json
      if (c == '\\') {
        if (!escape(out)) return false;
        continue;
      }
      if (!utf8_sequence(out)) return false;
    }
  }

  // A scalar value into `slot`; false for an object or array (left to parse_json) or bad text.
  bool value(Json& slot) {
    if (p_ == end_) return false;
    switch (*p_) {
      case '"':
        if (!slot.is_string()) slot = std::string();
        return string(slot.get_ref<std::string&>());
      case 't':
        if (!word("true", 4)) return false;
        slot = true;
        return true;
      case 'f':
        if (!word("false", 5)) return false;
        slot = false;
        return true;
      case 'n':
        if (!word("null", 4)) return false;
        slot = nullptr;
        return true;
      default: return number(slot);
    }
  }

 private:
  bool word(const char* w, std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n || std::memcmp(p_, w, n) != 0) return false;
    p_ += n;
    return true;
  }

  bool escape(std::string& out) {
    if (end_ - p_ < 2) return false;
    const char e = p_[1];
    char c = 0;
    switch (e) {
      case '"': c = '"'; break;
      case '\\': c = '\\'; break;
      case '/': c = '/'; break;
      case 'b': c = '\b'; break;
      case 'f': c = '\f'; break;
      case 'n': c = '\n'; break;
      case 'r': c = '\r'; break;
      case 't': c = '\t'; break;
      default: return false;  // \u (surrogate pairs...) and invalid escapes: parse_json's job
    }
    out.push_back(c);
    p_ += 2;
    return true;
  }

  // One multi-byte UTF-8 character, checked as RFC 3629 (and nlohmann's lexer) define it.
  bool utf8_sequence(std::string& out) {
    const auto b0 = static_cast<unsigned char>(*p_);
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) n = 2;
    else if (b0 == 0xE0) { n = 3; lo = 0xA0; }
    else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) n = 3;
    else if (b0 == 0xED) { n = 3; hi = 0x9F; }
    else if (b0 == 0xF0) { n = 4; lo = 0x90; }
    else if (b0 >= 0xF1 && b0 <= 0xF3) n = 4;
    else if (b0 == 0xF4) { n = 4; hi = 0x8F; }
    else return false;
    if (static_cast<std::size_t>(end_ - p_) < n) return false;
    const auto b1 = static_cast<unsigned char>(p_[1]);
    if (b1 < lo || b1 > hi) return false;
    for (std::size_t i = 2; i < n; ++i) {
      const auto b = static_cast<unsigned char>(p_[i]);
      if (b < 0x80 || b > 0xBF) return false;
    }
    out.append(p_, n);
    p_ += n;
    return true;
  }

  // A JSON number, typed as nlohmann types it: an integer token is unsigned when positive and
  // signed when negative, a float (strtod) when it does not fit or has a fraction or exponent.
  bool number(Json& slot) {
    const char* start = p_;
    const bool negative = eat('-');
    if (at('0')) {
      ++p_;
    } else if (p_ < end_ && *p_ >= '1' && *p_ <= '9') {
      while (p_ < end_ && is_digit(*p_)) ++p_;
    } else {
      return false;
    }
    bool integer = true;
    if (eat('.')) {
      integer = false;
      if (!(p_ < end_ && is_digit(*p_))) return false;
      while (p_ < end_ && is_digit(*p_)) ++p_;
    }
    if (at('e') || at('E')) {
      ++p_;
      integer = false;
      if (at('+') || at('-')) ++p_;
      if (!(p_ < end_ && is_digit(*p_))) return false;
      while (p_ < end_ && is_digit(*p_)) ++p_;
    }
    if (integer) {
      std::uint64_t magnitude = 0;
      bool fits = true;
      for (const char* d = start + (negative ? 1 : 0); d < p_; ++d) {
        const auto digit = static_cast<std::uint64_t>(*d - '0');
        if (magnitude > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) { fits = false; break; }
        magnitude = magnitude * 10 + digit;
      }
      constexpr std::uint64_t kMinMagnitude = std::uint64_t{1} << 63;  // of INT64_MIN
      if (fits && !negative) {
        slot = magnitude;
        return true;
      }
      if (fits && magnitude <= kMinMagnitude) {
        slot = magnitude == kMinMagnitude ? std::numeric_limits<std::int64_t>::min()
                                          : -static_cast<std::int64_t>(magnitude);
        return true;
      }
    }
    // strtod of the token, as nlohmann does it (the C locale's decimal point); nlohmann refuses a
    // number that overflows to infinity, so that is left to it.
    const auto length = static_cast<std::size_t>(p_ - start);
    char token[64];
    if (length >= sizeof token) return false;
    std::memcpy(token, start, length);
    token[length] = '\0';
    const double d = std::strtod(token, nullptr);
    if (!std::isfinite(d)) return false;
    slot = d;
    return true;
  }

  const char* p_;
  const char* end_;
};

}  // namespace leadscore
