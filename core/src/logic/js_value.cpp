// JavaScript coercions used by JsonLogic (ECMAScript 2023, sections 7.1 and 7.2), over JSON values.
#include "logic/js_value.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace leadscore::js {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

double as_double(const Json& v) {
  switch (v.type()) {
    case Json::value_t::number_integer: return static_cast<double>(v.get<std::int64_t>());
    case Json::value_t::number_unsigned: return static_cast<double>(v.get<std::uint64_t>());
    case Json::value_t::number_float: return v.get<double>();
    default: return kNaN;
  }
}

// Length in bytes of the JavaScript white space or line terminator starting at s[i], or 0.
std::size_t js_space_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || (c >= 0x09 && c <= 0x0d)) return 1;
  auto starts = [&](std::string_view p) { return s.substr(i, p.size()) == p; };
  if (starts("\xc2\xa0")) return 2;                                        // U+00A0
  if (starts("\xef\xbb\xbf") || starts("\xe1\x9a\x80") || starts("\xe2\x80\xa8") ||
      starts("\xe2\x80\xa9") || starts("\xe2\x80\xaf") || starts("\xe2\x81\x9f") ||
      starts("\xe3\x80\x80"))
    return 3;                                                              // FEFF 1680 2028 2029 202F 205F 3000
  if (c == 0xe2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto d = static_cast<unsigned char>(s[i + 2]);
    if (d >= 0x80 && d <= 0x8a) return 3;                                  // U+2000..U+200A
  }
  return 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of the longest StrUnsignedDecimalLiteral prefix of s (without "Infinity"), or 0.
std::size_t decimal_prefix(std::string_view s) {
  std::size_t i = 0, digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    std::size_t j = i + 1, frac = 0;
    while (j < s.size() && is_digit(s[j])) ++j, ++frac;
    if (digits + frac > 0) { i = j; digits += frac; }
  }
  if (digits == 0) return 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    const std::size_t start = j;
    while (j < s.size() && is_digit(s[j])) ++j;
    if (j > start) i = j;
  }
  return i;
}

double strtod_exact(std::string_view text) {
  const std::string copy(text);
  return std::strtod(copy.c_str(), nullptr);
}

double string_to_number(std::string_view raw) {
  const std::string_view s = trim_space(raw);
  if (s.empty()) return 0;
  if (s.size() > 2 && s[0] == '0') {
    int base = 0;
    if (s[1] == 'x' || s[1] == 'X') base = 16;
    if (s[1] == 'o' || s[1] == 'O') base = 8;
    if (s[1] == 'b' || s[1] == 'B') base = 2;
    if (base != 0) {
      double v = 0;
      for (std::size_t i = 2; i < s.size(); ++i) {
        const char c = s[i];
        int d = is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : 99;
        if (d >= base) return kNaN;
        v = v * base + d;
      }
      return v;
    }
  }
  std::size_t i = 0;
  bool negative = false;
  if (s[0] == '+' || s[0] == '-') { negative = s[0] == '-'; i = 1; }
  const std::string_view body = s.substr(i);
  if (body == "Infinity") return negative ? -kInf : kInf;
  if (decimal_prefix(body) != body.size() || body.empty()) return kNaN;
  const double v = strtod_exact(body);
  return negative ? -v : v;
}

// Code units of UTF-16 for a UTF-8 string, produced one at a time (invalid bytes count as U+FFFD).
class Utf16Units {
 public:
  explicit Utf16Units(std::string_view s) : s_(s) {}
  bool next(unsigned& unit) {
    if (pending_ != 0) { unit = pending_; pending_ = 0; return true; }
    if (i_ >= s_.size()) return false;
    unsigned cp = decode();
    if (cp >= 0x10000) {
      cp -= 0x10000;
      unit = 0xd800 + (cp >> 10);
      pending_ = 0xdc00 + (cp & 0x3ff);
    } else {
      unit = cp;
    }
    return true;
  }

 private:
  unsigned decode() {
    const auto b0 = static_cast<unsigned char>(s_[i_]);
    int len = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
    if (len == 0 || i_ + len > s_.size()) { ++i_; return 0xfffd; }
    unsigned cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1f) : len == 3 ? (b0 & 0x0f) : (b0 & 0x07);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s_[i_ + k]) & 0x3f);
    i_ += len;
    return cp;
  }
  std::string_view s_;
  std::size_t i_ = 0;
  unsigned pending_ = 0;
};

