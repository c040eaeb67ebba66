// Interim body (issue 6 wiring); replaced by the real command.
#include "evaluate_command.h"

#include <iostream>

#include "exit_codes.h"

namespace leadscore::cli {

const char* const kEvaluateHelp = "\nevaluate: not implemented yet\n";

int run_evaluate(const std::vector<std::string>&) {
  std::cerr << "leadscore evaluate: not implemented yet\n";
  return kExitUsage;
}

}  // namespace leadscore::cli
