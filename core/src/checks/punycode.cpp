#include "punycode.h"

#include <cstdint>
#include <cstring>

namespace leadscore::checks {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::uint32_t kBase = 36, kTmin = 1, kTmax = 26, kSkew = 38, kDamp = 700;
constexpr std::uint32_t kInitialBias = 72, kInitialN = 128, kMaxInt = 0x7FFFFFFF;

std::uint32_t adapt(std::uint32_t delta, std::uint32_t points, bool first) {
  delta = first ? delta / kDamp : delta / 2;
  delta += delta / points;
  std::uint32_t k = 0;
  while (delta > ((kBase - kTmin) * kTmax) / 2) {
    delta /= kBase - kTmin;
    k += kBase;
  }
  return k + (kBase - kTmin + 1) * delta / (delta + kSkew);
}
std::uint32_t threshold(std::uint32_t k, std::uint32_t bias) {
  return k <= bias ? kTmin : (k >= bias + kTmax ? kTmax : k - bias);
}
char encode_digit(std::uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26)); }
int decode_digit(char c) {
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '0' && c <= '9') return c - '0' + 26;
  return -1;
}

}  // namespace

// Encodes `n_in` code points; false when the result does not fit `cap` bytes.
bool punycode_encode(const char32_t* in, std::size_t n_in, char* out, std::size_t cap, std::size_t& len) {
  len = 0;
  std::uint32_t basic = 0;
  for (std::size_t i = 0; i < n_in; ++i) {
    if (in[i] < 0x80) {
      if (len >= cap) return false;
      out[len++] = lower(static_cast<char>(in[i]));
      ++basic;
    }
  }
  if (basic > 0) {
    if (len >= cap) return false;
    out[len++] = '-';
  }
  std::uint32_t n = kInitialN, delta = 0, bias = kInitialBias, handled = basic;
  while (handled < n_in) {
    std::uint32_t m = 0x110000;
    for (std::size_t i = 0; i < n_in; ++i) {
      if (in[i] >= n && in[i] < m) m = in[i];
    }
    if ((m - n) > (kMaxInt - delta) / (handled + 1)) return false;
    delta += (m - n) * (handled + 1);
    n = m;
    for (std::size_t i = 0; i < n_in; ++i) {
      if (in[i] < n && ++delta > kMaxInt) return false;
      if (in[i] != n) continue;
      std::uint32_t q = delta;
      for (std::uint32_t k = kBase;; k += kBase) {
        const std::uint32_t t = threshold(k, bias);
        if (q < t) break;
        if (len >= cap) return false;
        out[len++] = encode_digit(t + (q - t) % (kBase - t));
        q = (q - t) / (kBase - t);
      }
      if (len >= cap) return false;
      out[len++] = encode_digit(q);
      bias = adapt(delta, handled + 1, handled == basic);
      delta = 0;
      ++handled;
    }
    ++delta;
    ++n;
  }
  return true;
}

// Decodes the part after "xn--" (lower case); false when it is not valid punycode or yields more
// than `cap` code points.
bool punycode_decode(std::string_view in, char32_t* out, std::size_t cap, std::size_t& len) {
  len = 0;
  const std::size_t dash = in.rfind('-');
  std::size_t pos = 0;
  if (dash != std::string_view::npos) {
    if (dash > cap) return false;
    for (std::size_t i = 0; i < dash; ++i) {
      if (static_cast<unsigned char>(in[i]) >= 0x80) return false;
      out[len++] = static_cast<unsigned char>(in[i]);
    }
    pos = dash + 1;
  }
  std::uint32_t n = kInitialN, i = 0, bias = kInitialBias;
  while (pos < in.size()) {
    const std::uint32_t old_i = i;
    std::uint32_t w = 1;
    for (std::uint32_t k = kBase;; k += kBase) {
      if (pos >= in.size()) return false;
      const int digit = decode_digit(in[pos++]);
      if (digit < 0) return false;
      const auto d = static_cast<std::uint32_t>(digit);
      if (d > (kMaxInt - i) / w) return false;
      i += d * w;
      const std::uint32_t t = threshold(k, bias);
      if (d < t) break;
      if (w > kMaxInt / (kBase - t)) return false;
      w *= kBase - t;
    }
    const auto points = static_cast<std::uint32_t>(len + 1);
    bias = adapt(i - old_i, points, old_i == 0);
    if (i / points > kMaxInt - n) return false;
    n += i / points;
    i %= points;
    if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF) || n < 0x80 || len >= cap) return false;
    std::memmove(out + i + 1, out + i, (len - i) * sizeof(char32_t));
    out[i] = n;
    ++len;
    ++i;
  }
  return true;
}

}  // namespace leadscore::checks
