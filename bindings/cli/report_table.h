// The close-rate report (close_rate_report() JSON, docs/calibration.md) as a terminal table or as
// CSV, for `leadscore calibrate --report`. The JSON is the source of truth; these are views of it.
#pragma once
#include <ostream>

#include "leadscore/json.h"

namespace leadscore::cli {

/// One block per column: value, count, conversions, rate, lift, Wilson interval, points; a `*`
/// after the rate marks a value whose interval excludes the overall rate. Values wider than 40
/// characters are shortened with "...".
void write_report_table(std::ostream& out, const Json& report);

/// One row per (column, value): column,kind,value,from,to,count,conversions,rate,lift,ci_low,
/// ci_high,shrunk_rate,points,significant (RFC 4180 quoting; numbers as in the JSON).
void write_report_csv(std::ostream& out, const Json& report);

/// Display helpers shared with the evaluation text: "38.7 %" and a number with `decimals`.
std::string percent_text(const Json& rate);
std::string fixed_text(const Json& value, int decimals);
/// The string at `key` of `object` (other JSON values as dump_json() writes them; "" if absent).
std::string text_at(const Json& object, const char* key);
/// `text` padded (right-aligned when `right`) to `width` code points.
std::string pad(const std::string& text, std::size_t width, bool right);

}  // namespace leadscore::cli