Json to_primitive(const Json& v) {
  if (v.is_array() || v.is_object()) return Json(to_string(v));
  return v;
}

enum class Kind { Undefined, Null, Boolean, Number, String, Array, Object };
Kind kind_of(const Json& v) {
  if (v.is_discarded()) return Kind::Undefined;
  if (v.is_null()) return Kind::Null;
  if (v.is_boolean()) return Kind::Boolean;
  if (v.is_number()) return Kind::Number;
  if (v.is_string()) return Kind::String;
  if (v.is_array()) return Kind::Array;
  return Kind::Object;
}

}  // namespace

std::string_view trim_space(std::string_view s) {
  std::size_t b = 0;
  while (b < s.size()) {
    const std::size_t n = js_space_at(s, b);
    if (n == 0) break;
    b += n;
  }
  std::size_t e = s.size();
  while (e > b) {  // white space characters end in a byte >= 0x80 or are ASCII; scan back by trying starts
    std::size_t found = 0;
    for (std::size_t len = 1; len <= 3 && len <= e - b; ++len)
      if (js_space_at(s, e - len) == len) { found = len; break; }
    if (found == 0) break;
    e -= found;
  }
  return s.substr(b, e - b);
}

std::string number_to_string(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v < 0 ? "-Infinity" : "Infinity";
  if (v == 0) return "0";
  if (v < 0) return "-" + number_to_string(-v);
  // An integer below 2^53 is its own shortest text: every integer that near is a double too, so
  // no shorter digit string reads back as v (the common case: counts, amounts, ids).
  if (v < 9007199254740992.0 && v == std::floor(v)) return std::to_string(static_cast<std::int64_t>(v));
  // Shortest digit string that reads back as v: printf and strtod are correctly rounded in both
  // glibc and musl (Emscripten), so this gives the same digits natively and in wasm.
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  std::string digits;
  const char* p = buf;
  for (; *p != 'e'; ++p)
    if (is_digit(*p)) digits.push_back(*p);
  const int exponent = std::atoi(p + 1);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1;  // position of the decimal point relative to the digits
  if (k <= n && n <= 21) return digits + std::string(static_cast<std::size_t>(n - k), '0');
  if (0 < n && n <= 21) return digits.substr(0, n) + "." + digits.substr(n);
  if (-6 < n && n <= 0) return "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
  std::string out = digits.substr(0, 1);
  if (k > 1) out += "." + digits.substr(1);
  const int e = n - 1;
  out += e >= 0 ? "e+" : "e-";
  out += std::to_string(e >= 0 ? e : -e);
  return out;
}

std::string to_string(const Json& v) {
  switch (kind_of(v)) {
    case Kind::Undefined: return "undefined";
    case Kind::Null: return "null";
    case Kind::Boolean: return v.get<bool>() ? "true" : "false";
    case Kind::Number: return number_to_string(as_double(v));
    case Kind::String: return v.get_ref<const std::string&>();
    case Kind::Object: return "[object Object]";
    case Kind::Array: {
      std::string out;
      bool first = true;
      for (const auto& e : v) {
        if (!first) out.push_back(',');
        first = false;
        if (!e.is_null() && !e.is_discarded()) out += to_string(e);
      }
      return out;
    }
  }
  return "";
}

double number_from_text(std::string_view text) { return string_to_number(text); }

double to_number(const Json& v) {
  switch (kind_of(v)) {
    case Kind::Undefined: return kNaN;
    case Kind::Null: return 0;
    case Kind::Boolean: return v.get<bool>() ? 1 : 0;
    case Kind::Number: return as_double(v);
    case Kind::String: return string_to_number(v.get_ref<const std::string&>());
    case Kind::Array: return string_to_number(to_string(v));
    case Kind::Object: return kNaN;
  }
  return kNaN;
}

double parse_float(const Json& v) {
  if (v.is_number()) return as_double(v);
  const std::string text = to_string(v);
  std::string_view s = text;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t n = js_space_at(s, i);
    if (n == 0) break;
    i += n;
  }
  s = s.substr(i);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) { negative = s[0] == '-'; s = s.substr(1); }
  if (s.substr(0, 8) == "Infinity") return negative ? -kInf : kInf;
  const std::size_t len = decimal_prefix(s);
  if (len == 0) return kNaN;
  const double value = strtod_exact(s.substr(0, len));
  return negative ? -value : value;
}

