// Email syntax for signup forms (docs/checks/email.md, "Syntax"): the dot-atom addresses that
// python-email-validator accepts with its default options, re-implemented here: internationalized
// (SMTPUTF8) local parts and IDN domains yes; quoted local parts, domain literals, display names,
// comments, special-use domains and unsafe Unicode characters no. One linear pass; no allocation
// unless an error is reported.
#include <cstdint>
#include <cstring>

#include "checks/email.h"
#include "checks/idna.h"
#include "checks/punycode.h"
#include "checks/utf8.h"

namespace leadscore::checks {
namespace {

constexpr std::size_t kMaxAddress = 254;  // RFC 5321 path limit (256) less the angle brackets
constexpr std::size_t kMaxLabel = 63;
constexpr std::size_t kMaxLabelCodePoints = 64;  // more code points than this cannot fit 63 bytes

struct Range {
  char32_t lo, hi;
};

template <std::size_t N>
bool in_ranges(char32_t cp, const Range (&ranges)[N]) {
  for (const Range& r : ranges) {
    if (cp >= r.lo && cp <= r.hi) return true;
  }
  return false;
}

// Characters refused anywhere: controls (Cc), format characters (Cf, e.g. zero-width space and
// the bidi overrides), space separators (Zs, Zl, Zp), private use (Co), noncharacters and the
// planes with nothing assigned. Lists from the Unicode 15 character database, by category.
constexpr Range kUnsafe[] = {
    {0x00, 0x20},       {0x7F, 0xA0},       {0xAD, 0xAD},       {0x600, 0x605},     {0x61C, 0x61C},
    {0x6DD, 0x6DD},     {0x70F, 0x70F},     {0x890, 0x891},     {0x8E2, 0x8E2},     {0x1680, 0x1680},
    {0x180E, 0x180E},   {0x2000, 0x200F},   {0x2028, 0x202F},   {0x205F, 0x2064},   {0x2066, 0x206F},
    {0x3000, 0x3000},   {0xE000, 0xF8FF},   {0xFDD0, 0xFDEF},   {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},
    {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A},
    {0x40000, 0xDFFFF}, {0xE0000, 0xE00FF}, {0xE01F0, 0x10FFFF},
};

bool unsafe(char32_t cp) {
  if (cp < 0x7F) return cp <= 0x20;  // ASCII below DEL: only the first range (0..0x20) holds any
  return in_ranges(cp, kUnsafe) || (cp & 0xFFFE) == 0xFFFE;
}

// Combining marks (Mn, Mc, Me), by block: a local part or a domain label may not start with one.
// An approximation of the category (documented): the combining blocks, and in the Indic blocks
// U+0900..0DFF the positions the ISCII-derived layout gives to signs, vowel signs and viramas.
constexpr Range kCombining[] = {
    {0x300, 0x36F},   {0x483, 0x489},   {0x591, 0x5BD},   {0x5BF, 0x5C7},   {0x610, 0x61A},
    {0x64B, 0x65F},   {0x670, 0x670},   {0x6D6, 0x6DC},   {0x6DF, 0x6E8},   {0x6EA, 0x6ED},
    {0x711, 0x711},   {0x730, 0x74A},   {0x7A6, 0x7B0},   {0x7EB, 0x7F3},   {0x816, 0x82D},
    {0x859, 0x85B},   {0x898, 0x89F},   {0x8CA, 0x8FF},   {0xE31, 0xE31},   {0xE34, 0xE3A},
    {0xE47, 0xE4E},   {0xEB1, 0xEB1},   {0xEB4, 0xEBC},   {0xEC8, 0xECE},   {0xF18, 0xF19},
    {0xF35, 0xF39},   {0xF71, 0xF84},   {0x102B, 0x103E}, {0x1712, 0x1715}, {0x17B4, 0x17D3},
    {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x20D0, 0x20FF}, {0x302A, 0x302F}, {0x3099, 0x309A},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xE0100, 0xE01EF},
};

bool combining(char32_t cp) {
  if (cp >= 0x900 && cp <= 0xDFF) {
    const unsigned low = cp & 0x7F;
    return low <= 0x03 || (low >= 0x3A && low <= 0x3C) || (low >= 0x3E && low <= 0x4F) ||
           (low >= 0x51 && low <= 0x57) || (low >= 0x62 && low <= 0x63);
  }
  return in_ranges(cp, kCombining);
}

// Non-ASCII characters refused in domain labels: punctuation and symbol blocks, enclosed and
// compatibility forms, full-width and half-width forms, math alphanumerics, emoji, and the
// Greek punctuation that normalizes to ';', '`' or a middle dot. IDNA
// (UTS-46) disallows or remaps all of these; a form asks for the plain spelling instead.
constexpr Range kDomainSymbols[] = {
    {0x37E, 0x37E},   {0x387, 0x387},   {0x1FED, 0x1FEF}, {0x1FFD, 0x1FFE},  // normalize to ASCII
    {0xA1, 0xBF},     {0xD7, 0xD7},     {0xF7, 0xF7},     {0x2000, 0x2BFF},   {0x2E00, 0x2E7F},
    {0x2FF0, 0x3004}, {0x3008, 0x3020}, {0x3030, 0x3030}, {0x303D, 0x303F},   {0x3200, 0x33FF},
    {0xFE10, 0xFE1F}, {0xFE30, 0xFE6F}, {0xFF00, 0xFFEF}, {0x1D000, 0x1D24F}, {0x1D400, 0x1D7FF},
    {0x1F000, 0x1FAFF},
};

bool atext(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return c != 0 && std::strchr("!#$%&'*+-/=?^_`{|}~", c) != nullptr;
}
bool ldh(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}
bool ascii_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }


