// JsonLogic conditions that the calibration exports write into rules: "this column is missing (as
// the history read it)", "filled and in [from, to)", "one of these levels". Shared by the logistic
// scorecard export and the explainable-boosting export so both read a CSV cell exactly as
// read_history() did. Internal to the core.
#pragma once
#include <string>
#include <vector>

#include "leadscore/calibrate.h"

namespace leadscore::fit_detail {

/// {"var": field}
Json var_of(const std::string& field);
/// {"!": x}
Json negation(Json x);
/// Missing as the history read it: no value, or one of the options' missing_values texts.
Json missing_when(const std::string& field, const CalibrationOptions& options);
/// The conditions (to "and" with others) that the field holds a value that is not read as missing.
Json present_conditions(const std::string& field, const CalibrationOptions& options);
/// Filled and within a numeric range: `>= from` unless `open_below`, `< to` unless `open_above`.
Json range_when(const std::string& field, const CalibrationOptions& options, double from, double to,
                bool open_below, bool open_above);
/// Filled and not one of `listed` (the levels named elsewhere): what "(other)" means.
Json other_when(const std::string& field, const CalibrationOptions& options, const Json& listed);
/// A number as JSON writes it (labels use the same text as the conditions).
std::string number_text(double v);
/// "[from, to)" or "[from, to]" for the last bin.
std::string range_label(double from, double to, bool last);

}  // namespace leadscore::fit_detail
