// Cell-level rules for reading history CSVs (history_read.cpp, history_columns.cpp): trimming,
// missing values, numbers, outcome values, and line lists for error messages. Internal to the core.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace leadscore::history_detail {

/// The cell without leading/trailing ASCII white space (spaces, tabs, line breaks, \f, \v): the
/// same trimming score() applies to string fields, so a level matches what a scored lead holds.
std::string_view trim_cell(std::string_view cell);

/// A trimmed cell as a finite number: JSON number syntax, also with a leading '+', no integer part
/// (".5") or no fraction digits ("5."). No hex, no "Infinity", no thousands separators; values
/// that overflow to infinity are not numbers.
bool parse_number(std::string_view trimmed, double& out);

/// Missing = empty after trimming, or (trimmed) equal to one of `missing_values` (also trimmed;
/// exact, case-sensitive: "Select" but not "select").
class MissingCells {
 public:
  explicit MissingCells(const std::vector<std::string>& missing_values);
  bool operator()(std::string_view trimmed) const;

 private:
  std::vector<std::string> values_;
};

/// Outcome cells: trimmed, ASCII case-insensitive against the positive and negative lists
/// (positive is checked first, so a value in both lists counts as converted).
class OutcomeValues {
 public:
  OutcomeValues(const std::vector<std::string>& positive, const std::vector<std::string>& negative);
  /// 1 converted, 0 not converted, -1 neither (including an empty cell).
  int classify(std::string_view cell) const;

 private:
  std::vector<std::string> positive_, negative_;
};

/// Counts problem records and keeps the first `keep` line numbers for messages (never values).
class LineList {
 public:
  explicit LineList(std::size_t keep) : keep_(keep) {}
  void add(std::size_t line);
  std::size_t count() const { return count_; }
  std::size_t first() const { return lines_.empty() ? 0 : lines_.front(); }
  /// "3 records (lines 4, 9, 12)" or "25 records (first lines 4, 5, ..., 13)".
  std::string describe() const;

 private:
  std::size_t keep_;
  std::size_t count_ = 0;
  std::vector<std::size_t> lines_;
};

}  // namespace leadscore::history_detail
