// Grading a normalized lead (docs/grading.md). Internal to the core.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "leadscore/engagement.h"
#include "leadscore/grading.h"
#include "leadscore/json.h"
#include "leadscore/work_budget.h"

namespace leadscore {

/// A grade adjustment from sales feedback: sets the rank (`set`) or adds `thirds`.
struct GradeAdjustment {
  std::size_t index = 0;  ///< position in feedback.adjustments
  std::string by;
  Millis at = 0;
  std::optional<int> set;
  int thirds = 0;
};

/// Grades `fields` (the normalized lead) with `fit_points` (the result's fit points) and the
/// active grade adjustments (in `at` order); returns the rank. Appends "criterion_failed" warnings.
/// With `explanation` (an explain score) also fills it: steps, missing fields, adjustments, clamp.
/// The criteria spend from the lead's `budget`; when it runs out the grade is meaningless and
/// budget.exhausted() says so (the pointer is the criterion's).
int grade_lead(const Grading& grading, const FieldSlots& fields, Centipoints fit_points,
               const std::vector<GradeAdjustment>& adjustments, GradeExplanation* explanation, Json& warnings,
               WorkBudget& budget);

/// Appends the result's "grade" object: byte for byte what dump_json() wrote of the former tree
/// (keys sorted; docs/grading.md, "In the result").
void write_grade(const Grading& grading, int rank, const GradeExplanation& explanation, std::string& out);

}  // namespace leadscore
