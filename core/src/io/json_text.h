// Appending JSON text to a reusable buffer, byte for byte what dump_json() writes, without building
// a nlohmann::json tree. The result writer (result_writer.cpp) and dump_json() itself use it, so a
// result written from the flat ScoreResult and a tree dumped by dump_json() cannot drift apart.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "leadscore/json.h"

namespace leadscore::json_text {

/// A JSON string literal: quotes, `"` `\` and control characters escaped as nlohmann does
/// (\b \f \n \r \t, others \u00xx), everything else verbatim; invalid UTF-8 is replaced by U+FFFD
/// exactly as dump_json() does.
void append_string(std::string& out, std::string_view text);

void append_int(std::string& out, std::int64_t value);

/// A double as dump_json() writes it: integral values up to 2^53 (and -0) as integers, others in
/// nlohmann's shortest round-trip form, non-finite values as null.
void append_double(std::string& out, double value);

/// Any JSON value, as dump_json() writes it (compact, object keys in std::map order = sorted).
void append_value(std::string& out, const Json& value);

}  // namespace leadscore::json_text
