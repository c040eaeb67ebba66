// Small helpers shared by the parts that build JSON with points (accounts, feedback, describe,
// engagement lines) and by scoring: points as JSON numbers, caps applied.
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

}  // namespace leadscore
