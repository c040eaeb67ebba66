// Explainable boosting (docs/calibration.md, "Explainable boosting"): a shape function per column
// learnt by cyclic boosting over the column's bins, then the pairs of columns ranked by how much a
// single 2x2 split of their residuals would gain (FAST), and the best ones boosted as small
// tables. Internal to the core; the public entry is calibrate() with method "ebm".
//
// Deterministic: sums over training records in file order, + - * / and det_logistic only, ties
// broken by index; the same bits natively and in WebAssembly.
#pragma once
#include <cstddef>
#include <vector>

#include "analytics/ebm_bins.h"

namespace leadscore::ebm_detail {

/// The fixed parts of the method (documented; the options cover the rest).
inline constexpr double kLeafL2 = 30;          ///< added to the summed curvature of every step
inline constexpr double kMinLeafCurvature = 2; ///< a split leaves at least this curvature each side
inline constexpr int kShapeLeaves = 3;         ///< a numeric shape step has at most 3 pieces
inline constexpr int kPairGroups = 16;         ///< a column enters a pair cut into at most 16 groups
inline constexpr int kPairCutsPerSide = 3;     ///< a pair table has at most 3 cuts per column

/// One pairwise term: a table over (group of the first column) x (group of the second), where the
/// groups are consecutive runs of the column's bins (numeric: in value order, "(missing)" alone;
/// categorical: in the order of the column's shape values).
struct PairTerm {
  std::size_t first = 0, second = 0;  ///< indices into BinnedHistory::columns (first < second)
  std::vector<std::uint16_t> group_of_first, group_of_second;  ///< per bin
  std::size_t groups_first = 0, groups_second = 0;
  std::vector<double> values;  ///< groups_first * groups_second log-odds, row-major
  std::vector<std::size_t> cuts_first, cuts_second;  ///< a cut after group k (sorted)
  double gain = 0;             ///< the FAST ranking gain (loss decrease of the best 2x2 split)
  std::size_t cell(std::uint16_t bin_first, std::uint16_t bin_second) const {
    return group_of_first[bin_first] * groups_second + group_of_second[bin_second];
  }
};

struct EbmFit {
  BinnedHistory binned;
  std::vector<std::vector<double>> shapes;  ///< per column, per bin (log-odds)
  std::vector<PairTerm> pairs;              ///< in ranking order
  double intercept = 0;
  std::size_t train_rows = 0;
  std::size_t pairs_ranked = 0;             ///< candidate pairs with a positive gain
};

/// Fits the shapes, ranks the pairs and fits the best `options.interactions` of them.
/// Errors: too_many_features, fit_failed (non-finite values).
Expected<EbmFit> fit_ebm(const History& history, const CalibrationOptions& options);

/// The log-odds of record `row`: intercept, then the shapes in column order, then the pairs.
double ebm_log_odds(const EbmFit& fit, std::size_t row, bool with_pairs = true);

}  // namespace leadscore::ebm_detail
