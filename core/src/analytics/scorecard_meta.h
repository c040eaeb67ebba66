// Small pieces of the scorecard export that are not about points: field names from CSV headers,
// and the options as they are recorded in the exported model's "x-calibration". Internal.
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

/// The last path component of `source` (a path may name personal folders).
std::string file_name_only(std::string_view source);

}  // namespace leadscore::fit_detail
