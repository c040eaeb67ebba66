// The fit as an ordinary points model (docs/scorecard.md, "Export"): one field and one group per
// column, one rule per level or bin with non-zero points relative to the column's most frequent
// level, and a "probability" section that turns the points back into a conversion probability.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "analytics/detmath.h"
#include "leadscore/calibrate.h"
#include "analytics/quantile_bins.h"
#include "analytics/rule_conditions.h"
#include "analytics/scorecard_meta.h"

namespace leadscore {

namespace {

using fit_detail::missing_when;
using fit_detail::number_text;
using fit_detail::other_when;
using fit_detail::range_label;
using fit_detail::range_when;
using fit_detail::var_of;


// One way a column's value can fall: a rule candidate. `log_odds` is what the fit adds for it.
struct Item {
  std::string label;
  Json when;
  double log_odds = 0;
  std::size_t count = 0;
};

// Bins [from, to): the first open below, the last open above, so every number lands in one.
Item bin_item(const std::string& f, const std::string& header, const CalibrationOptions& o,
              double from, double to, bool first, bool last) {
  Item item;
  item.label = header + " in " + range_label(from, to, last);
  item.when = range_when(f, o, from, to, first, last);
  return item;
}

Item missing_item(const std::string& f, const std::string& header, const CalibrationOptions& o) {
  Item item;
  item.label = header + ": " + kMissingLevel;
  item.when = missing_when(f, o);
  return item;
}

// Categorical column: its level features, then "(missing)" and "(other)" items for what the fit
// left at 0 (no training row), so the exported model adds exactly what the fit adds.
std::vector<Item> level_items(const std::vector<const Feature*>& features, const std::vector<double>& weights,
                              const std::string& f, const std::string& header, const CalibrationOptions& o) {
  std::vector<Item> items;
  Json listed = Json::array();
  bool has_missing = false;
  Item other;
  other.label = header + ": " + kOtherLevel;
  for (std::size_t i = 0; i < features.size(); ++i) {
    const Feature* feature = features[i];
    const double w = weights[i];
    if (feature->value == kMissingLevel) {
      Item item = missing_item(f, header, o);
      item.log_odds = w;
      item.count = feature->count;
      items.push_back(std::move(item));
      has_missing = true;
    } else if (feature->value == kOtherLevel) {
      other.log_odds = w;
      other.count = feature->count;
    } else {
      Item item;
      item.label = header + ": " + feature->value;
      item.when = Json{{"==", Json::array({var_of(f), feature->value})}};
      item.log_odds = w;
      item.count = feature->count;
      listed.push_back(feature->value);
      items.push_back(std::move(item));
    }
  }
  if (!has_missing) items.push_back(missing_item(f, header, o));
  other.when = other_when(f, o, listed);
  items.push_back(std::move(other));
  return items;
}

std::vector<Item> bin_items(const std::vector<const Feature*>& features, const std::vector<double>& weights,
                            const std::string& f, const std::string& header, const CalibrationOptions& o) {
  std::vector<Item> items;
  std::vector<const Feature*> bins;
  Item missing = missing_item(f, header, o);
  for (std::size_t i = 0; i < features.size(); ++i) {
    if (features[i]->missing_bin) {
      missing.log_odds = weights[i];
      missing.count = features[i]->count;
    } else {
      bins.push_back(features[i]);
    }
  }
  for (std::size_t b = 0, i = 0; i < features.size(); ++i) {
    if (features[i]->missing_bin) continue;
    Item item = bin_item(f, header, o, features[i]->from, features[i]->to, b == 0, b + 1 == bins.size());
    item.log_odds = weights[i];
    item.count = features[i]->count;
    items.push_back(std::move(item));
    ++b;
  }
  items.push_back(std::move(missing));
  return items;
}

// Standardised column: 20 training quantile bins, each at the fit's value for its median.
std::vector<Item> linear_items(const Feature& feature, double w, const History& history,
                               const std::string& f, const std::string& header, const CalibrationOptions& o) {
  std::vector<double> values;
  std::size_t missing_count = 0;
  const HistoryColumn& column = history.columns[feature.column];
  for (std::size_t row = 0; row < history.rows(); ++row) {
    if (row < history.is_test.size() && history.is_test[row]) continue;
    if (std::isnan(column.values[row])) ++missing_count;
    else values.push_back(column.values[row]);
  }
  std::sort(values.begin(), values.end());
  const std::vector<double> edges = quantile_edges(values, 20);
  std::vector<Item> items;
  std::size_t start = 0;
  for (std::size_t b = 0; b <= edges.size(); ++b) {
    std::size_t end = start;
    while (end < values.size() && (b == edges.size() || values[end] < edges[b])) ++end;
    if (end == start) continue;
    const std::size_t n = end - start;
    const double median = n % 2 == 1 ? values[start + n / 2] : (values[start + n / 2 - 1] + values[start + n / 2]) / 2;
    Item item = bin_item(f, header, o, values[start], b == edges.size() ? values.back() : edges[b], b == 0,
                         b == edges.size());
    item.log_odds = w * ((median - feature.mean) / feature.sd);
    item.count = n;
    items.push_back(std::move(item));
    start = end;
  }
  Item missing = missing_item(f, header, o);
  missing.log_odds = w * ((feature.median - feature.mean) / feature.sd);
  missing.count = missing_count;
  items.push_back(std::move(missing));
  return items;
}

}  // namespace

Expected<Json> export_scorecard(const LogisticFit& fit, const History& history,
                                const CalibrationOptions& options, std::string_view source_name) {
  if (!(options.points_to_double_odds > 0))
    return Error{"options_invalid", "/points_to_double_odds", "\"points_to_double_odds\" must be above 0"};
  const double factor = options.points_to_double_odds / kLn2;
  std::set<std::string> taken;
  Json fields = Json::array(), groups = Json::array(), rules = Json::array();
  double reference_log_odds = fit.intercept;
  for (std::size_t start = 0; start < fit.features.size();) {
    const std::size_t c = fit.features[start].column;
    std::size_t end = start;
    std::vector<const Feature*> features;
    while (end < fit.features.size() && fit.features[end].column == c) features.push_back(&fit.features[end++]);
    const std::vector<double> weights(fit.weights.begin() + static_cast<std::ptrdiff_t>(start),
                                      fit.weights.begin() + static_cast<std::ptrdiff_t>(end));
    start = end;
    const std::string& header = history.columns[c].name;
    const std::string f = fit_detail::field_slug(header, taken);
    std::vector<Item> items;
    const Feature::Kind kind = features.front()->kind;
    if (kind == Feature::Kind::Level) items = level_items(features, weights, f, header, options);
    else if (kind == Feature::Kind::Bin) items = bin_items(features, weights, f, header, options);
    else items = linear_items(*features.front(), weights.front(), history, f, header, options);
    // The reference is the most frequent value: it gets 0 points, the others are relative to it.
    std::size_t reference = 0;
    for (std::size_t i = 1; i < items.size(); ++i)
      if (items[i].count > items[reference].count) reference = i;
    reference_log_odds += items[reference].log_odds;
    const bool linear = kind == Feature::Kind::Linear;
    const double reference_points = std::round(items[reference].log_odds * factor);
    Json column_rules = Json::array();
    for (std::size_t i = 0; i < items.size(); ++i) {
      const double points = linear ? std::round(items[i].log_odds * factor) - reference_points
                                   : std::round((items[i].log_odds - items[reference].log_odds) * factor);
      if (points == 0) continue;
      column_rules.push_back(Json{{"id", f + "." + std::to_string(i + 1)}, {"label", items[i].label},
                                  {"group", f}, {"points", static_cast<long long>(points)},
                                  {"when", items[i].when}});
    }
    if (column_rules.empty()) continue;  // nothing to say about this column
    fields.push_back(Json{{"name", f}, {"label", header}, {"column", header},
                          {"type", kind == Feature::Kind::Level ? "string" : "number"}});
    groups.push_back(Json{{"id", f}, {"label", header}});
    for (Json& rule : column_rules) rules.push_back(std::move(rule));
  }
  if (groups.empty()) groups.push_back(Json{{"id", "fit"}, {"label", "Fit"}});

  const std::string description = "Calibrated by leadscore on " + fit_detail::file_name_only(source_name) +
                                  ": L2 logistic regression on " + std::to_string(fit.train_rows) +
                                  " training rows, " + number_text(options.points_to_double_odds) +
                                  " points double the odds of conversion.";
  return fit_detail::calibrated_model(options, history, source_name, fit.train_rows, description, std::move(fields),
                                      std::move(groups), std::move(rules), reference_log_odds);
}

}  // namespace leadscore
