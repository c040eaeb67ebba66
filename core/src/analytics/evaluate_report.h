// The aggregates of evaluate() (deciles, bands, period volumes) computed from the few values kept
// per scored record. Internal to the core.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "analytics/evaluate_periods.h"
#include "leadscore/json.h"
#include "leadscore/model.h"

namespace leadscore::evaluation_detail {

/// What evaluate() keeps per scored record, column-wise: 8 + 1 + 1 + 1 (+ 4 with a date column)
/// bytes. Records are in file order.
struct EvaluationRows {
  std::vector<double> key;             ///< ranking key: probability, or points
  std::vector<std::uint8_t> outcome;   ///< 1 converted, 0 not
  std::vector<std::uint8_t> score;     ///< 0..100
  std::vector<std::uint8_t> band;      ///< index into the (default persona's) model bands
  std::vector<std::int32_t> period;    ///< period number (evaluate_periods.h); empty without a date column
  std::size_t size() const { return key.size(); }
};

/// Ten deciles by key, highest first (stable: ties keep file order); decile d holds sorted rows
/// [floor((d-1)N/10), floor(dN/10)). `mean_probability` only when the key is a probability.
Json deciles_json(const EvaluationRows& rows, bool key_is_probability, std::uint64_t conversions);

/// One entry per model band, in model order.
Json bands_json(const std::vector<Band>& bands, const EvaluationRows& rows, std::uint64_t conversions);

/// Every period from the first to the last (empty ones too), with per-band counts. `first`/`last`
/// are the smallest and largest period numbers in `rows.period` (which must not be empty).
Json periods_items_json(const std::vector<Band>& bands, const EvaluationRows& rows, Period unit, std::int64_t first,
                        std::int64_t last);

/// x / y rounded to 4 decimals, or null when y is 0.
Json ratio_json(double x, double y);

}  // namespace leadscore::evaluation_detail
