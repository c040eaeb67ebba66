// Email checks: syntax (docs/form-checks.md, "Email syntax"), domain typos, free webmail,
// disposable domains, role addresses.
#pragma once
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

/// Why an address is not valid: a stable reason id (e.g. "no_at_sign", "local_too_long") used as
/// the finding's message key.
struct EmailSyntaxError {
  std::string reason;
  std::size_t at = 0;  ///< byte offset the problem starts at
};

/// Parses an address by the syntax leadscore accepts on signup forms (documented). Either the
/// parts or the first error.
std::optional<EmailAddress> parse_email(std::string_view value, EmailSyntaxError* error = nullptr);

/// Runs every email check on e.value(): "email_syntax" (block; stops there), "email_typo" (warn,
/// with the corrected address as suggestion), "email_disposable" (block), "email_free" (severity
/// by config().free_email), "email_role" (warn).
void check_email(Emitter& e);

}  // namespace leadscore::checks
