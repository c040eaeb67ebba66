// Interim body (issue 6 wiring); replaced by the real implementation.
#include "leadscore/calibrate.h"
#include "leadscore/evaluate.h"

namespace leadscore {
Expected<History> read_history(std::istream&, const CalibrationOptions&) { return Error{"not_implemented", "", "not implemented yet"}; }
Json history_lead(const History&, std::size_t) { return Json::object(); }
}  // namespace leadscore
