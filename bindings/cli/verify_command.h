// `leadscore verify`: re-checks submitted scores (JSON lines of submissions) against the model.
#pragma once
#include "args.h"

namespace leadscore::cli {

/// The help text of `verify` (printed by `leadscore --help`).
extern const char* const kVerifyHelp;

/// Runs the command; returns the process exit code (exit_codes.h).
int run_verify(const VerifyArgs& args);

}  // namespace leadscore::cli
