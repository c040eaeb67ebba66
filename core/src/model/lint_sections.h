// Lint of the sections beyond fit rules and groups (routing, account), called by validate_model().
// Internal to the core.
#pragma once
#include <vector>

#include "leadscore/lint.h"

namespace leadscore::lint_detail {

/// Routing: a rule after one with no condition (unreachable: the first match wins), a `quality`
/// condition in a model without a "checks" section (no lead has a verdict: it never matches).
void lint_routing(const Model& model, std::vector<LintFinding>& out);

/// Account rules reading a variable that is not one of the account's own fields.
void lint_account(const Model& model, std::vector<LintFinding>& out);

}  // namespace leadscore::lint_detail
