// `leadscore evaluate` (docs/evaluation.md).
#pragma once
#include <string>
#include <vector>

namespace leadscore::cli {

/// The help text of `leadscore evaluate`.
extern const char* const kEvaluateHelp;

/// Runs the command on its arguments (everything after "evaluate"); returns the exit code.
int run_evaluate(const std::vector<std::string>& args);

}  // namespace leadscore::cli
