// Domain typo suggestions ("jhon@gmial.com" -> "jhon@gmail.com") with the semantics of mailcheck
// 1.1.2 (github.com/mailcheck/mailcheck, MIT): sift4 distance with maxOffset 5, a whole-domain
// match first, then second-level and top-level matches; thresholds 2. Re-implemented here from
// the algorithm's description; docs/checks/email.md lists the shipped domain lists.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "checks/public_suffix.h"

namespace leadscore::checks {

/// Sift4 ("common" variant) distance between two byte strings. Integer only. Strings longer
/// than 255 bytes are not compared: the result is then the longer length.
int sift4_distance(std::string_view a, std::string_view b, int max_offset = 5);

/// sift4_distance() when it is at most `limit`; otherwise some value above `limit`, returned as
/// soon as the distance is known to exceed it (the typo search only needs the close ones).
int sift4_distance_within(std::string_view a, std::string_view b, int limit, int max_offset = 5);

/// A list of names (views into static or caller-owned storage).
struct NameList {
  const std::string_view* items = nullptr;
  std::size_t size = 0;
};

/// mailcheck's findClosestDomain: `value` itself when it is in the list, else the nearest entry
/// (first one on ties) when its distance is <= threshold, else nullopt. Empty value: nullopt.
std::optional<std::string_view> find_closest(std::string_view value, NameList list, int threshold);

/// mailcheck's splitEmail: whitespace trimmed, split at every '@' (no empty part allowed), the
/// last part is the domain; second-level = the domain's first label ("" for one label), top-level
/// = everything after the FIRST dot (the whole domain for one label).
struct EmailSplit {
  std::string_view address, domain, top_level, second_level;
};
std::optional<EmailSplit> split_email(std::string_view email);

struct TypoLists {
  NameList domains, second_level, top_level;
  int domain_threshold = 2, second_level_threshold = 2, top_level_threshold = 2;
};

/// mailcheck's lists: library defaults of 1.1.2 (lists.domains/second_level/top_level).
const TypoLists& mailcheck_default_lists();
/// What leadscore ships: mailcheck's defaults plus popular webmail domains and TLDs
/// (docs/checks/email.md).
const TypoLists& shipped_typo_lists();

/// mailcheck's suggest() on a lower-case address: the corrected domain, or nullopt (no
/// suggestion, including when the domain is already right). With `lists` missing second-level or
/// top-level names, those steps are skipped, as in mailcheck.
std::optional<std::string> suggest_domain(std::string_view email, const TypoLists& lists);

/// The domain suggestion leadscore shows for a syntactically valid, lower-case ASCII domain:
/// suggest_domain() with the shipped lists, kept only when plausible (docs/checks/email.md,
/// "Typos"): a changed first label must be a provider name of 5+ characters at sift4 distance
/// 1; a changed TLD must not be a real one (`suffixes`, a data pack's Public Suffix List) unless the result is a
/// known provider's domain and the typed TLD is its TLD with one letter dropped; a `listed` domain (on the free or disposable list) is corrected only to one
/// of the shipped provider domains (typo-squats like gmial.com are listed as free).
std::optional<std::string> plausible_domain_suggestion(const SuffixTable& suffixes, std::string_view domain,
                                                       bool listed = false);

}  // namespace leadscore::checks
