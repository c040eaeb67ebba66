// The "probability" model section (docs/calibration.md): parsing, and the deterministic logistic
// function that turns a result's points into a conversion probability. Internal to the core.
#pragma once
#include <optional>

#include "leadscore/model.h"
#include "model/model_reader.h"

namespace leadscore::model_detail {

/// Reads {"even_odds_points", "points_to_double_odds"}; errors at their pointers.
std::optional<ProbabilitySpec> read_probability(Reader& reader, const Json& section);

}  // namespace leadscore::model_detail

namespace leadscore {

/// 1 / (1 + 2^((even - points) / pdo)), rounded to 4 decimals, clamped to [0.0001, 0.9999].
/// Only + - * / and det_exp2, so the value is the same natively and in wasm.
double probability_from_points(const ProbabilitySpec& spec, Centipoints points);

}  // namespace leadscore
