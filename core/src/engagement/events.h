// Events as the engagement rules see them: validated, known, not in the future, deduplicated and
// sorted (docs/model-format.md, "Events (input)"). Internal to the core.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "leadscore/engagement.h"
#include "leadscore/error.h"
#include "leadscore/event_list.h"
#include "leadscore/json.h"
#include "leadscore/limits.h"

namespace leadscore {

struct UsedEvent {
  std::size_t index = 0;        ///< position in the input array (of the first copy)
  std::size_t type = 0;         ///< index into Engagement::event_types
  Millis at = 0;                ///< UTC milliseconds
  const Json* props = nullptr;  ///< nullptr: no props (conditions see {})
  /// Canonical JSON of props ("{}" when absent): the sort and dedupe key among events of the same
  /// instant and type; left empty for an event that shares them with no other.
  std::string props_key;
};

struct CleanEvents {
  std::vector<UsedEvent> used;  ///< sorted by at, type id, props text, index
  std::size_t received = 0, invalid = 0, unknown = 0, future = 0, duplicates = 0;
  std::optional<Millis> last_activity;  ///< latest used event of an activity type
};

/// Cleans `events` (nullptr = none) for `engagement` (nullptr = the model has no engagement, so
/// every type is unknown). Appends warnings. score() refuses a non-array and too many events
/// before calling this, so it does not fail today; Expected keeps room for future checks.
Expected<CleanEvents> clean_events(const Engagement* engagement, const Json* events, Millis now, const Limits& limits,
                                   Json& warnings);
/// The same for events read into an EventList (the list's events, in its order, are the array).
Expected<CleanEvents> clean_events(const Engagement* engagement, const EventList& events, Millis now,
                                   const Limits& limits, Json& warnings);

}  // namespace leadscore
