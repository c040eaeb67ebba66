// Account (company) scores: one score for a company from its contacts' scores plus company fit
// rules (docs/accounts.md).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "leadscore/checks.h"
#include "leadscore/error.h"
#include "leadscore/json.h"

namespace leadscore {

class Model;
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

}  // namespace leadscore
