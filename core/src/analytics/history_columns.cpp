#include "analytics/history_columns.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "score/lead_normalize.h"

namespace leadscore::history_detail {
namespace {

std::optional<std::size_t> find(const std::vector<std::string>& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  return std::nullopt;
}

Error not_found(const std::string& pointer, const std::string& name) {
  return Error{"column_not_found", pointer, "the CSV header has no column \"" + name + "\""};
}

// Every name of an option list must be a header; the first one missing is the error.
std::optional<Error> check_list(const std::vector<std::string>& header, const std::vector<std::string>& list,
                                const char* key) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (!find(header, list[i])) return not_found(std::string("/") + key + "/" + std::to_string(i), list[i]);
  return std::nullopt;
}

bool listed(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

std::string column_path(const std::string& name) { return "/columns/" + pointer_token(name); }

}  // namespace

Expected<ColumnPlan> plan_columns(const std::vector<std::string>& header, const CalibrationOptions& options) {
  ColumnPlan plan;
  const auto outcome = find(header, options.outcome);
  if (!outcome) return not_found("/outcome", options.outcome);
  plan.outcome = *outcome;
  if (!options.date_column.empty()) {
    plan.date = find(header, options.date_column);
    if (!plan.date) return not_found("/date_column", options.date_column);
  }
  for (const auto& [list, key] : {std::pair{&options.columns, "columns"}, {&options.ignore, "ignore"},
                                  {&options.categorical, "categorical"}, {&options.numeric, "numeric"}}) {
    if (auto e = check_list(header, *list, key)) return *e;
  }
  for (std::size_t i = 0; i < options.numeric.size(); ++i) {
    if (listed(options.categorical, options.numeric[i]))
      return Error{"options_invalid", "/numeric/" + std::to_string(i),
                   "column \"" + options.numeric[i] + "\" is forced both categorical and numeric"};
  }
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string& name = header[i];
    if (i == plan.outcome || (plan.date && i == *plan.date)) continue;
    if (!options.columns.empty() && !listed(options.columns, name)) continue;
    if (listed(options.ignore, name)) continue;
    ColumnPlan::Feature f;
    f.index = i;
    if (listed(options.categorical, name)) f.forced = HistoryColumn::Kind::Categorical;
    if (listed(options.numeric, name)) f.forced = HistoryColumn::Kind::Numeric;
    plan.features.push_back(f);
  }
  return plan;
}

HistoryColumn::Kind sample_kind(const std::vector<std::vector<std::string>>& sample, std::size_t index,
                                const MissingCells& missing) {
  std::set<double> distinct;
  for (const auto& cells : sample) {
    const std::string_view cell = trim_cell(cells[index]);
    if (missing(cell)) continue;
    double v = 0;
    if (!parse_number(cell, v)) return HistoryColumn::Kind::Categorical;
    distinct.insert(v);
  }
  return distinct.size() > 10 ? HistoryColumn::Kind::Numeric : HistoryColumn::Kind::Categorical;
}

bool sample_is_identifier(const std::vector<std::vector<std::string>>& sample, std::size_t index,
                          const MissingCells& missing) {
  if (sample.size() < 20) return false;
  std::set<std::string_view> seen;
  for (const auto& cells : sample) {
    const std::string_view cell = trim_cell(cells[index]);
    if (missing(cell) || !seen.insert(cell).second) return false;
  }
  return true;
}

ColumnBuilder::ColumnBuilder(std::string name, std::optional<HistoryColumn::Kind> kind, std::size_t max_levels)
    : deferred_(!kind), max_levels_(max_levels) {
  column_.name = std::move(name);
  column_.kind = kind.value_or(HistoryColumn::Kind::Categorical);
  if (column_.kind == HistoryColumn::Kind::Categorical) {
    column_.levels.push_back(kMissingLevel);
    codes_.emplace(kMissingLevel, 0);  // a cell reading "(missing)" joins the missing level
  }
}

void ColumnBuilder::add(std::string_view raw, const MissingCells& missing, std::size_t line) {
  const std::string_view cell = trim_cell(raw);
  const bool is_missing = missing(cell);
  if (deferred_) {
    // Both ways until the whole column is seen: as levels, and as numbers (a text as missing,
    // listed for the not_a_number warning should the column turn out numeric).
    add_level(cell, is_missing);
    double v = std::nan("");
    if (!is_missing) {
      if (parse_number(cell, v)) {
        ++numbers_;
        if (distinct_.size() <= 10 && std::find(distinct_.begin(), distinct_.end(), v) == distinct_.end())
          distinct_.push_back(v);
      } else {
        v = std::nan("");
        ++texts_;
        not_numbers_.add(line);
      }
    }
    column_.values.push_back(v);
    return;
  }
  if (column_.kind == HistoryColumn::Kind::Numeric) {
    double v = std::nan("");
    if (!is_missing && !parse_number(cell, v)) {
      v = std::nan("");
      not_numbers_.add(line);
    }
    column_.values.push_back(v);
    return;
  }
  add_level(cell, is_missing);
}

