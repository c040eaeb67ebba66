// Domain typo suggestions with mailcheck 1.1.2's semantics (facts from its README and spec:
// sift4 with maxOffset 5, thresholds 2, default lists). Written for leadscore; no mailcheck code.
#include "checks/email_typo.h"

#include <algorithm>
#include <climits>
#include <cstdlib>

#include "checks/public_suffix.h"

namespace leadscore::checks {
namespace {

constexpr std::size_t kMaxSift = 255;

// mailcheck 1.1.2 library defaults (src/mailcheck.js: defaultDomains, defaultSecondLevelDomains,
// defaultTopLevelDomains), MIT.
constexpr std::string_view kMailcheckDomains[] = {
    "msn.com",     "bellsouth.net", "telus.net",      "comcast.net",   "optusnet.com.au", "earthlink.net",
    "qq.com",      "sky.com",       "icloud.com",     "mac.com",       "sympatico.ca",    "googlemail.com",
    "att.net",     "xtra.co.nz",    "web.de",         "cox.net",       "gmail.com",       "ymail.com",
    "aim.com",     "rogers.com",    "verizon.net",    "rocketmail.com", "google.com",     "optonline.net",
    "sbcglobal.net", "aol.com",     "me.com",         "btinternet.com", "charter.net",    "shaw.ca"};
constexpr std::string_view kMailcheckSecondLevel[] = {"yahoo", "hotmail", "mail", "live", "outlook", "gmx"};
constexpr std::string_view kMailcheckTopLevel[] = {
    "com", "com.au", "com.tw", "ca", "co.nz", "co.uk", "de",  "fr",  "it",    "ru",  "net", "org", "edu", "gov",
    "jp",  "nl",     "kr",     "se", "eu",    "ie",    "co.il", "us", "at",   "be",  "dk",  "hk",  "es",  "gr",
    "ch",  "no",     "cz",     "in", "net",   "net.au", "info", "biz", "mil", "co.jp", "sg", "hu",  "uk"};

// Shipped: mailcheck's defaults plus the webmail providers most used in France, Europe and
// worldwide (domains whose first label has 5+ letters: shorter ones cannot be told from real
// company domains, see plausible_domain_suggestion), and TLDs companies use, so that a real
// "startup.io" is not "corrected" to ".it".
constexpr std::string_view kShippedDomains[] = {
    "msn.com",     "bellsouth.net", "telus.net",      "comcast.net",   "optusnet.com.au", "earthlink.net",
    "qq.com",      "sky.com",       "icloud.com",     "mac.com",       "sympatico.ca",    "googlemail.com",
    "att.net",     "xtra.co.nz",    "web.de",         "cox.net",       "gmail.com",       "ymail.com",
    "aim.com",     "rogers.com",    "verizon.net",    "rocketmail.com", "google.com",     "optonline.net",
    "sbcglobal.net", "aol.com",     "me.com",         "btinternet.com", "charter.net",    "shaw.ca",
    "hotmail.com", "hotmail.fr",    "hotmail.co.uk",  "outlook.com",   "outlook.fr",      "yahoo.com",
    "yahoo.fr",    "yahoo.co.uk",   "orange.fr",      "wanadoo.fr",    "laposte.net",     "gmx.de",
    "gmx.net",     "gmx.fr",        "t-online.de",    "protonmail.com", "proton.me",      "yandex.ru",
    "mail.ru",     "libero.it",     "bluewin.ch",     "skynet.be",     "telenet.be",      "zoho.com",
    "live.com",    "numericable.fr", "aliceadsl.fr",  "club-internet.fr", "mail.com", "email.com",
    "gmx.at",      "gmx.ch",        "hotmail.de",     "hotmail.it",    "hotmail.es",      "yahoo.de",
    "yahoo.it",    "yahoo.es",      "outlook.de",     "live.co.uk",    "ymail.fr",        "icloud.fr"};
constexpr std::string_view kShippedTopLevel[] = {
    "com", "com.au", "com.tw", "ca", "co.nz", "co.uk", "de",  "fr",  "it",    "ru",  "net", "org", "edu", "gov",
    "jp",  "nl",     "kr",     "se", "eu",    "ie",    "co.il", "us", "at",   "be",  "dk",  "hk",  "es",  "gr",
    "ch",  "no",     "cz",     "in", "net",   "net.au", "info", "biz", "mil", "co.jp", "sg", "hu",  "uk",
    "io",  "ai",     "app",    "dev", "me",   "tv",    "xyz", "tech", "online", "pro", "cloud", "lu", "pl", "pt",
    "ro",  "fi",     "ma",     "tn", "sn",    "ci",    "re",  "cn",  "br",    "mx",  "ar",  "cl",  "za",  "com.br",
    "com.mx", "co.za", "co.in"};

template <std::size_t N>
constexpr NameList list_of(const std::string_view (&items)[N]) {
  return NameList{items, N};
}

bool contains(NameList list, std::string_view value) {
  return list.items && std::find(list.items, list.items + list.size, value) != list.items + list.size;
}

bool js_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::optional<std::string> suggest_parts(const EmailSplit& parts, const TypoLists& lists) {
  if (lists.second_level.items && lists.top_level.items && contains(lists.second_level, parts.second_level) &&
      contains(lists.top_level, parts.top_level)) {
    return std::nullopt;  // a known provider under a known TLD
  }
  if (auto closest = find_closest(parts.domain, lists.domains, lists.domain_threshold)) {
    if (*closest == parts.domain) return std::nullopt;
    return std::string(*closest);
  }
  const auto sld = find_closest(parts.second_level, lists.second_level, lists.second_level_threshold);
  const auto tld = find_closest(parts.top_level, lists.top_level, lists.top_level_threshold);
  std::string domain(parts.domain);
  bool changed = false;
  if (sld && *sld != parts.second_level) {
    // The second-level name is the domain's first label: replace that prefix.
    domain.replace(0, parts.second_level.size(), *sld);
    changed = true;
  }
  if (tld && *tld != parts.top_level && !parts.second_level.empty()) {
    domain.replace(domain.size() - parts.top_level.size(), parts.top_level.size(), *tld);
    changed = true;
  }
  if (!changed) return std::nullopt;
  return domain;
}

// `shorter` is `longer` with one character left out.
bool one_letter_dropped(std::string_view shorter, std::string_view longer) {
  if (shorter.size() + 1 != longer.size()) return false;
  std::size_t i = 0;
  while (i < shorter.size() && shorter[i] == longer[i]) ++i;
  return shorter.substr(i) == longer.substr(i + 1);
}

}  // namespace

int sift4_distance(std::string_view a, std::string_view b, int max_offset) {
  return sift4_distance_within(a, b, INT_MAX - 1, max_offset);
}

// Why the early exit is exact: every match moves both cursors on by one, and nothing moves the
// smaller cursor back (a mismatch resets both to the smaller one; a look-ahead moves one forward),
// so the matches still to come are at most min(l1, l2) - min(c1, c2), and transpositions only
// grow. The final distance is therefore at least max(l1, l2) - (matches so far + that) +
// transpositions so far.
int sift4_distance_within(std::string_view a, std::string_view b, int limit, int max_offset) {
  const int l1 = static_cast<int>(std::min(a.size(), kMaxSift + 1));
  const int l2 = static_cast<int>(std::min(b.size(), kMaxSift + 1));
  if (l1 == 0) return l2;
  if (l2 == 0) return l1;
  if (a.size() > kMaxSift || b.size() > kMaxSift) return static_cast<int>(std::max(a.size(), b.size()));

  // Earlier matches, to count transpositions. Each match adds one; stale ones are dropped.
  struct Match {
    int c1, c2;
    bool transposed;
  };
  Match matches[2 * kMaxSift + 2];
  int match_count = 0;

  int c1 = 0, c2 = 0;          // cursors in a and b
  int common = 0, run = 0;     // matched characters: total, current run
  int transpositions = 0;
  while (c1 < l1 && c2 < l2) {
    if (a[c1] == b[c2]) {
      ++run;
      bool transposed = false;
      for (int k = 0; k < match_count;) {
        Match& m = matches[k];
        if (c1 <= m.c1 || c2 <= m.c2) {
          transposed = std::abs(c2 - c1) >= std::abs(m.c2 - m.c1);
          if (transposed) {
            ++transpositions;
          } else if (!m.transposed) {
            m.transposed = true;
            ++transpositions;
          }
          break;
        }
        if (c1 > m.c2 && c2 > m.c1) {
          std::copy(matches + k + 1, matches + match_count, matches + k);
          --match_count;
        } else {
          ++k;
        }
      }
      if (match_count < static_cast<int>(sizeof matches / sizeof matches[0])) {
        matches[match_count++] = Match{c1, c2, transposed};
      }
    } else {
      common += run;
      run = 0;
      if (c1 != c2) c1 = c2 = std::min(c1, c2);
      // Look ahead up to max_offset characters in either string for the other's character.
      for (int i = 0; i < max_offset && (c1 + i < l1 || c2 + i < l2); ++i) {
        if (c1 + i < l1 && a[c1 + i] == b[c2]) {
          c1 += i - 1;
          --c2;
          break;
        }
        if (c2 + i < l2 && a[c1] == b[c2 + i]) {
          --c1;
          c2 += i - 1;
          break;
        }
      }
    }
    ++c1;
    ++c2;
    if (c1 >= l1 || c2 >= l2) {
      common += run;
      run = 0;
      c1 = c2 = std::min(c1, c2);
    }
    const int still_possible = std::min(l1, l2) - std::min(c1, c2);
    if (std::max(l1, l2) - (common + run + still_possible) + transpositions > limit) return limit + 1;
  }
  common += run;
  return std::max(l1, l2) - common + transpositions;
}

std::optional<std::string_view> find_closest(std::string_view value, NameList list, int threshold) {
  if (value.empty() || !list.items) return std::nullopt;
  int best = INT_MAX;
  std::optional<std::string_view> closest;
  for (std::size_t i = 0; i < list.size; ++i) {
    if (list.items[i] == value) return list.items[i];
    // sift4 is max(l1, l2) - common + transpositions with common <= min(l1, l2), so it is at least
    // the length difference: an item that far off can neither beat `best` nor pass the threshold,
    // and skipping it keeps the result exactly (and most of the list is skipped).
    const std::size_t gap = value.size() > list.items[i].size() ? value.size() - list.items[i].size()
                                                                 : list.items[i].size() - value.size();
    if (gap > static_cast<std::size_t>(std::max(threshold, 0)) || static_cast<long long>(gap) >= best) continue;
    const int d = sift4_distance_within(value, list.items[i], std::min(threshold, best - 1));
    if (d < best) {
      best = d;
      closest = list.items[i];
    }
  }
  if (closest && best <= threshold) return closest;
  return std::nullopt;
}

std::optional<EmailSplit> split_email(std::string_view email) {
  while (!email.empty() && js_space(email.front())) email.remove_prefix(1);
  while (!email.empty() && js_space(email.back())) email.remove_suffix(1);
  const std::size_t last_at = email.rfind('@');
  if (last_at == std::string_view::npos) return std::nullopt;
  // No empty part between any two '@' signs, nor at either end.
  for (std::size_t start = 0;;) {
    const std::size_t at = email.find('@', start);
    const std::size_t end = at == std::string_view::npos ? email.size() : at;
    if (end == start) return std::nullopt;
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  EmailSplit parts;
  parts.address = email.substr(0, last_at);
  parts.domain = email.substr(last_at + 1);
  const std::size_t dot = parts.domain.find('.');
  if (dot == std::string_view::npos) {
    parts.top_level = parts.domain;
  } else {
    parts.second_level = parts.domain.substr(0, dot);
    parts.top_level = parts.domain.substr(dot + 1);
  }
  return parts;
}

const TypoLists& mailcheck_default_lists() {
  static const TypoLists lists{list_of(kMailcheckDomains), list_of(kMailcheckSecondLevel),
                               list_of(kMailcheckTopLevel)};
  return lists;
}

const TypoLists& shipped_typo_lists() {
  static const TypoLists lists{list_of(kShippedDomains), list_of(kMailcheckSecondLevel), list_of(kShippedTopLevel)};
  return lists;
}

std::optional<std::string> suggest_domain(std::string_view email, const TypoLists& lists) {
  const auto parts = split_email(email);
  if (!parts) return std::nullopt;
  return suggest_parts(*parts, lists);
}

std::optional<std::string> plausible_domain_suggestion(const SuffixTable& suffixes, std::string_view domain, bool listed) {
  if (domain.empty()) return std::nullopt;
  EmailSplit parts;
  parts.domain = domain;
  const std::size_t dot = domain.find('.');
  if (dot == std::string_view::npos) return std::nullopt;  // syntax needs a period anyway
  parts.second_level = domain.substr(0, dot);
  parts.top_level = domain.substr(dot + 1);
  const TypoLists& lists = shipped_typo_lists();
  auto suggestion = suggest_parts(parts, lists);
  if (!suggestion) return std::nullopt;
  const std::string_view fixed(*suggestion);
  const std::string_view first_label = fixed.substr(0, fixed.find('.'));
  const bool known_provider = contains(lists.domains, fixed) || contains(lists.second_level, first_label);
  // A listed (existing) domain is corrected only towards a major provider: typo-squats such as
  // gmial.com are on the free list.
  if (listed && !contains(lists.domains, fixed)) return std::nullopt;
  if (first_label != parts.second_level) {
    // Another provider name: one edit from a name of 5+ characters (not "acme" -> "me",
    // "about" -> "yahoo", "online" -> "t-online").
    if (first_label.size() < 5 || sift4_distance_within(parts.second_level, first_label, 1) > 1) return std::nullopt;
  }
  const std::string_view fixed_tld = fixed.substr(first_label.size() + (first_label.size() < fixed.size() ? 1 : 0));
  if (fixed_tld != parts.top_level && has_listed_suffix(suffixes, domain) &&
      !(known_provider && one_letter_dropped(parts.top_level, fixed_tld))) {
    // "startup.site" is not "startup.it", "yahoo.com.ar" not "yahoo.com.au": the typed TLD
    // exists. Only a provider's TLD with a letter dropped is fixed ("gmail.co", "gmail.cm").
    return std::nullopt;
  }
  return suggestion;
}

}  // namespace leadscore::checks
