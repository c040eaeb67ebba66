// Lint of a model set (`leadscore validate`, docs/personas.md "Validation"). Internal to the core.
#pragma once
#include <vector>

#include "leadscore/lint.h"

namespace leadscore {

/// The findings of every model a persona uses (paths under /models/<name>), then the set's own:
/// model_unused, persona_unreachable and persona_overlap. Only certain cases are reported: a
/// condition that reads no data at all, or conditions made of ==, ===, in, !!, var, and, or over
/// one variable and literals. `set` must be a model set (non-empty personas()).
std::vector<LintFinding> lint_model_set(const Model& set);

}  // namespace leadscore
