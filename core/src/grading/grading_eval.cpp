// Grading a normalized lead (docs/grading.md, "How a grade is computed"): Pardot-style criteria
// (start letter, +/- weight thirds, unknown = 0, one clamp at the end) or fit-point bands, then the
// sales team's grade adjustments. Integer ranks only.
#include "grading/grading_eval.h"

#include <algorithm>
#include <set>

#include "score/lead_normalize.h"

namespace leadscore {
namespace {

// Clamps `rank` to F..A+ and remembers which end, if any, it hit.
int clamp_rank(long long rank, Json& clamped) {
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

// Criteria: the sum of thirds is formed first and clamped once, so the grade does not depend on
// the order of the criteria. A running clamp would: from A-, "+3 then -3" gives A+ then B+, while
// "-3 then +3" gives B- then A-; one clamp gives A- both ways.
// `steps` null: the rank alone (a summary score), without the explanation.
long long criteria_rank(const Grading& grading, const FieldSlots& fields, Json* steps, Json* unknown_fields_json,
                        Json& warnings) {
  long long rank = grading.start;
  if (!steps) {
    for (std::size_t i = 0; i < grading.criteria.size(); ++i) {
      const GradeCriterion& c = grading.criteria[i];
      if (std::any_of(c.fields.begin(), c.fields.end(), [&](const std::string& f) { return fields.find(f) == nullptr; }))
        continue;  // unknown: 0 thirds
      const auto value = c.when.holds(fields);
      if (!value) {
        warnings.push_back(make_warning("criterion_failed", "/grading/criteria/" + std::to_string(i) + "/when",
                                        "criterion \"" + c.id + "\" could not be evaluated: " + value.error().message));
        continue;
      }
      rank += value.value() ? c.weight : -c.weight;
    }
    return rank;
  }
  std::set<std::string> unknown_fields;
  for (std::size_t i = 0; i < grading.criteria.size(); ++i) {
    const GradeCriterion& c = grading.criteria[i];
    Json step = {{"criterion", c.id}, {"label", c.label}};
    Json missing = Json::array();
    for (const auto& name : c.fields)
      if (fields.find(name) == nullptr) {
        missing.push_back(name);
        unknown_fields.insert(name);
      }
    if (!missing.empty()) {
      step["state"] = "unknown";
      step["thirds"] = 0;
      step["missing"] = std::move(missing);
    } else if (const auto value = c.when.holds(fields); !value) {
      warnings.push_back(make_warning("criterion_failed", "/grading/criteria/" + std::to_string(i) + "/when",
                                      "criterion \"" + c.id + "\" could not be evaluated: " + value.error().message));
      step["state"] = "unknown";
      step["thirds"] = 0;
    } else {
      const bool match = value.value();
      step["state"] = match ? "match" : "no_match";
      step["thirds"] = match ? c.weight : -c.weight;
      rank += match ? c.weight : -c.weight;
    }
    steps->push_back(std::move(step));
  }
  for (const auto& name : unknown_fields) unknown_fields_json->push_back(name);  // std::set: sorted, unique
  return rank;
}

// fit_bands: the first band (best first) whose "from" the fit points reach; below them all, F.
int fit_band_rank(const Grading& grading, Centipoints fit_points) {
  for (const FitGradeBand& b : grading.bands)
    if (fit_points >= b.from) return b.rank;
  return kGradeF;
}

}  // namespace

GradeOutcome grade_lead(const Grading& grading, const FieldSlots& fields, Centipoints fit_points,
                        const std::vector<GradeAdjustment>& adjustments, bool explain, Json& warnings) {
  Json steps = Json::array();
  Json unknown_fields = Json::array();
  Json clamped = nullptr;
  const bool criteria = grading.method == Grading::Method::Criteria;
  int rank = criteria ? clamp_rank(criteria_rank(grading, fields, explain ? &steps : nullptr,
                                                 explain ? &unknown_fields : nullptr, warnings),
                                   clamped)
                      : fit_band_rank(grading, fit_points);

  Json applied = Json::array();
  if (!adjustments.empty()) {
    // The adjustments start from the shown grade (a rep's "+1" on an F lead gives D-, whatever the
    // criteria sum was) and are summed before one clamp, as the criteria are.
    long long adjusted = rank;
    for (const GradeAdjustment& a : adjustments) {
      Json entry = {{"index", a.index}, {"by", a.by}};
      if (a.set) {
        adjusted = *a.set;
        entry["set"] = grade_letter(*a.set);
      } else {
        adjusted += a.thirds;
        entry["thirds"] = a.thirds;
      }
      applied.push_back(std::move(entry));
    }
    rank = clamp_rank(adjusted, clamped);
  }
  if (!explain) return GradeOutcome{rank, Json()};

  Json json = {{"letter", grade_letter(rank)}, {"rank", rank}, {"method", criteria ? "criteria" : "fit_bands"},
               {"steps", std::move(steps)}, {"unknown_fields", std::move(unknown_fields)}, {"clamped", clamped}};
  if (criteria) json["start"] = grade_letter(grading.start);
  if (!applied.empty()) json["adjustments"] = std::move(applied);
  return GradeOutcome{rank, std::move(json)};
}

}  // namespace leadscore
