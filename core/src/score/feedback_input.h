// Sales feedback given to score(): adjustments and verdict, validated and resolved against `now`
// (docs/feedback.md). Internal to the core.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "grading/grading_eval.h"
#include "leadscore/error.h"
#include "leadscore/feedback.h"
#include "leadscore/json.h"
#include "model/model_reader.h"

namespace leadscore {

struct SalesVerdict {
  std::string value;  ///< "qualified" or "disqualified"
  std::string by;
  std::string reason;
  Millis at = 0;
};

struct FeedbackInput {
  Centipoints points = 0;                 ///< sum of the active point adjustments
  Json contributions = Json::array();     ///< one "adjustment" contribution per adjustment
  std::vector<GradeAdjustment> grades;    ///< active grade adjustments, in `at` order
  std::optional<SalesVerdict> verdict;
  Json json;                              ///< the result's "feedback" object
};

/// Validates `feedback` (never nullptr) against `now`. Errors: "feedback_invalid" at
/// /feedback/... . Appends "feedback_future" warnings.
Expected<FeedbackInput> read_feedback_input(const Json& feedback, const std::optional<FeedbackSpec>& spec,
                                            Millis now, Json& warnings);

namespace model_detail {
/// Reads the model's /feedback section.
std::optional<FeedbackSpec> read_feedback_section(Reader& r, const Json& section);
}  // namespace model_detail

}  // namespace leadscore
