// The capacity threshold of evaluate(): the lowest whole score a team with a given capacity can
// follow up (docs/evaluation.md, "Capacity"). Internal to the core.
#pragma once
#include <array>
#include <cstdint>
#include <string>

#include "leadscore/json.h"

namespace leadscore::evaluation_detail {

/// Scored records and conversions per score 0..100.
struct ScoreHistogram {
  std::array<std::uint64_t, 101> leads{};
  std::array<std::uint64_t, 101> conversions{};
};

/// {count, per, periods, threshold_score, leads, leads_per_period, conversions, recall, rate,
/// allowed_per_table_period}.
/// `periods`: the number of weeks or months from the first to the last (per "week"/"month"); 1
/// otherwise. The threshold is the lowest T in 0..100 with leads(score >= T) <= count * periods
/// ("percent": <= count / 100 * scored); null when no T fits. `table_periods`: the number of rows
/// of the evaluation's period table (0 without one); the allowance spread over them is what a
/// volume plot draws as the capacity line (null without a table).
Json capacity_json(const ScoreHistogram& histogram, double count, const std::string& per, std::uint64_t periods,
                   std::uint64_t table_periods);

}  // namespace leadscore::evaluation_detail
