// Interim body, replaced by the accounts command.
#include "accounts_command.h"

#include <iostream>

#include "exit_codes.h"

namespace leadscore::cli {
const char* const kAccountsHelp = "\naccounts: not implemented yet.\n";
int run_accounts(const AccountsArgs&) {
  std::cerr << "leadscore accounts: not implemented yet\n";
  return kExitUsage;
}
}  // namespace leadscore::cli
