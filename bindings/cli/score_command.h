// `leadscore score`: stream records from a file or stdin through the core, one output line each.
#pragma once
#include <string>

#include "args.h"

namespace leadscore::cli {

/// Runs the command; returns the process exit code (see exit_codes.h).
int run_score(const ScoreArgs& args);

/// Now, UTC, truncated to whole seconds (sub-second digits in results would only add noise): the
/// default --now of `score` and `check`, read once per run.
std::string clock_now();

}  // namespace leadscore::cli
