// Grading a normalized lead (docs/grading.md, "How a grade is computed"): Pardot-style criteria
// (start letter, +/- weight thirds, unknown = 0, one clamp at the end) or fit-point bands, then the
// sales team's grade adjustments. Integer ranks only.
#include "grading/grading_eval.h"

#include <algorithm>

#include "score/lead_normalize.h"

namespace leadscore {
namespace {

// Clamps `rank` to F..A+ and remembers which end, if any, it hit.
int clamp_rank(long long rank, const char*& clamped) {
  if (rank < kGradeF) {
    clamped = "F";
    return kGradeF;
  }
  if (rank > kGradeAPlus) {
    clamped = "A+";
    return kGradeAPlus;
  }
  return static_cast<int>(rank);
}

void criterion_failed(const GradeCriterion& c, std::size_t i, const Error& error, Json& warnings) {
  warnings.push_back(make_warning("criterion_failed", "/grading/criteria/" + std::to_string(i) + "/when",
                                  "criterion \"" + c.id + "\" could not be evaluated: " + error.message));
}

// Criteria: the sum of thirds is formed first and clamped once, so the grade does not depend on
// the order of the criteria. A running clamp would: from A-, "+3 then -3" gives A+ then B+, while
// "-3 then +3" gives B- then A-; one clamp gives A- both ways.
// `explanation` null: the rank alone (a summary score), without the steps.
long long criteria_rank(const Grading& grading, const FieldSlots& fields, GradeExplanation* explanation,
                        Json& warnings, WorkBudget& budget) {
  long long rank = grading.start;
  for (std::size_t i = 0; i < grading.criteria.size(); ++i) {
    const GradeCriterion& c = grading.criteria[i];
    GradeStep step;
    step.criterion = static_cast<std::uint32_t>(i);
    if (explanation) {
      step.missing_begin = static_cast<std::uint32_t>(explanation->missing.size());
      for (std::size_t k = 0; k < c.fields.size(); ++k)
        if (!fields.has(c.field_slots[k])) explanation->missing.push_back(&c.fields[k]);
      step.missing_end = static_cast<std::uint32_t>(explanation->missing.size());
    }
    const bool unknown = explanation ? step.missing_end != step.missing_begin
                                     : std::any_of(c.field_slots.begin(), c.field_slots.end(),
                                                   [&](std::size_t slot) { return !fields.has(slot); });
    if (!unknown) {
      if (const auto value = c.when.holds(fields, &budget); !value) {
        if (budget.exhausted()) {
          budget.locate("/grading/criteria/" + std::to_string(i) + "/when");
          return rank;
        }
        criterion_failed(c, i, value.error(), warnings);
      } else {
        step.state = value.value() ? GradeStep::State::Match : GradeStep::State::NoMatch;
        step.thirds = value.value() ? c.weight : -c.weight;
        rank += step.thirds;
      }
    }
    if (explanation) explanation->steps.push_back(step);
  }
  return rank;
}

// fit_bands: the first band (best first) whose "from" the fit points reach; below them all, F.
int fit_band_rank(const Grading& grading, Centipoints fit_points) {
  for (const FitGradeBand& b : grading.bands)
    if (fit_points >= b.from) return b.rank;
  return kGradeF;
}

}  // namespace

int grade_lead(const Grading& grading, const FieldSlots& fields, Centipoints fit_points,
               const std::vector<GradeAdjustment>& adjustments, GradeExplanation* explanation, Json& warnings,
               WorkBudget& budget) {
  const char* clamped = nullptr;
  int rank = grading.method == Grading::Method::Criteria
                 ? clamp_rank(criteria_rank(grading, fields, explanation, warnings, budget), clamped)
                 : fit_band_rank(grading, fit_points);
  if (!adjustments.empty()) {
    // The adjustments start from the shown grade (a rep's "+1" on an F lead gives D-, whatever the
    // criteria sum was) and are summed before one clamp, as the criteria are.
    long long adjusted = rank;
    for (const GradeAdjustment& a : adjustments) {
      if (a.set) adjusted = *a.set;
      else adjusted += a.thirds;
      if (explanation) explanation->adjustments.push_back(AppliedGradeAdjustment{a.index, a.by, a.set, a.thirds});
    }
    rank = clamp_rank(adjusted, clamped);
  }
  if (explanation) explanation->clamped = clamped;
  return rank;
}

}  // namespace leadscore
