// Registrable domain (eTLD+1) by the Public Suffix List, compiled in at build time from the npm
// `psl` package's copy of the list (core/data/gen-public_suffix.mjs).
#pragma once
#include <string>
#include <string_view>

namespace leadscore::checks {

/// The registrable domain of a host name (case-insensitive, ASCII/A-labels; a trailing dot is not
/// allowed), lower-cased; "" when the host is itself a public suffix or not a valid host name.
std::string registrable_domain(std::string_view host);

}  // namespace leadscore::checks
