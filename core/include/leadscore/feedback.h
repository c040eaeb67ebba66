// Sales feedback (collaborative scoring): the model's settings for manual adjustments. The
// adjustments and the sales verdict themselves are inputs of score() (ScoreOptions::feedback);
// their format is in docs/feedback.md.
#pragma once
#include <optional>

#include "leadscore/engagement.h"

namespace leadscore {

struct FeedbackSpec {
  /// How long an adjustment without its own "expires" stays active after its "at"; absent: forever.
  std::optional<Millis> expire_after;
};

}  // namespace leadscore
