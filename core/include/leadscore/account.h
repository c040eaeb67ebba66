// Account (company) scores: one score for a company from its contacts' scores plus company fit
// rules (docs/accounts.md).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/checks.h"
#include "leadscore/error.h"
#include "leadscore/json.h"

namespace leadscore {

class Model;
struct AccountSpec;
struct FieldSpec;
struct FitRule;

/// The hard ceiling on contacts per account (an account section may set a lower max_contacts).
constexpr std::size_t kMaxAccountContacts = 100000;

struct AccountOptions {
  std::string now;                  ///< ISO-8601 with offset; required
  Language language = Language::En;
};

/// Scores one account: `account` is {"id", "fields"?: {...}, "contacts": [{"lead", "events"?,
/// "feedback"?}]}. Needs a model with an "account" section. Errors: "no_account_section",
/// "account_invalid" (with a pointer), "too_many_contacts", "now_missing", "now_invalid".
/// Result layout: docs/accounts.md.
Expected<Json> score_account(const Model& model, const Json& account, const AccountOptions& options);

/// Building accounts from rows of contacts (what `leadscore accounts` does with a CRM export), so
/// that a runtime grouping rows keeps no rule of its own:
/// the company a contact's lead belongs to: its `by` value trimmed of spaces, tabs and line
/// breaks, or a number's JSON text; "" when it has none (the record then belongs to no account).
std::string account_id_of(const Json& lead, std::string_view by);

/// Adds to `fields` (an object) each account field of `spec` that the contact's `lead` holds, not
/// blank (null or only white space), and `fields` does not have yet: an account takes each of its
/// fields from the first contact that gives it.
void collect_account_fields(const AccountSpec& spec, const Json& lead, Json& fields);

}  // namespace leadscore
