// Ranking and probability metrics shared by calibration and evaluation. Internal to the core.
// Deterministic: fixed summation order, det_log only.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "leadscore/json.h"

namespace leadscore {

/// ROC AUC of `key` (higher = more likely converted) against `outcome` (1/0): the probability that
/// a random converted record ranks above a random other one, ties counting one half. nullopt when
/// either class is empty.
std::optional<double> roc_auc(const std::vector<double>& key, const std::vector<std::uint8_t>& outcome);

/// Mean log loss of probabilities (clamped to [1e-15, 1 - 1e-15]); nullopt for no rows.
std::optional<double> log_loss(const std::vector<double>& probability, const std::vector<std::uint8_t>& outcome);

/// Mean squared error of probabilities; nullopt for no rows.
std::optional<double> brier_score(const std::vector<double>& probability, const std::vector<std::uint8_t>& outcome);

/// {"auc","log_loss","brier"} with null where a value cannot be computed (`probability` may be
/// empty: then log_loss and brier are null).
Json metrics_json(const std::vector<double>& key, const std::vector<double>& probability,
                  const std::vector<std::uint8_t>& outcome);

/// The reliability table of probabilities: ten bins of predicted probability ([0, 0.1), ...,
/// [0.9, 1]), each {"from","to","count","predicted" (mean),"observed" (conversion rate)}; empty
/// bins are left out.
Json reliability_json(const std::vector<double>& probability, const std::vector<std::uint8_t>& outcome);

/// The expected calibration error of a reliability table: the mean of |predicted - observed| over
/// its bins, weighted by their counts; nullopt for an empty table.
std::optional<double> calibration_error(const Json& reliability);

/// x rounded to `decimals` decimals (half away from zero), for readable JSON.
double round_to(double x, int decimals);

}  // namespace leadscore
