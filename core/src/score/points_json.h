// Small helpers shared by the parts that build a result: points as JSON numbers and caps.
#pragma once
#include <optional>

#include "leadscore/json.h"
#include "leadscore/model.h"

namespace leadscore {

/// Centipoints as a JSON number: whole points as integers (30), others as the shortest decimal (12.5).
inline Json points_json(Centipoints c) {
  if (c % 100 == 0) return Json(static_cast<std::int64_t>(c / 100));
  return Json(static_cast<double>(c) / 100.0);
}

inline Centipoints clamp_optional(Centipoints v, const std::optional<Centipoints>& lo, const std::optional<Centipoints>& hi) {
  if (lo && v < *lo) v = *lo;
  if (hi && v > *hi) v = *hi;
  return v;
}

/// Adds "min"/"max" to a result entry when the model sets them.
inline void put_caps(Json& object, const std::optional<Centipoints>& lo, const std::optional<Centipoints>& hi) {
  if (lo) object["min"] = points_json(*lo);
  if (hi) object["max"] = points_json(*hi);
}

}  // namespace leadscore
