// Company name checks against the email domain and the company's website.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "checks/public_suffix.h"
#include "emitter.h"

namespace leadscore::checks {

/// The company name without its legal-entity terms (Inc, Ltd, GmbH, SARL, S.A., sp. z o.o., ...)
/// and surplus punctuation/whitespace, as cleanco's basename() with default options.
std::string company_basename(std::string_view name);

/// cleanco's options: where legal terms are removed. Default = suffix only (the public behaviour);
/// prefix ("OAO Novorossiysk ...") and middle ("Hello Oy World") exist for tests and callers that
/// want them.
struct BasenameOptions {
  bool prefix = false;
  bool suffix = true;
  bool middle = false;
};
std::string company_basename(std::string_view name, const BasenameOptions& options);

/// The matching rule of check_company_domain() for a company name and a host name (an email's
/// domain): true/false, or nullopt when they cannot be compared (empty or non-Latin base name,
/// no registrable domain by `suffixes`, Punycode label).
std::optional<bool> company_matches_domain(const SuffixTable& suffixes, std::string_view company, std::string_view domain);

/// The host of a website value ("https://www.acme.com/x", "acme.com:8080", "www.acme.fr"), or ""
/// when it is not an http(s) URL or bare host under a suffix listed in `suffixes`.
std::string website_host(const SuffixTable& suffixes, std::string_view value);

/// Compares e.value() (a company name) with the domain of `email` (another form field's raw value,
/// possibly empty or invalid): "company_domain_match" (info) when the registrable domain's label
/// matches the company's base name, "company_domain_mismatch" (info) when a work address's domain
/// does not. Nothing for free webmail, disposable or unparsable addresses.
void check_company_domain(Emitter& e, std::string_view email);

/// e.value() is a website: "website_invalid" (warn) when it is not an http(s) URL or bare host with
/// a registrable domain; "website_email_mismatch" (info) when the email is a work address at a
/// different registrable domain.
void check_website(Emitter& e, std::string_view email);

}  // namespace leadscore::checks