void ColumnBuilder::add_level(std::string_view cell, bool missing) {
  if (missing) {
    column_.codes.push_back(0);
    return;
  }
  const std::string text(cell);
  auto it = codes_.find(text);
  if (it != codes_.end()) {
    column_.codes.push_back(it->second);
    return;
  }
  if (column_.levels.size() - 1 < max_levels_) {
    const auto code = static_cast<std::uint32_t>(column_.levels.size());
    column_.levels.push_back(text);
    codes_.emplace(text, code);
    column_.codes.push_back(code);
    return;
  }
  if (!other_) {  // an ordinary value spelt "(other)" already seen shares the level
    auto found = codes_.find(kOtherLevel);
    other_ = found != codes_.end() ? found->second : static_cast<std::uint32_t>(column_.levels.size());
    if (found == codes_.end()) column_.levels.push_back(kOtherLevel);
  }
  ++overflow_rows_;
  column_.codes.push_back(*other_);
}

HistoryColumn ColumnBuilder::finish(const std::vector<std::uint8_t>& is_test, Json& warnings) {
  const std::string path = column_path(column_.name);
  if (deferred_) {
    // Numeric: more than 10 distinct numbers and at most 1 % of the filled cells not numbers
    // (those read as missing, with the not_a_number warning below); else categorical.
    if (distinct_.size() > 10 && texts_ * 100 <= numbers_ + texts_) {
      column_.kind = HistoryColumn::Kind::Numeric;
      std::vector<std::uint32_t>().swap(column_.codes);
      column_.levels.clear();
      codes_.clear();
      other_.reset();
    } else {
      std::vector<double>().swap(column_.values);
      not_numbers_ = LineList{5};
      // Mostly numbers with some texts ("n/a", "unknown"): many levels a fit cannot learn much
      // from; --numeric reads the texts as missing instead.
      if (texts_ > 0 && numbers_ >= 9 * texts_ && column_.levels.size() > 21)
        warnings.push_back(make_warning(
            "numeric_as_categorical", path,
            std::to_string(numbers_) + " of its " + std::to_string(numbers_ + texts_) + " filled cells are numbers and " +
                std::to_string(texts_) + " are not (more than 1 %), so it is read as categorical with " +
                std::to_string(column_.levels.size() - 1) +
                " levels; list it under numeric (--numeric) to read the other cells as missing"));
    }
  }
  if (column_.kind == HistoryColumn::Kind::Categorical) {
    // Sort: "(missing)" stays 0, ordinary levels by byte order, the overflow level last, so the
    // level order does not depend on which value happened to come first in the file.
    std::vector<std::uint32_t> order;
    for (std::uint32_t c = 1; c < column_.levels.size(); ++c)
      if (!other_ || c != *other_) order.push_back(c);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return column_.levels[a] < column_.levels[b]; });
    order.insert(order.begin(), 0);
    if (other_) order.push_back(*other_);
    std::vector<std::uint32_t> remap(column_.levels.size());
    std::vector<std::string> levels(column_.levels.size());
    for (std::uint32_t n = 0; n < order.size(); ++n) {
      remap[order[n]] = n;
      levels[n] = std::move(column_.levels[order[n]]);
    }
    column_.levels = std::move(levels);
    for (auto& c : column_.codes) c = remap[c];
    if (other_) {
      other_ = remap[*other_];
      warnings.push_back(make_warning(
          "too_many_levels", path,
          "more than " + std::to_string(max_levels_) + " distinct values; " + std::to_string(overflow_rows_) +
              " records with later new values were read as \"(other)\" (ignore the column if it is an identifier)"));
    }
  } else if (not_numbers_.count() > 0) {
    warnings.push_back(make_warning("not_a_number", path,
                                    "values that are not numbers were read as missing: " + not_numbers_.describe()));
  }
  // Constant: one value (missing counts as a value) over the training rows.
  bool seen = false, constant = true;
  std::uint32_t first_code = 0;
  double first_value = 0;
  for (std::size_t i = 0; i < is_test.size() && constant; ++i) {
    if (is_test[i]) continue;
    if (column_.kind == HistoryColumn::Kind::Categorical) {
      if (!seen) first_code = column_.codes[i];
      else constant = column_.codes[i] == first_code;
    } else {
      const double v = column_.values[i];
      if (!seen) first_value = v;
      else constant = v == first_value || (std::isnan(v) && std::isnan(first_value));
    }
    seen = true;
  }
  column_.constant = constant;
  if (constant)
    warnings.push_back(make_warning("column_constant", path,
                                    "the column holds a single value over the training rows; it is not a feature"));
  return std::move(column_);
}

}  // namespace leadscore::history_detail
