// Engagement scoring: cleaned events -> rule and group points, decay, caps, and the result's
// "engagement" object (docs/model-format.md, "Order of application"). Internal to the core.
#pragma once
#include "events.h"
#include "leadscore/model.h"

namespace leadscore {

struct EngagementScore {
  Centipoints points = 0;  ///< after the engagement caps
  Centipoints raw = 0;     ///< sum of the contribution lines it appended
  Json result;             ///< the result's "engagement" object
};

/// Appends engagement contributions and warnings; `events` must come from clean_events() for the
/// same model and `now`.
EngagementScore score_engagement(const Model& model, const CleanEvents& events, Millis now, Json& contributions,
                                 Json& warnings);

}  // namespace leadscore
