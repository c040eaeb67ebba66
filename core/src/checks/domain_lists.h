// Lookups in the domain tables generated at build time from npm data packages
// (core/data/gen-domain_lists.mjs; sources and licences in docs/form-checks.md).
#pragma once
#include <cstddef>
#include <string_view>

namespace leadscore::checks {

/// `domain` is lower-case ASCII (A-labels). A listed domain matches itself and every subdomain
/// (mail.yahoo.com matches yahoo.com); a listed name used as a left label elsewhere does not
/// (yahoo.com.example.org is not yahoo.com).
bool is_free_email_domain(std::string_view domain);
bool is_disposable_email_domain(std::string_view domain);
/// `local` is the lower-case local part without any "+tag".
bool is_role_local_part(std::string_view local);

/// Size of the tables compiled in (for docs/benchmarks.md): entries and bytes.
struct TableSize {
  std::size_t entries = 0;
  std::size_t bytes = 0;
};
TableSize free_domains_size();
TableSize disposable_domains_size();

}  // namespace leadscore::checks
