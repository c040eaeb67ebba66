// The design of the logistic fit: which features a History gives (one-hot levels, quantile bins or
// one standardised value per numeric column) and, per record, the one active feature of each
// column. Internal to the core; shared by the fit (logistic_fit.cpp), the export and calibrate().
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "leadscore/calibrate.h"

namespace leadscore::fit_detail {

/// How one feature column maps a record onto a feature index (-1 = none: the column adds 0).
struct DesignColumn {
  std::size_t column = 0;             ///< index into History::columns
  std::vector<int> level_feature;     ///< categorical: per level code
  std::vector<double> edges;          ///< bins: interior cut points (bin = number of edges <= v)
  std::vector<int> bin_feature;       ///< bins: per bin
  int missing_feature = -1;           ///< bins: the (missing) bin
  int linear_feature = -1;            ///< standardize: the column's feature
};

/// Features (in column order) plus the per-column lookups.
struct Design {
  std::vector<Feature> features;
  std::vector<DesignColumn> columns;
};

/// One active feature of a record: index into Design::features and its value (1 for one-hot).
struct Active {
  int feature;
  double value;
};

/// Builds the features from the training records. Errors: too_many_features.
Expected<Design> build_design(const History& history, const CalibrationOptions& options);

/// The lookups for features built earlier (a LogisticFit's), so any record can be mapped again.
Design design_from_features(const std::vector<Feature>& features, const History& history);

/// The active features of `row`, at most one per column, in column order (appended to `out`,
/// which is cleared first).
void active_features(const Design& design, const History& history, std::size_t row,
                     std::vector<Active>& out);

/// intercept + sum of weight * value over the active features, summed in column order.
double design_log_odds(const Design& design, const History& history, std::size_t row,
                       const std::vector<double>& weights, double intercept);

}  // namespace leadscore::fit_detail
