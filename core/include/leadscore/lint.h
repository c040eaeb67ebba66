// Model linting (`leadscore validate`): problems that parse cleanly but are probably mistakes.
#pragma once
#include <string>
#include <vector>

#include "leadscore/model.h"

namespace leadscore {

struct LintFinding {
  std::string code;      ///< e.g. "unknown_field", "unreachable_band", "cap_never_binds"
  std::string severity;  ///< "warning" or "info"
  std::string path;      ///< JSON pointer into the model
  std::string message;
};

/// Checks a parsed model: conditions reading undeclared fields (unknown_field; account rules:
/// unknown_account_field), routing rules after a rule without conditions (route_rule_unreachable)
/// or reading the form-check verdict without a "checks" section (quality_without_checks), bands
/// no lead can reach given the rules, checks points and caps, caps that can never bind, rules whose
/// points a group cap always cancels.
/// For a model set (docs/personas.md): the findings of each model a persona uses, with paths under
/// /models/<name>, then model_unused, persona_unreachable and persona_overlap.
std::vector<LintFinding> validate_model(const Model& model);

}  // namespace leadscore
