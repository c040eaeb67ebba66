// The bins of explainable boosting (docs/calibration.md, "Explainable boosting"): every feature
// column cut into the cells its shape function gives a value to, and the cell of every record.
// Internal to the core; read by ebm_fit.cpp and ebm_export.cpp.
#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "leadscore/calibrate.h"

namespace leadscore::ebm_detail {

inline constexpr std::uint32_t kNoBin = std::numeric_limits<std::uint32_t>::max();

/// One feature column's bins. Bin 0 is always "(missing)".
/// Numeric: bins 1..edges.size()+1 are the quantile bins in value order (bin 1 open below, the
/// last open above). Categorical: one bin per level with at least min_count training rows (in
/// level order), then "(other)" for rarer levels, the history's own "(other)" and levels seen in
/// no training row.
struct ShapeColumn {
  std::size_t column = 0;  ///< index into History::columns
  bool numeric = false;
  std::vector<double> edges;            ///< numeric: interior cut points
  double lowest = 0, highest = 0;       ///< numeric: training range (labels)
  std::vector<std::uint32_t> level_bin; ///< categorical: bin of each level code
  std::uint32_t other_bin = kNoBin;     ///< categorical: the "(other)" bin
  std::vector<std::string> labels;      ///< per bin: "(missing)", the level, "(other)" or "[a, b)"
  std::vector<std::size_t> counts;      ///< training rows per bin
  std::size_t bins() const { return counts.size(); }
};

/// The columns that take part (constant ones and those with a single filled bin are left out)
/// and the bin of every record in each, column by column.
struct BinnedHistory {
  std::vector<ShapeColumn> columns;
  std::vector<std::vector<std::uint16_t>> codes;  ///< [column][record]
  std::vector<std::size_t> train;                 ///< training records, in file order
};

/// Bins the history. Errors: too_many_features (more bins in all than max_features).
Expected<BinnedHistory> bin_history(const History& history, const CalibrationOptions& options);

}  // namespace leadscore::ebm_detail
