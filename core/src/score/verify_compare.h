// The first difference between two JSON values (docs/verify.md, "How results are compared").
#pragma once
#include <optional>
#include <string>

#include "leadscore/json.h"

namespace leadscore {

/// Where two values first differ, with the value on each side. A side without a value there (an
/// object key or array element present on one side only) has a null pointer.
struct Difference {
  std::string pointer;  ///< JSON pointer, relative to the values compared ("" = the values themselves)
  const Json* expected = nullptr;
  const Json* received = nullptr;
};

/// The first difference, walking depth first in key order (object keys sorted, as Json and
/// dump_json() order them; the union of both sides' keys) and in element order, or nullopt when the
/// values are equal. Scalars are equal when their canonical text (dump_json()) is: 30 equals 30.0,
/// "30" does not equal 30. The walk stops at the first difference, so its work is at most linear in
/// the values' size; it recurses only into containers present on both sides, so its depth is
/// bounded by the shallower value.
std::optional<Difference> first_difference(const Json& expected, const Json& received);

}  // namespace leadscore
