// Interim body (issue 6 wiring); replaced by the real implementation.
#include "leadscore/calibrate.h"
#include "leadscore/evaluate.h"

namespace leadscore {
Expected<Json> export_scorecard(const LogisticFit&, const History&, const CalibrationOptions&, std::string_view) { return Error{"not_implemented", "", "not implemented yet"}; }
}  // namespace leadscore
