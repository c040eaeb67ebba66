// Interim body (issue 6 wiring); replaced by the real command.
#include "calibrate_command.h"

#include <iostream>

#include "exit_codes.h"

namespace leadscore::cli {

const char* const kCalibrateHelp = "\ncalibrate: not implemented yet\n";

int run_calibrate(const std::vector<std::string>&) {
  std::cerr << "leadscore calibrate: not implemented yet\n";
  return kExitUsage;
}

}  // namespace leadscore::cli
