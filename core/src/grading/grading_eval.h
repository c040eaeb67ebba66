// Grading a normalized lead (docs/grading.md). Internal to the core.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "leadscore/engagement.h"
#include "leadscore/grading.h"
#include "leadscore/json.h"

namespace leadscore {

/// A grade adjustment from sales feedback: sets the rank (`set`) or adds `thirds`.
struct GradeAdjustment {
  std::size_t index = 0;  ///< position in feedback.adjustments
  std::string by;
  Millis at = 0;
  std::optional<int> set;
  int thirds = 0;
};

struct GradeOutcome {
  int rank = kGradeD;
  Json json;  ///< the result's "grade" object (null unless `explain`)
};

/// Grades `fields` (the normalized lead) with `fit_points` (the result's fit points) and the
/// active grade adjustments (in `at` order). Appends "criterion_failed" warnings. Without
/// `explain` (a summary score) only the rank is computed: no steps, no grade object.
GradeOutcome grade_lead(const Grading& grading, const FieldSlots& fields, Centipoints fit_points,
                        const std::vector<GradeAdjustment>& adjustments, bool explain, Json& warnings);

}  // namespace leadscore
