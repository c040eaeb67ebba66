// Which CSV columns become history features, what kind each is, and their typed storage while
// streaming (history_read.cpp). Internal to the core.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analytics/history_cells.h"
#include "leadscore/calibrate.h"

namespace leadscore::history_detail {

/// Header positions of the outcome, the date column and the feature columns.
struct ColumnPlan {
  std::size_t outcome = 0;
  std::optional<std::size_t> date;
  struct Feature {
    std::size_t index = 0;  ///< position in the header
    std::optional<HistoryColumn::Kind> forced;
  };
  std::vector<Feature> features;  ///< in header order
};

/// Features = `columns` (or every column) minus `ignore`, the outcome and the date column. Errors:
/// column_not_found (path: the option's pointer, e.g. "/ignore/1"), options_invalid when a column
/// is forced both categorical and numeric.
Expected<ColumnPlan> plan_columns(const std::vector<std::string>& header, const CalibrationOptions& options);

/// The kind of an unforced column from the sampled records: numeric iff every non-missing sampled
/// value is a finite number and there are more than 10 distinct values.
HistoryColumn::Kind sample_kind(const std::vector<std::vector<std::string>>& sample, std::size_t index,
                                const MissingCells& missing);

/// True when at least 20 sampled records all hold a value and no two are equal (an id column).
bool sample_is_identifier(const std::vector<std::vector<std::string>>& sample, std::size_t index,
                          const MissingCells& missing);

/// One column's typed storage, filled record by record.
class ColumnBuilder {
 public:
  /// `kind`: the column's kind when the user forced it; nullopt to decide it from the whole column
  /// at finish() (numeric when it has more than 10 distinct numbers and at most 1 % of its filled
  /// cells are not numbers, else categorical): the cells are then kept both ways until then.
  ColumnBuilder(std::string name, std::optional<HistoryColumn::Kind> kind, std::size_t max_levels);
  void add(std::string_view cell, const MissingCells& missing, std::size_t line);
  /// Decides a deferred kind, sorts the levels (kMissingLevel first, then byte order, the overflow
  /// "(other)" last), flags constant columns over the training rows and appends this column's
  /// warnings.
  HistoryColumn finish(const std::vector<std::uint8_t>& is_test, Json& warnings);

 private:
  void add_level(std::string_view cell, bool missing);
  HistoryColumn column_;
  bool deferred_ = false;          // the kind is decided at finish()
  std::size_t numbers_ = 0, texts_ = 0;  // deferred: filled cells that are / are not numbers
  std::vector<double> distinct_;   // deferred: up to 11 distinct numbers (more than 10 is numeric)
  std::size_t max_levels_;
  std::unordered_map<std::string, std::uint32_t> codes_;  // lookups only; never iterated
  std::optional<std::uint32_t> other_;                     // the overflow level, once needed
  std::size_t overflow_rows_ = 0;
  LineList not_numbers_{5};
};

}  // namespace leadscore::history_detail
