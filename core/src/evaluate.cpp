// Interim body (issue 6 wiring); replaced by the real implementation.
#include "leadscore/calibrate.h"
#include "leadscore/evaluate.h"

namespace leadscore {
Expected<Json> evaluate(const Model&, std::istream&, const EvaluationOptions&) { return Error{"not_implemented", "", "not implemented yet"}; }
}  // namespace leadscore
