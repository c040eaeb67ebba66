// `leadscore calibrate` (docs/calibration.md).
#pragma once
#include <string>
#include <vector>

namespace leadscore::cli {

/// The help text of `leadscore calibrate`.
extern const char* const kCalibrateHelp;

/// Runs the command on its arguments (everything after "calibrate"); returns the exit code.
int run_calibrate(const std::vector<std::string>& args);

}  // namespace leadscore::cli
