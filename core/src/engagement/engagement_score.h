// Engagement scoring: cleaned events -> rule and group points, decay, caps, and the result's
// "engagement" object (docs/model-format.md, "Order of application"). Internal to the core.
#pragma once
#include "engagement/events.h"
#include <memory>

#include "leadscore/model.h"
#include "leadscore/score_result.h"
#include "leadscore/work_budget.h"

namespace leadscore {

struct EngagementScore {
  Centipoints points = 0;  ///< after the engagement caps
  Centipoints raw = 0;     ///< sum of the contribution lines it appended
  std::vector<EngagementLine> lines;  ///< engagement_without_events(): the contribution lines it gives
  /// engagement_without_events(): the result object's text after its "events" member, which
  /// sorts first: ",\"groups\":...}" (or "}" when the object has nothing else).
  std::string text_tail;
};

/// The engagement text tail of a model without an engagement section (see text_tail).
const std::string& no_engagement_tail();

/// Appends engagement contributions and warnings; `events` must come from clean_events() for the
/// same model and `now`. An explain score fills `explanation`; a summary score counts points only
/// (no explanation, no lines).
/// Spends from the lead's `budget` (docs/limits.md) the same way at either detail: each (event,
/// rule) pair looked at, each condition, each counted event; when it runs out the score is
/// meaningless and budget.exhausted() says so.
EngagementScore score_engagement(const Model& model, const CleanEvents& events, Millis now, Detail detail,
                                 EngagementExplanation& explanation, std::vector<EngagementLine>& contributions,
                                 Json& warnings, WorkBudget& budget);

/// Appends the explain result's "engagement" object after its "events" member: ",\"groups\":...}"
/// (members in key order, then the closing brace).
void write_engagement_tail(const Engagement& engagement, const EngagementExplanation& explanation, std::string& out);

/// The engagement part of a lead without used events (a constant of the model), for the model to
/// keep (Engagement::without_events).
std::shared_ptr<const EngagementScore> engagement_without_events(const Engagement& engagement);

}  // namespace leadscore
