// The pieces of an exported model that do not depend on how it was fitted: field names from CSV
// headers, the options as recorded in "x-calibration", scale, bands and probability. Internal.
#pragma once
#include <set>
#include <string>
#include <string_view>

#include "leadscore/calibrate.h"

namespace leadscore::fit_detail {

/// A field name for a CSV header: lowercase ASCII letters, digits and `_` (other runs become one
/// `_`), `_` before a leading digit, at most 120 bytes, "_2", "_3"... when `taken` has it already
/// (the result is added to `taken`).
std::string field_slug(std::string_view header, std::set<std::string>& taken);

/// The options that shaped the fit, as JSON (the keys of docs/calibration.md).
Json options_json(const CalibrationOptions& options);

/// The exported model around its fields, groups and rules: scale, bands and the probability
/// section from the log-odds of a lead scoring 0 points (`reference_log_odds`), and the
/// "x-calibration" record (source file name, options, row counts; metrics filled in later).
Json calibrated_model(const CalibrationOptions& options, const History& history, std::string_view source_name,
                      std::size_t train_rows, const std::string& description, Json fields, Json groups, Json rules,
                      double reference_log_odds);

/// The last path component of `source` (a path may name personal folders).
std::string file_name_only(std::string_view source);

}  // namespace leadscore::fit_detail
