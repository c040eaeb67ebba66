// Interim body (issue 6 wiring); replaced by the real implementation.
#include "leadscore/calibrate.h"
#include "leadscore/evaluate.h"

namespace leadscore {
Json close_rate_report(const History&, const CalibrationOptions&) { return Json::object(); }
}  // namespace leadscore
