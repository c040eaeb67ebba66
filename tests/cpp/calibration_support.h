// Hand-built Histories for the calibration suites ([logistic], [scorecard]): History is public so
// a fit can be tested without going through the CSV reader.
#pragma once
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "leadscore/calibrate.h"

namespace calibration_support {

using namespace leadscore;

/// A categorical column; "" is missing (level 0), other levels in first-seen order.
inline HistoryColumn categorical(const std::string& name, const std::vector<std::string>& cells) {
  HistoryColumn c;
  c.name = name;
  c.kind = HistoryColumn::Kind::Categorical;
  c.levels = {kMissingLevel};
  for (const std::string& cell : cells) {
    std::uint32_t code = 0;
    if (!cell.empty()) {
      while (code < c.levels.size() && c.levels[code] != cell) ++code;
      if (code == c.levels.size()) c.levels.push_back(cell);
    }
    c.codes.push_back(code);
  }
  return c;
}

inline HistoryColumn numeric(const std::string& name, const std::vector<double>& values) {
  HistoryColumn c;
  c.name = name;
  c.kind = HistoryColumn::Kind::Numeric;
  c.values = values;
  return c;
}

/// All rows training rows; lines 2, 3, ...
inline History history_of(std::vector<HistoryColumn> columns, const std::vector<std::uint8_t>& outcome) {
  History h;
  h.columns = std::move(columns);
  h.outcome = outcome;
  h.is_test.assign(outcome.size(), 0);
  for (std::size_t i = 0; i < outcome.size(); ++i) h.lines.push_back(i + 2);
  return h;
}

// 12 leads: a source (API / Form / Import / missing), a visit count with one missing value.
inline History small_history() {
  const double nan = std::nan("");
  return history_of(
      {categorical("Source", {"API", "Form", "API", "Import", "Form", "", "API", "Form", "Import", "API", "Form", ""}),
       numeric("Visits", {1, 5, 2, 0, 7, 3, nan, 6, 1, 2, 4, 0})},
      {0, 1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0});
}

/// The X Education protocol of ../shared/datasets/README.md, pre-contact variant: outcome
/// Converted, the ids and the columns sales fill in after contact left out (every 5th record is
/// a test row by default).
inline CalibrationOptions x_education_pre_contact() {
  CalibrationOptions o;
  o.outcome = "Converted";
  o.ignore = {"Prospect ID", "Lead Number", "Tags", "Lead Quality", "Lead Profile",
              "Asymmetrique Activity Index", "Asymmetrique Profile Index", "Asymmetrique Activity Score",
              "Asymmetrique Profile Score", "Last Notable Activity"};
  return o;
}

}  // namespace calibration_support
