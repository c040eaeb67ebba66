// The few lines `leadscore calibrate` prints on stderr after a fit: rows, features, how the Newton
// iterations ended, the fit time (measured by the CLI: the core never reads a clock), test AUC of
// the continuous fit and of the exported integer-point model, and the warnings.
#pragma once
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "leadscore/calibrate.h"

namespace leadscore::cli {

/// Milliseconds per phase of calibrate() ("read", "report", "fit", "export", "score_test"), in order.
using PhaseTimes = std::vector<std::pair<std::string, double>>;

void write_calibration_summary(std::ostream& err, const Calibration& calibration, const PhaseTimes& times);

/// "warning: <code> at <path>: <message>" per warning of a JSON array.
void write_warnings(std::ostream& err, const Json& warnings);

}  // namespace leadscore::cli
