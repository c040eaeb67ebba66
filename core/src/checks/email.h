// Email checks: syntax, domain typos, free webmail, disposable domains, role addresses
// (docs/checks/email.md has the definitions, data sources and licences).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "emitter.h"

namespace leadscore::checks {

/// The two halves of a syntactically valid address (views into the checked value).
struct EmailAddress {
  std::string_view local;
  std::string_view domain;
};

/// Why an address is not valid: a stable reason id (e.g. "no_at_sign", "local_invalid_character") used as
/// the finding's message key.
struct EmailSyntaxError {
  std::string reason;
  std::size_t at = 0;  ///< byte offset the problem starts at
};

/// Parses an address by the syntax leadscore accepts on signup forms (documented). Either the
/// parts or the first error. Linear in the length of `value`; never throws; any bytes accepted.
std::optional<EmailAddress> parse_email(std::string_view value, EmailSyntaxError* error = nullptr);

/// Longest domain in IDNA ASCII form (RFC 1035), and the buffer size email_ascii_domain() needs.
inline constexpr std::size_t kMaxAsciiDomain = 253;

/// The domain of an address parse_email() accepted, in IDNA ASCII form (Unicode labels as
/// punycode A-labels, ASCII letters lower-cased), written to `out` (kMaxAsciiDomain bytes or
/// more). Returns its length, or 0 when it does not fit or a label cannot be encoded.
/// Allocates nothing.
std::size_t email_ascii_domain(std::string_view domain, char* out, std::size_t capacity);

/// The en/fr message of a syntax reason id (an unknown id gets a generic message).
const char* email_syntax_message(std::string_view reason, Language language);

/// Runs every email check on e.value(): "email_syntax" (block; stops there), "email_typo" (warn,
/// with the corrected address as suggestion), "email_disposable" (block), "email_free" (severity
/// by config().free_email), "email_role" (warn).
void check_email(Emitter& e);

}  // namespace leadscore::checks
