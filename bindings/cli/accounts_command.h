// `leadscore accounts`: contacts grouped by company id, one account score per company.
#pragma once
#include "args.h"

namespace leadscore::cli {

/// The help text of `accounts` (printed by `leadscore --help`).
extern const char* const kAccountsHelp;

/// Runs the command; returns the process exit code (exit_codes.h).
int run_accounts(const AccountsArgs& args);

}  // namespace leadscore::cli
