// `leadscore score`: stream records from a file or stdin through the core, one output line each.
#pragma once
#include <string>

#include "args.h"

namespace leadscore::cli {

/// Runs the command; returns the process exit code (see exit_codes.h).
int run_score(const ScoreArgs& args);

}  // namespace leadscore::cli
