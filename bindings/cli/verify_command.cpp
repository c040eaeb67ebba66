// Interim body, replaced by the verify command.
#include "verify_command.h"

#include <iostream>

#include "exit_codes.h"

namespace leadscore::cli {
const char* const kVerifyHelp = "\nverify: not implemented yet.\n";
int run_verify(const VerifyArgs&) {
  std::cerr << "leadscore verify: not implemented yet\n";
  return kExitUsage;
}
}  // namespace leadscore::cli
