// An evaluation (evaluate() JSON, docs/evaluation.md) as text for a terminal: rows, metrics, the
// decile table with lift and gain, bands, band volumes per period, the capacity line, errors.
#pragma once
#include <ostream>

#include "leadscore/json.h"

namespace leadscore::cli {

void write_evaluation_text(std::ostream& out, const Json& evaluation);

}  // namespace leadscore::cli