long long to_integer(const Json& v) {
  const double d = to_number(v);
  if (std::isnan(d)) return 0;
  if (d >= 9e18) return static_cast<long long>(9e18);
  if (d <= -9e18) return static_cast<long long>(-9e18);
  return static_cast<long long>(std::trunc(d));
}

bool truthy(const Json& v) {
  switch (kind_of(v)) {
    case Kind::Undefined:
    case Kind::Null: return false;
    case Kind::Boolean: return v.get<bool>();
    case Kind::Number: {
      const double d = as_double(v);
      return !(d == 0 || std::isnan(d));
    }
    case Kind::String: return !v.get_ref<const std::string&>().empty();
    case Kind::Array: return !v.empty();
    case Kind::Object: return true;
  }
  return false;
}

bool strict_equals(const Json& a, const Json& b) {
  const Kind ka = kind_of(a), kb = kind_of(b);
  if (ka != kb) return false;
  switch (ka) {
    case Kind::Undefined:
    case Kind::Null: return true;
    case Kind::Boolean: return a.get<bool>() == b.get<bool>();
    case Kind::Number: return as_double(a) == as_double(b);
    case Kind::String: return a.get_ref<const std::string&>() == b.get_ref<const std::string&>();
    default: return false;  // distinct arrays and objects are never the same reference
  }
}

bool loose_equals(const Json& a, const Json& b) {
  const Kind ka = kind_of(a), kb = kind_of(b);
  if (ka == kb) return strict_equals(a, b);
  const bool a_nullish = ka == Kind::Undefined || ka == Kind::Null;
  const bool b_nullish = kb == Kind::Undefined || kb == Kind::Null;
  if (a_nullish || b_nullish) return a_nullish && b_nullish;
  if (ka == Kind::Number && kb == Kind::String) return as_double(a) == to_number(b);
  if (ka == Kind::String && kb == Kind::Number) return to_number(a) == as_double(b);
  if (ka == Kind::Boolean) return loose_equals(Json(to_number(a)), b);
  if (kb == Kind::Boolean) return loose_equals(a, Json(to_number(b)));
  const bool a_obj = ka == Kind::Array || ka == Kind::Object;
  const bool b_obj = kb == Kind::Array || kb == Kind::Object;
  if (a_obj && !b_obj) return loose_equals(to_primitive(a), b);
  if (b_obj && !a_obj) return loose_equals(a, to_primitive(b));
  return false;
}

namespace {

Order compare_numbers(double x, double y) {
  if (std::isnan(x) || std::isnan(y)) return Order::Unordered;
  if (x < y) return Order::Less;
  if (x > y) return Order::Greater;
  return Order::Equal;
}

Order compare_strings(const std::string& a, const std::string& b) {
  Utf16Units ua(a), ub(b);
  for (;;) {
    unsigned x = 0, y = 0;
    const bool has_x = ua.next(x), has_y = ub.next(y);
    if (!has_x && !has_y) return Order::Equal;
    if (!has_x) return Order::Less;
    if (!has_y) return Order::Greater;
    if (x != y) return x < y ? Order::Less : Order::Greater;
  }
}

}  // namespace

Order compare(const Json& a, const Json& b) {
  // Two numbers or two strings (nearly every comparison in a rule) are their own primitives:
  // compared in place, without the copies to_primitive() makes.
  if (a.is_number() && b.is_number()) return compare_numbers(as_double(a), as_double(b));
  if (a.is_string() && b.is_string()) return compare_strings(a.get_ref<const std::string&>(), b.get_ref<const std::string&>());
  const Json pa = to_primitive(a), pb = to_primitive(b);
  if (pa.is_string() && pb.is_string())
    return compare_strings(pa.get_ref<const std::string&>(), pb.get_ref<const std::string&>());
  return compare_numbers(to_number(pa), to_number(pb));
}

std::size_t utf16_length(std::string_view utf8) {
  Utf16Units units(utf8);
  std::size_t n = 0;
  unsigned u = 0;
  while (units.next(u)) ++n;
  return n;
}

Json number(double value) {
  constexpr double kMaxExact = 9007199254740992.0;  // 2^53
  if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) <= kMaxExact)
    return Json(static_cast<std::int64_t>(value));
  return Json(value);
}

Json number_result(double value) {
  if (value == 0 && std::signbit(value)) return Json(value);
  return number(value);
}

}  // namespace leadscore::js
