// The explain result's "grade" object written from a GradeExplanation, keys in byte-wise order:
// exactly the bytes dump_json() wrote of the tree this replaced (result-bytes test).
#include <algorithm>
#include <string_view>

#include "grading/grading_eval.h"
#include "io/json_text.h"

namespace leadscore {
namespace {

using json_text::ArrayWriter;
using json_text::ObjectWriter;

const char* state_name(GradeStep::State state) {
  switch (state) {
    case GradeStep::State::Match: return "match";
    case GradeStep::State::NoMatch: return "no_match";
    case GradeStep::State::Unknown: break;
  }
  return "unknown";
}

void write_steps(const Grading& grading, const GradeExplanation& e, std::string& out) {
  ArrayWriter steps(out);
  for (const GradeStep& step : e.steps) {
    // {"criterion":...,"label":... is the criterion's constant text (result_texts.h).
    std::string& o = steps.next();
    o += grading.criteria[step.criterion].result_head;
    if (step.missing_end != step.missing_begin) {
      o += ",\"missing\":";
      ArrayWriter missing(o);
      for (std::uint32_t k = step.missing_begin; k < step.missing_end; ++k)
        json_text::append_string(missing.next(), *e.missing[k]);
    }
    o += ",\"state\":\"";
    o += state_name(step.state);
    o += "\",\"thirds\":";
    json_text::append_int(o, step.thirds);
    o += '}';
  }
}

// Every missing field once, in byte-wise order (what a std::set of the names gave).
void write_unknown_fields(const GradeExplanation& e, std::string& out) {
  std::vector<std::string_view> names;
  names.reserve(e.missing.size());
  for (const std::string* name : e.missing) names.emplace_back(*name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  ArrayWriter list(out);
  for (std::string_view name : names) json_text::append_string(list.next(), name);
}

}  // namespace

void write_grade(const Grading& grading, int rank, const GradeExplanation& e, std::string& out) {
  const bool criteria = grading.method == Grading::Method::Criteria;
  ObjectWriter o(out);
  if (!e.adjustments.empty()) {
    ArrayWriter list(o.key("adjustments"));
    for (const AppliedGradeAdjustment& a : e.adjustments) {
      ObjectWriter entry(list.next());
      entry.string("by", a.by);
      entry.integer("index", static_cast<std::int64_t>(a.index));
      if (a.set) entry.string("set", grade_letter(*a.set));
      else entry.integer("thirds", a.thirds);
    }
  }
  if (e.clamped) o.string("clamped", e.clamped);
  else o.null("clamped");
  o.string("letter", grade_letter(rank));
  o.string("method", criteria ? "criteria" : "fit_bands");
  o.integer("rank", rank);
  if (criteria) o.string("start", grade_letter(grading.start));
  write_steps(grading, e, o.key("steps"));
  write_unknown_fields(e, o.key("unknown_fields"));
}

}  // namespace leadscore
