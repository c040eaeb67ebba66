#include "analytics/ebm_bins.h"

#include <algorithm>
#include <cmath>

#include "analytics/quantile_bins.h"
#include "analytics/rule_conditions.h"

namespace leadscore::ebm_detail {

namespace {

void numeric_bins(const History& history, const std::vector<std::size_t>& train, int shape_bins,
                  ShapeColumn& out) {
  const HistoryColumn& column = history.columns[out.column];
  std::vector<double> values;
  for (std::size_t row : train)
    if (!std::isnan(column.values[row])) values.push_back(column.values[row]);
  out.numeric = true;
  out.labels.push_back(kMissingLevel);
  if (values.empty()) return;
  out.lowest = *std::min_element(values.begin(), values.end());
  out.highest = *std::max_element(values.begin(), values.end());
  out.edges = quantile_edges(values, shape_bins);
  for (std::size_t b = 0; b <= out.edges.size(); ++b) {
    const double from = b == 0 ? out.lowest : out.edges[b - 1];
    const double to = b == out.edges.size() ? out.highest : out.edges[b];
    out.labels.push_back(fit_detail::range_label(from, to, b == out.edges.size()));
  }
}

void categorical_bins(const History& history, const std::vector<std::size_t>& train, std::size_t min_count,
                      ShapeColumn& out) {
  const HistoryColumn& column = history.columns[out.column];
  std::vector<std::size_t> counts(column.levels.size(), 0);
  for (std::size_t row : train)
    if (column.codes[row] < counts.size()) ++counts[column.codes[row]];
  out.level_bin.assign(column.levels.size(), kNoBin);
  out.labels.push_back(kMissingLevel);
  if (!out.level_bin.empty()) out.level_bin[0] = 0;
  for (std::uint32_t code = 1; code < column.levels.size(); ++code) {
    if (counts[code] < std::max<std::size_t>(min_count, 1) || column.levels[code] == kOtherLevel) continue;
    out.level_bin[code] = static_cast<std::uint32_t>(out.labels.size());
    out.labels.push_back(column.levels[code]);
  }
  out.other_bin = static_cast<std::uint32_t>(out.labels.size());
  out.labels.push_back(kOtherLevel);
  for (std::uint32_t& bin : out.level_bin)
    if (bin == kNoBin) bin = out.other_bin;
}

std::uint32_t bin_of_record(const ShapeColumn& shape, const HistoryColumn& column, std::size_t row) {
  if (shape.numeric) {
    const double v = column.values[row];
    return std::isnan(v) ? 0 : static_cast<std::uint32_t>(1 + bin_of(shape.edges, v));
  }
  const std::uint32_t code = column.codes[row];
  return code < shape.level_bin.size() ? shape.level_bin[code] : shape.other_bin;
}

}  // namespace

Expected<BinnedHistory> bin_history(const History& history, const CalibrationOptions& options) {
  BinnedHistory out;
  for (std::size_t row = 0; row < history.rows(); ++row)
    if (row >= history.is_test.size() || !history.is_test[row]) out.train.push_back(row);
  std::size_t total_bins = 0;
  for (std::size_t c = 0; c < history.columns.size(); ++c) {
    const HistoryColumn& column = history.columns[c];
    if (column.constant) continue;
    ShapeColumn shape;
    shape.column = c;
    if (column.kind == HistoryColumn::Kind::Numeric) numeric_bins(history, out.train, options.shape_bins, shape);
    else categorical_bins(history, out.train, options.min_count, shape);
    shape.counts.assign(shape.labels.size(), 0);
    std::vector<std::uint16_t> codes(history.rows());
    for (std::size_t row = 0; row < history.rows(); ++row)
      codes[row] = static_cast<std::uint16_t>(bin_of_record(shape, column, row));
    for (std::size_t row : out.train) ++shape.counts[codes[row]];
    std::size_t filled = 0;
    for (std::size_t n : shape.counts) filled += n > 0 ? 1 : 0;
    if (filled < 2) continue;  // one cell holds every training row: nothing to learn
    total_bins += shape.bins();
    if (total_bins > options.max_features || shape.bins() > 65535)
      return Error{"too_many_features", "/max_features",
                   "the history gives more than " + std::to_string(options.max_features) +
                       " bins (one per category and numeric bin); raise max_features, lower shape_bins, "
                       "use min_count or leave columns out"};
    out.columns.push_back(std::move(shape));
    out.codes.push_back(std::move(codes));
  }
  return out;
}

}  // namespace leadscore::ebm_detail
