// Interim body (issue 6 wiring); replaced by the real implementation.
#include "leadscore/calibrate.h"
#include "leadscore/evaluate.h"

namespace leadscore {
Expected<LogisticFit> fit_logistic(const History&, const CalibrationOptions&) { return Error{"not_implemented", "", "not implemented yet"}; }
double fit_log_odds(const LogisticFit&, const History&, std::size_t) { return 0; }
Json fit_json(const LogisticFit&, const History&, const CalibrationOptions&) { return Json::object(); }
}  // namespace leadscore
