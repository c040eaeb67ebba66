// The table behind leadscore/score_readers.h. Internal to the core.
#pragma once
#include <optional>

#include "grading/routing_eval.h"
#include "leadscore/error.h"
#include "leadscore/json.h"
#include "leadscore/score_readers.h"
#include "score/feedback_input.h"

namespace leadscore {

struct ScoreReaders {
  /// read_feedback_input(), or a reader that refuses any feedback.
  Expected<FeedbackInput> (*feedback)(const Json& feedback, const std::optional<FeedbackSpec>& spec, Millis now,
                                      Json& warnings);
  /// track(), or a reader that refuses any previous result.
  Expected<Tracking> (*previous)(const Model& model, const Json& previous, int score, const Band& band,
                                 std::optional<int> grade);
};

}  // namespace leadscore
