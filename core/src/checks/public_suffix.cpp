// Registrable domain by the Public Suffix List (publicsuffix.org/list, "Formal algorithm"), over
// the table of a data pack (A-labels; the full tier has the ICANN and PRIVATE rules).
// Unicode labels are converted to A-labels here (RFC 3492 Punycode) after a small lower-casing
// step; no full UTS-46 mapping (docs/checks/company-phone-form.md, "Known limits").
#include "public_suffix.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "punycode.h"
#include "utf8.h"

namespace leadscore::checks {

namespace {

constexpr std::size_t kMaxHost = 253;
constexpr std::size_t kMaxLabel = 63;

// Simple lower case for the scripts whose capitals have a fixed offset (Latin-1, Latin
// Extended-A, Greek, Cyrillic). Other code points are kept as they are.
char32_t lower_code_point(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
    // Pairs are (even upper, odd lower) in 0100-0137 and 014A-0177, (odd upper, even lower) in 0139-0148 and 0179-017E.
    const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_upper ? (c % 2 == 1) : (c % 2 == 0)) return c == 0x178 ? 0xFF : c + 1;
    return c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

bool ldh_label(std::string_view label) {
  if (label.empty() || label.size() > kMaxLabel) return false;
  for (char c : label)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return label.front() != '-' && label.back() != '-';
}

// Splits, lower-cases and A-label-converts `host`. `shown` gets each label as returned to the
// caller (lower-cased, Unicode kept), `ascii` the A-label used for lookups.
bool prepare(std::string_view host, std::vector<std::string>& shown, std::vector<std::string>& ascii) {
  if (host.empty() || host.size() > 4 * kMaxHost || !valid_utf8(host)) return false;
  std::size_t start = 0;
  std::size_t total = 0;
  while (true) {
    const std::size_t dot = host.find('.', start);
    const std::string_view raw = host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    std::string lower;
    std::vector<char32_t> cps;
    const bool non_ascii = std::any_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (!non_ascii) {  // the usual label: lower-cased byte by byte, no code points needed
      lower.assign(raw.data(), raw.size());
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    for (std::size_t i = 0; non_ascii && i < raw.size();) {
      const char32_t c = lower_code_point(next_code_point(raw, i));
      cps.push_back(c);
      append_utf8(lower, c);
    }
    std::string a;
    if (non_ascii) {
      char encoded[kMaxLabel + 1];
      std::size_t encoded_len = 0;
      if (!punycode_encode(cps.data(), cps.size(), encoded, sizeof encoded - 4, encoded_len)) return false;
      a = "xn--" + std::string(encoded, encoded_len);
    } else {
      a = lower;
    }
    if (!ldh_label(a)) return false;
    total += a.size() + 1;
    shown.push_back(std::move(lower));
    ascii.push_back(std::move(a));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (total - 1 > kMaxHost) return false;
  // An all-numeric last label is an IPv4 address or garbage, not a host name (RFC 3696, 2).
  const std::string& tld = ascii.back();
  return !std::all_of(tld.begin(), tld.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A host as suffix_labels() reads it: its A-labels joined by dots, and where each label starts.
struct LabelledHost {
  static constexpr std::size_t kMaxLabels = kMaxHost / 2 + 1;  // "a.b.c...": one byte and a dot each
  std::string_view joined;
  std::size_t starts[kMaxLabels];
  std::size_t count = 0;
};

// Number of labels of the public suffix of `host`, and whether a listed rule (not the implicit
// "*") decided it. The table holds the rules with their labels reversed; the reversed suffix of
// the last k labels is a prefix of the whole host reversed, so one buffer serves every lookup:
// "!" + the host reversed, of which the exception key of a suffix is a prefix, and its rule key
// the same prefix without the "!".
std::size_t suffix_labels(const SuffixTable& table, const LabelledHost& host, bool* listed) {
  const std::size_t n = host.count;
  std::string reversed = "!";
  std::size_t ends[LabelledHost::kMaxLabels];  // ends[i]: end in `reversed` of the suffix from label i
  for (std::size_t k = n; k-- > 0;) {
    const std::size_t end = k + 1 < n ? host.starts[k + 1] - 1 : host.joined.size();
    if (k + 1 < n) reversed.push_back('.');
    reversed.append(host.joined.substr(host.starts[k], end - host.starts[k]));
    ends[k] = reversed.size();
  }
  const std::string_view all = reversed;
  auto exception_key = [&](std::size_t i) { return all.substr(0, ends[i]); };
  auto rule_key = [&](std::size_t i) { return all.substr(1, ends[i] - 1); };
  for (std::size_t i = 0; i < n; ++i) {  // exception rules win over everything
    if (table.rules.contains(exception_key(i))) {
      if (listed) *listed = true;
      return n - i - 1;
    }
  }
  std::string wildcard;  // "*." + a suffix, reversed: the suffix's key + ".*"
  for (std::size_t i = 0; i < n; ++i) {  // otherwise the longest matching rule
    bool match = table.rules.contains(rule_key(i));
    if (!match && i + 1 < n) {
      wildcard.assign(rule_key(i + 1));
      wildcard.append(".*");
      match = table.rules.contains(wildcard);
    }
    if (match) {
      if (listed) *listed = true;
      return n - i;
    }
  }
  if (listed) *listed = false;
  return 1;  // the implicit "*" rule: the last label
}

// prepare() for a host of ASCII bytes only (nearly every host): its A-labels are its labels
// lower-cased, so the host is lower-cased once into `lower` and read in place. False where
// prepare() is false; `shown` and `ascii` would both be `lower` split at its dots.
bool prepare_ascii(std::string_view host, std::string& lower, LabelledHost& out) {
  if (host.empty() || host.size() > kMaxHost) return false;  // prepare()'s total check, in advance
  lower.assign(host.data(), host.size());
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  out.joined = lower;
  out.count = 0;
  for (std::size_t start = 0;;) {
    const std::size_t dot = lower.find('.', start);
    const std::size_t end = dot == std::string::npos ? lower.size() : dot;
    if (!ldh_label(std::string_view(lower).substr(start, end - start))) return false;
    out.starts[out.count++] = start;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  const std::string_view tld = std::string_view(lower).substr(out.starts[out.count - 1]);
  return !std::all_of(tld.begin(), tld.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_ascii(std::string_view text) {
  return std::none_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// The general case: `ascii` (prepare()'s A-labels) joined into `joined`.
void label(const std::vector<std::string>& ascii, std::string& joined, LabelledHost& out) {
  joined.clear();
  out.count = 0;
  for (const std::string& a : ascii) {
    if (!joined.empty()) joined.push_back('.');
    out.starts[out.count++] = joined.size();
    joined += a;
  }
  out.joined = joined;
}

}  // namespace

std::string registrable_domain(const SuffixTable& table, std::string_view host) {
  LabelledHost labelled;
  std::string joined;
  if (is_ascii(host)) {
    if (!prepare_ascii(host, joined, labelled)) return "";
    const std::size_t suffix = suffix_labels(table, labelled, nullptr);
    if (suffix >= labelled.count) return "";
    return joined.substr(labelled.starts[labelled.count - suffix - 1]);
  }
  std::vector<std::string> shown, ascii;
  if (!prepare(host, shown, ascii)) return "";
  label(ascii, joined, labelled);
  const std::size_t suffix = suffix_labels(table, labelled, nullptr);
  if (suffix >= shown.size()) return "";
  std::string out;
  for (std::size_t i = shown.size() - suffix - 1; i < shown.size(); ++i) {
    if (!out.empty()) out.push_back('.');
    out += shown[i];
  }
  return out;
}

bool has_listed_suffix(const SuffixTable& table, std::string_view host) {
  LabelledHost labelled;
  std::string joined;
  if (is_ascii(host)) {
    if (!prepare_ascii(host, joined, labelled)) return false;
  } else {
    std::vector<std::string> shown, ascii;
    if (!prepare(host, shown, ascii)) return false;
    label(ascii, joined, labelled);
  }
  bool listed = false;
  const std::size_t suffix = suffix_labels(table, labelled, &listed);
  return listed && suffix < labelled.count;
}

PublicSuffixTableSize public_suffix_table_size(const SuffixTable& t) { return {t.rules.entry_count, t.rules.bytes()}; }

}  // namespace leadscore::checks