// ---- Parsing ---------------------------------------------------------------------------------

struct Failure {
  const char* reason;
  std::size_t at;
};

std::optional<Failure> check_local(std::string_view value, std::size_t end) {
  std::size_t i = 0;
  bool after_dot = true;  // at the start, a dot is as wrong as after a dot
  while (i < end) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(value, i);
    if (cp == '.') {
      if (after_dot) return Failure{at == 0 ? "local_dot_start" : "local_consecutive_dots", at};
      after_dot = true;
      continue;
    }
    if (ascii_space(cp)) return Failure{"whitespace", at};
    if (unsafe(cp)) return Failure{"unsafe_character", at};
    if (cp < 0x80) {
      if (!atext(static_cast<unsigned char>(cp))) return Failure{"local_invalid_character", at};
    } else if (cp == 0x37E || cp == 0x226E || cp == 0x226F) {
      // Unicode normalization turns these into characters refused here: GREEK QUESTION MARK is
      // ';', NOT LESS-THAN / NOT GREATER-THAN are '<' / '>' plus a combining mark.
      return Failure{"local_invalid_character", at};
    } else if (at == 0 && combining(cp)) {
      return Failure{"leading_combining_mark", at};
    }
    after_dot = false;
  }
  if (after_dot) return Failure{"local_dot_end", end - 1};
  return std::nullopt;
}

