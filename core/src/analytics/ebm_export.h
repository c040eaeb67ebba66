// Explainable boosting as an ordinary points model and as a fit report (docs/calibration.md,
// "Explainable boosting"). Internal to the core; calibrate() calls them for method "ebm".
#pragma once
#include <string_view>

#include "analytics/ebm_fit.h"

namespace leadscore::ebm_detail {

/// One field and one group per column with at least one rule; one rule per run of bins with the
/// same non-zero points (relative to the column's most frequent bin); one group per pair with one
/// rule per table cell with non-zero points ("and" of a condition on each column); the
/// probability section as for the logistic export.
Expected<Json> export_ebm(const EbmFit& fit, const History& history, const CalibrationOptions& options,
                          std::string_view source_name);

/// The fit report: method, intercept, settings, every shape (bins, counts, log-odds, importance)
/// and every pair (columns, ranking gain, importance, cells).
Json ebm_fit_json(const EbmFit& fit, const History& history, const CalibrationOptions& options);

}  // namespace leadscore::ebm_detail
