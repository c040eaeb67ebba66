// Scoring a lead against a compiled Model. The result is a JSON value whose serialisation by
// dump_json() is byte-identical natively and in WebAssembly for the same model, lead and `now`.
#pragma once
#include <string>
#include <string_view>

#include "leadscore/error.h"
#include "leadscore/json.h"
#include "leadscore/model.h"

namespace leadscore {

struct ScoreOptions {
  /// The instant the score is computed for (ISO-8601 with offset). Required: the core never reads
  /// a clock, so the same inputs always give the same result.
  std::string now;
};

/// Scores one lead (a JSON object of field values). Bad field values do not fail the score: they
/// become warnings and the field counts as missing. Errors: "lead_not_object", "now_*".
/// Result layout: docs/model-format.md, "Result".
Expected<Json> score(const Model& model, const Json& lead, const ScoreOptions& options);

/// Converts one CSV record into a lead object: header names map to cell strings; empty cells are
/// left out (a missing value). Field types are applied later by score().
Json lead_from_row(const std::vector<std::string>& header, const std::vector<std::string>& cells);

}  // namespace leadscore