// One domain label [start, end): its characters, hyphens, A-label validity; its IDNA ASCII length
// in `ascii_len`.
std::optional<Failure> check_label(std::string_view value, std::size_t start, std::size_t end, std::size_t& ascii_len,
                                   bool& all_letters, bool& non_ascii) {
  char32_t cps[kMaxLabelCodePoints];
  std::size_t count = 0;
  all_letters = true;
  non_ascii = false;
  std::size_t i = start;
  while (i < end) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(value, i);
    if (cp == '@') return Failure{"multiple_at_signs", at};
    if (ascii_space(cp)) return Failure{"whitespace", at};
    if (unsafe(cp)) return Failure{"unsafe_character", at};
    if (cp < 0x80) {
      if (!ldh(static_cast<unsigned char>(cp))) return Failure{"domain_invalid_character", at};
      if (!((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))) all_letters = false;
    } else {
      // Symbols a form refuses, and every code point IDNA forbids (U+FFFD, U+FFFC, unassigned...).
      if (in_ranges(cp, kDomainSymbols) || idna_disallowed(cp)) return Failure{"domain_invalid_character", at};
      if (at == start && combining(cp)) return Failure{"leading_combining_mark", at};
      non_ascii = true;
      all_letters = false;
    }
    if (count < kMaxLabelCodePoints) cps[count] = cp;
    ++count;
  }
  if (value[start] == '-' || value[end - 1] == '-') {
    return Failure{value[start] == '-' ? "domain_hyphen_start" : "domain_hyphen_end",
                   value[start] == '-' ? start : end - 1};
  }
  if (count > kMaxLabelCodePoints) return Failure{"domain_label_too_long", start};
  if (count >= 4 && cps[2] == '-' && cps[3] == '-') {
    // Reserved for A-labels (IDNA 2008): only "xn--" with valid punycode.
    if (non_ascii || lower(static_cast<char>(cps[0])) != 'x' || lower(static_cast<char>(cps[1])) != 'n') {
      return Failure{"domain_double_hyphen", start};
    }
    char low[kMaxLabel + 1];
    const std::size_t n = end - start;
    if (n > kMaxLabel) return Failure{"domain_label_too_long", start};
    for (std::size_t k = 0; k < n; ++k) low[k] = lower(value[start + k]);
    char32_t decoded[kMaxLabel];
    std::size_t decoded_len = 0;
    char again[kMaxLabel];
    std::size_t again_len = 0;
    bool ok = punycode_decode(std::string_view(low + 4, n - 4), decoded, kMaxLabel, decoded_len) && decoded_len > 0;
    for (std::size_t k = 0; ok && k < decoded_len; ++k) {
      const char32_t cp = decoded[k];
      ok = cp < 0x80 ? ldh(static_cast<unsigned char>(cp))
                     : !unsafe(cp) && !in_ranges(cp, kDomainSymbols) && !idna_disallowed(cp) &&
                           !(k == 0 && combining(cp));
    }
    // Canonical: encoding the decoded label gives the label back.
    ok = ok && punycode_encode(decoded, decoded_len, again, sizeof again, again_len) && again_len == n - 4 &&
         std::memcmp(again, low + 4, again_len) == 0;
    if (!ok) return Failure{"domain_invalid_punycode", start};
    all_letters = true;  // an A-label is a valid TLD
  }
  if (non_ascii) {
    char encoded[kMaxLabel];
    std::size_t encoded_len = 0;
    if (!punycode_encode(cps, count, encoded, sizeof encoded - 4, encoded_len)) {
      return Failure{"domain_label_too_long", start};
    }
    ascii_len = 4 + encoded_len;
  } else {
    ascii_len = end - start;
  }
  if (ascii_len > kMaxLabel) return Failure{"domain_label_too_long", start};
  return std::nullopt;
}

bool ends_with_label(std::string_view domain, std::string_view name) {
  if (domain.size() < name.size()) return false;
  const std::size_t off = domain.size() - name.size();
  for (std::size_t k = 0; k < name.size(); ++k) {
    if (lower(domain[off + k]) != name[k]) return false;
  }
  return off == 0 || domain[off - 1] == '.';
}

