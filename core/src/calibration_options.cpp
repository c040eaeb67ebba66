// Interim body (issue 6 wiring); replaced by the real implementation.
#include "leadscore/calibrate.h"
#include "leadscore/evaluate.h"

namespace leadscore {
Expected<CalibrationOptions> calibration_options_from_json(const Json&) { return Error{"not_implemented", "", "not implemented yet"}; }
}  // namespace leadscore
