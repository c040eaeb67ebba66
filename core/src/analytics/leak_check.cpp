// See leak_check.h. Every figure comes from the training rows only, in record order, with the
// same deterministic AUC as the fit report (metrics.h).
#include "analytics/leak_check.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "analytics/metrics.h"
#include "analytics/quantile_bins.h"

namespace leadscore {
namespace {

// Groups with fewer training rows than this borrow the overall close rate: a rare level's own
// rate would make any column with many levels look predictive.
constexpr std::size_t kMinGroupRows = 10;
// Numeric columns are grouped into this many quantile bins (plus their missing cells).
constexpr int kLeakBins = 20;

struct Tally {
  std::size_t rows = 0, conversions = 0;
};

// x in [0, 1] with three decimals ("0.923"), and a share as a whole percentage ("5 %"), in
// integer arithmetic (no printf: it would add its floating-point formatting to the wasm modules).
std::string three_decimals(double x) {
  const long thousandths = static_cast<long>(x * 1000 + 0.5);
  std::string decimals = std::to_string(thousandths % 1000);
  return std::to_string(thousandths / 1000) + "." + std::string(3 - decimals.size(), '0') + decimals;
}
std::string percent(std::size_t part, std::size_t whole) { return std::to_string((part * 100 + whole / 2) / whole) + " %"; }

// A column's rows in groups: the levels of a categorical column; a numeric column's quantile bins,
// then one group for its missing cells.
class Groups {
 public:
  Groups(const HistoryColumn& column, const std::vector<std::size_t>& train) : column_(column) {
    if (!categorical()) {
      std::vector<double> present;
      for (std::size_t row : train)
        if (!std::isnan(column.values[row])) present.push_back(column.values[row]);
      edges_ = quantile_edges(std::move(present), kLeakBins);
    }
  }
  bool categorical() const { return column_.kind == HistoryColumn::Kind::Categorical; }
  std::size_t count() const { return categorical() ? column_.levels.size() : edges_.size() + 2; }
  std::size_t of(std::size_t row) const {
    if (categorical()) return column_.codes[row];
    const double v = column_.values[row];
    return std::isnan(v) ? edges_.size() + 1 : bin_of(edges_, v);
  }
 private:
  const HistoryColumn& column_;
  std::vector<double> edges_;
};

// A value held by at least kLeakPureShare of the training rows, all with one outcome (rows 0: none).
struct Pure {
  std::size_t rows = 0;
  bool converted = false;
};

bool pure_enough(std::size_t rows, std::size_t conversions, std::size_t train_rows) {
  return (conversions == 0 || conversions == rows) &&
         static_cast<double>(rows) >= kLeakPureShare * static_cast<double>(train_rows);
}

Pure pure_level(const HistoryColumn& column, const std::vector<Tally>& tally, std::size_t train_rows) {
  Pure best;
  for (std::size_t level = 1; level < column.levels.size(); ++level)  // level 0: (missing)
    if (pure_enough(tally[level].rows, tally[level].conversions, train_rows) && tally[level].rows > best.rows)
      best = Pure{tally[level].rows, tally[level].conversions > 0};
  return best;
}

// Runs of one exact number among the training rows' sorted values; the few long enough are then
// checked for their outcomes. (Sorting plain doubles reuses the sort that quantile bins already
// instantiate: every function here adds to the wasm modules.)
Pure pure_number(const HistoryColumn& column, const History& history, const std::vector<std::size_t>& train) {
  std::vector<double> values;
  for (std::size_t row : train)
    if (!std::isnan(column.values[row])) values.push_back(column.values[row]);
  std::sort(values.begin(), values.end());
  Pure best;
  for (std::size_t i = 0; i < values.size();) {
    std::size_t j = i;
    while (j < values.size() && values[j] == values[i]) ++j;
    if (j - i > best.rows && pure_enough(j - i, 0, train.size())) {
      std::size_t conversions = 0;
      for (std::size_t row : train) conversions += column.values[row] == values[i] ? history.outcome[row] : 0;
      if (pure_enough(j - i, conversions, train.size())) best = Pure{j - i, conversions > 0};
    }
    i = j;
  }
  return best;
}

}  // namespace

void leak_warnings(const History& history, Json& warnings) {
  std::vector<std::size_t> train;
  std::vector<std::uint8_t> outcome;
  std::size_t converted = 0;
  for (std::size_t row = 0; row < history.rows(); ++row) {
    if (row < history.is_test.size() && history.is_test[row]) continue;
    train.push_back(row);
    outcome.push_back(history.outcome[row]);
    converted += history.outcome[row];
  }
  if (train.empty() || converted == 0 || converted == train.size()) return;
  const double overall = static_cast<double>(converted) / static_cast<double>(train.size());

  for (const HistoryColumn& column : history.columns) {
    if (column.constant) continue;
    // Each row's key is its group's close rate, so that any relation, monotone or not, shows in
    // the AUC.
    const Groups groups(column, train);
    std::vector<Tally> tally(groups.count());
    for (std::size_t row : train) {
      Tally& t = tally[groups.of(row)];
      ++t.rows;
      t.conversions += history.outcome[row];
    }
    std::vector<double> key;
    key.reserve(train.size());
    for (std::size_t row : train) {
      const Tally& t = tally[groups.of(row)];
      key.push_back(t.rows >= kMinGroupRows ? static_cast<double>(t.conversions) / static_cast<double>(t.rows) : overall);
    }
    const auto auc = roc_auc(key, outcome);
    // The most common value whose rows all met one outcome: a level, or an exact number.
    const Pure pure = groups.categorical() ? pure_level(column, tally, train.size()) : pure_number(column, history, train);
    const bool high_auc = auc && *auc > kLeakAuc;
    if (!high_auc && pure.rows == 0) continue;
    std::string message = "column " + column.name + " ";
    if (high_auc) message += "alone ranks the training rows with an AUC of " + three_decimals(*auc);
    if (high_auc && pure.rows > 0) message += ", and ";
    if (pure.rows > 0)
      message += "has a value met by " + percent(pure.rows, train.size()) + " of the training rows that " + (pure.converted ? "always" : "never") + " converted";
    message += ": if it is filled after the outcome is known (a sales status, a call's length), it leaks the "
               "outcome into the score; leave it out with ignore (--ignore)";
    warnings.push_back(Json{{"code", "leak_suspected"}, {"path", "/columns/" + pointer_token(column.name)},
                            {"message", std::move(message)}});
  }
}

}  // namespace leadscore