std::optional<Failure> parse(std::string_view value, EmailAddress& out) {
  if (value.empty()) return Failure{"empty", 0};
  std::size_t bad = 0;
  if (!valid_utf8(value, &bad)) return Failure{"invalid_utf8", bad};
  const std::size_t angle = value.find('<');
  if (angle != std::string_view::npos) return Failure{"display_name", angle};
  const std::size_t at = value.find('@');
  if (at == std::string_view::npos) {
    const std::size_t wide = value.find("\xEF\xBC\xA0");   // U+FF20 FULLWIDTH COMMERCIAL AT
    const std::size_t small = value.find("\xEF\xB9\xAB");  // U+FE6B SMALL COMMERCIAL AT
    if (wide != std::string_view::npos || small != std::string_view::npos) {
      return Failure{"wide_at_sign", wide != std::string_view::npos ? wide : small};
    }
    return Failure{"no_at_sign", value.size()};
  }
  if (value[0] == '"') return Failure{"quoted_local_part", 0};
  if (at == 0) return Failure{"no_local_part", 0};
  if (at + 1 == value.size()) return Failure{"no_domain", at + 1};
  if (value[at + 1] == '[') return Failure{"domain_literal", at + 1};
  if (auto f = check_local(value, at)) return f;

  std::size_t ascii_domain = 0, labels = 0;
  bool tld_letters = false, tld_non_ascii = false;
  std::size_t start = at + 1;
  while (true) {
    std::size_t end = value.find('.', start);
    if (end == std::string_view::npos) end = value.size();
    if (start == end) {
      if (start == at + 1) return Failure{"domain_dot_start", start};
      return Failure{end == value.size() ? "domain_dot_end" : "domain_consecutive_dots", start - 1};
    }
    std::size_t ascii_len = 0;
    if (auto f = check_label(value, start, end, ascii_len, tld_letters, tld_non_ascii)) return f;
    ascii_domain += (labels ? 1 : 0) + ascii_len;
    ++labels;
    if (end == value.size()) break;
    start = end + 1;
  }
  const std::string_view domain = value.substr(at + 1);
  if (ascii_domain > kMaxAsciiDomain) return Failure{"domain_too_long", at + 1};
  if (at + 1 + (domain.size() > ascii_domain ? domain.size() : ascii_domain) > kMaxAddress) {
    return Failure{"too_long", 0};
  }
  if (labels < 2) return Failure{"domain_no_period", at + 1};
  if (!tld_letters && !tld_non_ascii) return Failure{"domain_bad_tld", value.rfind('.') + 1};
  // Special-use names (RFC 6761 and the IANA registry as python-email-validator lists them):
  // never a real mailbox.
  for (const char* name : {"arpa", "invalid", "local", "localhost", "onion", "test"}) {
    if (ends_with_label(domain, name)) return Failure{"reserved_domain", at + 1};
  }
  out.local = value.substr(0, at);
  out.domain = domain;
  return std::nullopt;
}

}  // namespace

std::optional<EmailAddress> parse_email(std::string_view value, EmailSyntaxError* error) {
  EmailAddress address;
  if (auto f = parse(value, address)) {
    if (error) {
      error->reason = f->reason;
      error->at = f->at;
    }
    return std::nullopt;
  }
  return address;
}

std::size_t email_ascii_domain(std::string_view domain, char* out, std::size_t capacity) {
  std::size_t len = 0;
  std::size_t start = 0;
  while (start <= domain.size()) {
    std::size_t end = domain.find('.', start);
    if (end == std::string_view::npos) end = domain.size();
    if (len) {
      if (len >= capacity) return 0;
      out[len++] = '.';
    }
    bool non_ascii = false;
    for (std::size_t k = start; k < end; ++k) non_ascii |= static_cast<unsigned char>(domain[k]) >= 0x80;
    if (!non_ascii) {
      if (end - start > capacity - len) return 0;
      for (std::size_t k = start; k < end; ++k) out[len++] = lower(domain[k]);
    } else {
      char32_t cps[kMaxLabelCodePoints];
      std::size_t count = 0;
      for (std::size_t i = start; i < end;) {
        if (count == kMaxLabelCodePoints) return 0;
        cps[count++] = next_code_point(domain, i);
      }
      if (capacity - len < 4) return 0;
      std::memcpy(out + len, "xn--", 4);
      len += 4;
      std::size_t encoded = 0;
      if (!punycode_encode(cps, count, out + len, capacity - len, encoded)) return 0;
      len += encoded;
    }
    start = end + 1;
  }
  return len;
}

}  // namespace leadscore::checks
