// Registrable domain (eTLD+1) by the Public Suffix List of a data pack (core/data/lists.mjs builds
// it from the npm `psl` package's copy of the list; docs/data-packs.md).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "checks/domain_lists.h"

namespace leadscore::checks {

/// The rules of a Public Suffix List (A-labels) as a front-coded set with their labels reversed,
/// as the domain lists are: "co.uk" is "uk.co", the wildcard "*.ck" is "ck.*", the exception
/// "!www.ck" is "!ck.www". The rules of one TLD then share their prefixes (data pack format 3).
struct SuffixTable {
  FrontCodedTable rules;
};

/// The registrable domain of a host name (case-insensitive, ASCII/A-labels; a trailing dot is not
/// allowed), lower-cased; "" when the host is itself a public suffix or not a valid host name.
/// Unicode labels (UTF-8) are accepted too: looked up by their Punycode A-label, returned as given
/// (lower-cased for Latin/Greek/Cyrillic capitals); no other UTS-46 mapping is applied.
/// An all-numeric last label (an IPv4 address) is not a host name.
std::string registrable_domain(const SuffixTable& table, std::string_view host);

/// True when the host is a valid host name below a suffix that a listed rule decides (its TLD or
/// a longer suffix is on the list), i.e. not only by the implicit "*" rule: "acme.com" yes,
/// "acme.notatld" no. Used for website values, where an unlisted TLD is almost always a typo.
bool has_listed_suffix(const SuffixTable& table, std::string_view host);

/// Size of a table (docs/checks/company-phone-form.md): rules and bytes.
struct PublicSuffixTableSize {
  std::size_t rules = 0;
  std::size_t bytes = 0;
};
PublicSuffixTableSize public_suffix_table_size(const SuffixTable& table);

}  // namespace leadscore::checks
