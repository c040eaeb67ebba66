// close_rate_report(): each attribute value's close rate over the training rows, with a Wilson
// interval, a shrunk rate and seed-003 points (docs/calibration.md, "Close-rate report").
//
// Numbers: + - * / and sqrt only; sums run over rows in file order. Rates, lifts and intervals are
// rounded to 4 decimals for JSON, but `points` and `significant` use the unrounded values.
#include <algorithm>
#include <cmath>

#include "logic/js_value.h"
#include "leadscore/calibrate.h"
#include "analytics/quantile_bins.h"

namespace leadscore {
namespace {

constexpr double kZ = 1.959963984540054;  // two-sided 95 % normal quantile

double round4(double x) { return std::floor(x * 10000 + 0.5) / 10000; }

struct Cell {
  std::string value;
  bool is_bin = false;
  double from = 0, to = 0;
  std::size_t count = 0, conversions = 0;
};

struct Wilson {
  double low, high;
};

// Wilson score interval for c successes in n trials (n > 0).
Wilson wilson(double c, double n) {
  const double p = c / n;
  const double z2 = kZ * kZ;
  const double denom = 1 + z2 / n;
  const double center = (p + z2 / (2 * n)) / denom;
  const double half = kZ * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
  return {std::max(0.0, center - half), std::min(1.0, center + half)};
}

Json value_json(const Cell& cell, double overall, const CalibrationOptions& o) {
  const double n = static_cast<double>(cell.count), c = static_cast<double>(cell.conversions);
  const double rate = c / n;
  const Wilson ci = wilson(c, n);
  const double m = o.prior_strength;
  const double shrunk = (c + m * overall) / (n + m);
  Json v = Json::object();
  v["value"] = cell.value;
  if (cell.is_bin) {
    v["from"] = js::number(cell.from);
    v["to"] = js::number(cell.to);
  }
  v["count"] = cell.count;
  v["conversions"] = cell.conversions;
  v["rate"] = js::number(round4(rate));
  v["lift"] = overall > 0 ? js::number(round4(rate / overall)) : Json(nullptr);
  v["ci_low"] = js::number(round4(ci.low));
  v["ci_high"] = js::number(round4(ci.high));
  v["shrunk_rate"] = js::number(round4(shrunk));
  v["points"] = js::number(std::round((shrunk - overall) * 100 * o.points_per_percentage_point));
  v["significant"] = overall < ci.low || overall > ci.high;
  return v;
}

std::string bin_label(double from, double to, bool last) {
  return "[" + js::number_to_string(from) + ", " + js::number_to_string(to) + (last ? "]" : ")");
}

// Numeric column: quantile bins of the training values (the fit's bins), then (missing).
std::vector<Cell> numeric_cells(const HistoryColumn& col, const History& h, int bins) {
  std::vector<double> values;
  for (std::size_t i = 0; i < h.rows(); ++i)
    if (!h.is_test[i] && !std::isnan(col.values[i])) values.push_back(col.values[i]);
  const std::vector<double> edges = quantile_edges(values, bins);
  std::vector<Cell> cells(edges.size() + 2);  // bins..., (missing)
  for (std::size_t i = 0; i < h.rows(); ++i) {
    if (h.is_test[i]) continue;
    const double v = col.values[i];
    Cell& cell = std::isnan(v) ? cells.back() : cells[bin_of(edges, v)];
    ++cell.count;
    cell.conversions += h.outcome[i];
  }
  if (!values.empty()) {
    const double lo = *std::min_element(values.begin(), values.end());
    const double hi = *std::max_element(values.begin(), values.end());
    for (std::size_t b = 0; b <= edges.size(); ++b) {
      Cell& cell = cells[b];
      cell.is_bin = true;
      cell.from = b == 0 ? lo : edges[b - 1];
      cell.to = b == edges.size() ? hi : edges[b];
      cell.value = bin_label(cell.from, cell.to, b == edges.size());
    }
  }
  cells.back().value = kMissingLevel;
  return cells;
}

std::vector<Cell> categorical_cells(const HistoryColumn& col, const History& h) {
  std::vector<Cell> cells(col.levels.size());
  for (std::size_t l = 0; l < col.levels.size(); ++l) cells[l].value = col.levels[l];
  for (std::size_t i = 0; i < h.rows(); ++i) {
    if (h.is_test[i]) continue;
    ++cells[col.codes[i]].count;
    cells[col.codes[i]].conversions += h.outcome[i];
  }
  return cells;
}

}  // namespace

Json close_rate_report(const History& h, const CalibrationOptions& o) {
  std::size_t train = 0, conversions = 0;
  for (std::size_t i = 0; i < h.rows(); ++i) {
    if (h.is_test[i]) continue;
    ++train;
    conversions += h.outcome[i];
  }
  const double overall = train > 0 ? static_cast<double>(conversions) / static_cast<double>(train) : 0;
  Json report = Json::object();
  report["format_version"] = 1;
  report["rows"] = {{"total", h.rows()}, {"train", train}, {"test", h.rows() - train}};
  report["overall"] = {{"count", train}, {"conversions", conversions}, {"rate", js::number(round4(overall))}};
  report["method"] = {{"interval", "wilson"},
                      {"confidence", 0.95},
                      {"prior_strength", js::number(o.prior_strength)},
                      {"points_per_percentage_point", js::number(o.points_per_percentage_point)}};
  Json columns = Json::array();
  for (const auto& col : h.columns) {
    const bool numeric = col.kind == HistoryColumn::Kind::Numeric;
    std::vector<Cell> cells = numeric ? numeric_cells(col, h, o.bins) : categorical_cells(col, h);
    cells.erase(std::remove_if(cells.begin(), cells.end(), [](const Cell& c) { return c.count == 0; }), cells.end());
    // Levels by count descending (ties by byte order); numeric bins stay in bin order, (missing)
    // last, so a reader sees the close rate rise or fall along the value.
    if (!numeric)
      std::stable_sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) {
        if (a.count != b.count) return a.count > b.count;
        return a.value < b.value;
      });
    Json values = Json::array();
    for (const auto& cell : cells) values.push_back(value_json(cell, overall, o));
    columns.push_back({{"name", col.name},
                       {"kind", numeric ? "numeric" : "categorical"},
                       {"constant", col.constant},
                       {"values", std::move(values)}});
  }
  report["columns"] = std::move(columns);
  report["warnings"] = h.warnings;
  return report;
}

}  // namespace leadscore
