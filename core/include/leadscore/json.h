// The JSON value type of the public API (nlohmann::json, chosen by the project's users).
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "leadscore/error.h"

namespace leadscore {
using Json = nlohmann::json;

/// Parses JSON text without throwing. On failure the error has code "json_syntax", `path` "byte N",
/// and a message naming `what` ("model", "lead", ...). Also rejects nesting deeper than `max_depth`
/// (code "json_too_deep", path = JSON pointer of the first too-deep value), before any recursive
/// code can see the document.
Expected<Json> parse_json(std::string_view text, const char* what, std::size_t max_depth = 128);

/// Iterative depth check for an already-built value: the JSON pointer of the first value nested
/// deeper than `max_depth`, or "" if none.
std::string find_too_deep(const Json& value, std::size_t max_depth);

/// Serialises a JSON value the one way every leadscore runtime does: compact, object keys sorted,
/// numbers in shortest round-trip form, doubles with an integral value below 2^53 written as integers.
std::string dump_json(const Json& value);

/// Escapes one reference token for a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string pointer_token(std::string_view key);
}  // namespace leadscore
