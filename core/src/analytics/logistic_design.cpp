#include "analytics/logistic_design.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "analytics/quantile_bins.h"

namespace leadscore::fit_detail {

namespace {

std::string number_text(double v) { return dump_json(Json(v)); }

// Categorical: one feature per level with enough training rows, in level-code order; the rest
// (and an existing "(other)" level) pooled into one "(other)" feature after them. (missing) is a
// level like any other, never pooled: "not filled in" is usually informative.
void categorical_features(const History& history, std::size_t c, const std::vector<std::size_t>& train,
                          const CalibrationOptions& options, std::vector<Feature>& out) {
  const HistoryColumn& column = history.columns[c];
  std::vector<std::size_t> counts(column.levels.size(), 0);
  for (std::size_t row : train) {
    const std::uint32_t code = column.codes[row];
    if (code < counts.size()) ++counts[code];
  }
  const std::size_t min_count = std::max<std::size_t>(options.min_count, 1);
  Feature other;
  other.column = c;
  other.kind = Feature::Kind::Level;
  other.value = kOtherLevel;
  for (std::uint32_t code = 0; code < column.levels.size(); ++code) {
    const bool pooled = code != 0 && (counts[code] < min_count || column.levels[code] == kOtherLevel);
    if (pooled) {
      other.levels.push_back(code);
      other.count += counts[code];
    } else if (counts[code] > 0) {
      Feature f;
      f.column = c;
      f.kind = Feature::Kind::Level;
      f.value = column.levels[code];
      f.levels = {code};
      f.count = counts[code];
      out.push_back(std::move(f));
    }
  }
  if (other.count > 0) out.push_back(std::move(other));
}

// Bins mode: the shared quantile edges of the training values (every bin then holds at least one
// training value) plus a (missing) bin when some training value is missing.
void bin_features(const History& history, std::size_t c, const std::vector<std::size_t>& train,
                  const CalibrationOptions& options, std::vector<Feature>& out) {
  const HistoryColumn& column = history.columns[c];
  std::vector<double> values;
  std::size_t missing = 0;
  for (std::size_t row : train) {
    const double v = column.values[row];
    if (std::isnan(v)) ++missing;
    else values.push_back(v);
  }
  if (!values.empty()) {
    const double lowest = *std::min_element(values.begin(), values.end());
    const double highest = *std::max_element(values.begin(), values.end());
    const std::vector<double> edges = quantile_edges(values, options.bins);
    std::vector<std::size_t> counts(edges.size() + 1, 0);
    for (double v : values) ++counts[bin_of(edges, v)];
    for (std::size_t b = 0; b < counts.size(); ++b) {
      Feature f;
      f.column = c;
      f.kind = Feature::Kind::Bin;
      f.from = b == 0 ? lowest : edges[b - 1];
      f.to = b == edges.size() ? highest : edges[b];
      const bool last = b == edges.size();
      f.value = "[" + number_text(f.from) + ", " + number_text(f.to) + (last ? "]" : ")");
      f.count = counts[b];
      out.push_back(std::move(f));
    }
  }
  if (missing > 0) {
    Feature f;
    f.column = c;
    f.kind = Feature::Kind::Bin;
    f.value = kMissingLevel;
    f.missing_bin = true;
    f.count = missing;
    out.push_back(std::move(f));
  }
}

// Standardize mode: missing values take the training median, then (x - mean) / sd with the mean
// and population sd of the imputed training values (scikit-learn's SimpleImputer + StandardScaler).
void linear_feature(const History& history, std::size_t c, const std::vector<std::size_t>& train,
                    std::vector<Feature>& out) {
  const HistoryColumn& column = history.columns[c];
  std::vector<double> values;
  for (std::size_t row : train)
    if (!std::isnan(column.values[row])) values.push_back(column.values[row]);
  if (values.empty()) return;
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const std::size_t n = sorted.size();
  const double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  double sum = 0;
  for (std::size_t row : train) sum += std::isnan(column.values[row]) ? median : column.values[row];
  const double mean = sum / static_cast<double>(train.size());
  double squares = 0;
  for (std::size_t row : train) {
    const double d = (std::isnan(column.values[row]) ? median : column.values[row]) - mean;
    squares += d * d;
  }
  const double sd = std::sqrt(squares / static_cast<double>(train.size()));
  if (!(sd > 0)) return;  // constant once imputed: nothing to learn
  Feature f;
  f.column = c;
  f.kind = Feature::Kind::Linear;
  f.value = column.name;
  f.mean = mean;
  f.sd = sd;
  f.median = median;
  f.count = train.size();
  out.push_back(std::move(f));
}

}  // namespace

Expected<Design> build_design(const History& history, const CalibrationOptions& options) {
  std::vector<std::size_t> train;
  for (std::size_t row = 0; row < history.rows(); ++row)
    if (row >= history.is_test.size() || !history.is_test[row]) train.push_back(row);
  std::vector<Feature> features;
  for (std::size_t c = 0; c < history.columns.size(); ++c) {
    const HistoryColumn& column = history.columns[c];
    if (column.constant) continue;
    const std::size_t before = features.size();
    if (column.kind == HistoryColumn::Kind::Categorical)
      categorical_features(history, c, train, options, features);
    else if (options.numeric_mode == CalibrationOptions::NumericMode::Bins)
      bin_features(history, c, train, options, features);
    else
      linear_feature(history, c, train, features);
    // One feature alone is collinear with the intercept and says nothing.
    if (features.size() - before == 1 && features.back().kind != Feature::Kind::Linear)
      features.pop_back();
    if (features.size() > options.max_features)
      return Error{"too_many_features", "/max_features",
                   "the history gives more than " + std::to_string(options.max_features) +
                       " features (one per category and bin); raise max_features, use min_count "
                       "or leave columns out"};
  }
  return design_from_features(features, history);
}

Design design_from_features(const std::vector<Feature>& features, const History& history) {
  Design design;
  design.features = features;
  for (std::size_t i = 0; i < features.size(); ++i) {
    const Feature& f = features[i];
    if (design.columns.empty() || design.columns.back().column != f.column) {
      DesignColumn column;
      column.column = f.column;
      if (f.column < history.columns.size())
        column.level_feature.assign(history.columns[f.column].levels.size(), -1);
      design.columns.push_back(std::move(column));
    }
    DesignColumn& column = design.columns.back();
    const int index = static_cast<int>(i);
    switch (f.kind) {
      case Feature::Kind::Level:
        for (std::uint32_t code : f.levels)
          if (code < column.level_feature.size()) column.level_feature[code] = index;
        break;
      case Feature::Kind::Bin:
        if (f.missing_bin) {
          column.missing_feature = index;
        } else {
          if (!column.bin_feature.empty()) column.edges.push_back(f.from);
          column.bin_feature.push_back(index);
        }
        break;
      case Feature::Kind::Linear:
        column.linear_feature = index;
        break;
    }
  }
  return design;
}

void active_features(const Design& design, const History& history, std::size_t row,
                     std::vector<Active>& out) {
  out.clear();
  for (const DesignColumn& dc : design.columns) {
    const HistoryColumn& column = history.columns[dc.column];
    if (column.kind == HistoryColumn::Kind::Categorical) {
      const std::uint32_t code = column.codes[row];
      const int f = code < dc.level_feature.size() ? dc.level_feature[code] : -1;
      if (f >= 0) out.push_back({f, 1.0});
    } else if (dc.linear_feature >= 0) {
      const Feature& f = design.features[static_cast<std::size_t>(dc.linear_feature)];
      const double v = std::isnan(column.values[row]) ? f.median : column.values[row];
      out.push_back({dc.linear_feature, (v - f.mean) / f.sd});
    } else {
      const double v = column.values[row];
      const int f = std::isnan(v) ? dc.missing_feature
                    : dc.bin_feature.empty() ? -1
                                             : dc.bin_feature[bin_of(dc.edges, v)];
      if (f >= 0) out.push_back({f, 1.0});
    }
  }
}

double design_log_odds(const Design& design, const History& history, std::size_t row,
                       const std::vector<double>& weights, double intercept) {
  std::vector<Active> active;
  active_features(design, history, row, active);
  double z = intercept;
  for (const Active& a : active) z += weights[static_cast<std::size_t>(a.feature)] * a.value;
  return z;
}

}  // namespace leadscore::fit_detail
