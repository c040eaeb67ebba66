// JavaScript value semantics over JSON values, as json-logic-js relies on them: ToNumber, ToString,
// parseFloat, truthiness, == / === and relational comparison. Internal to the core.
//
// JavaScript's `undefined` (a missing argument, the value of an empty `and`) is represented by a
// discarded nlohmann value; it never reaches a result: dump_json writes it as null.
#pragma once
#include <string>
#include <string_view>

#include "leadscore/json.h"

namespace leadscore::js {

inline Json undefined() { return Json(Json::value_t::discarded); }
inline bool is_undefined(const Json& v) { return v.is_discarded(); }

/// Number::toString(10): shortest round-trip digits, JavaScript's exponent rules.
std::string number_to_string(double value);
/// JavaScript ToString (arrays join with ",", objects give "[object Object]").
std::string to_string(const Json& value);
/// JavaScript ToNumber (Number(x)): "" -> 0, " 12 " -> 12, "0x1f" -> 31, "12px" -> NaN.
double to_number(const Json& value);
/// to_number of a string value, without making it a Json.
double number_from_text(std::string_view text);
/// `s` without the white space JavaScript's String.prototype.trim removes at either end.
std::string_view trim_space(std::string_view s);
/// JavaScript parseFloat(x): the longest decimal prefix after leading white space, else NaN.
double parse_float(const Json& value);
/// ToIntegerOrInfinity(ToNumber(x)) clamped to the range of long long.
long long to_integer(const Json& value);

/// JsonLogic truthiness (JavaScript's, with [] false).
bool truthy(const Json& value);

bool loose_equals(const Json& a, const Json& b);   // ==
bool strict_equals(const Json& a, const Json& b);  // ===

enum class Order { Less, Equal, Greater, Unordered };
/// The abstract relational comparison behind < <= > >=: strings compare by UTF-16 code units,
/// everything else as numbers; NaN gives Unordered.
Order compare(const Json& a, const Json& b);

/// Length of a string in UTF-16 code units (what JavaScript's .length reports).
std::size_t utf16_length(std::string_view utf8);

/// A number as a JSON value: integral values within +-2^53 become integers (JSON.stringify writes
/// 3, not 3.0), -0 becomes 0; NaN and infinities are kept as doubles (written as null).
Json number(double value);
/// A number an operator computed: like number(), except that -0 stays a double -0.0, because
/// JavaScript tells the zeros apart (1 / -0 is -Infinity, Math.min(0, -0) is -0). dump_json still
/// writes it as 0, as JSON.stringify does.
Json number_result(double value);

}  // namespace leadscore::js
