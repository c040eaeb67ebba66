// The engagement part of a compiled model: event types, engagement groups, event and pattern
// rules, and decay. Documented for model authors in docs/model-format.md, "Engagement (events)".
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/logic.h"

namespace leadscore {

using Centipoints = std::int64_t;
/// Durations and instants are whole milliseconds (UTC, no calendar arithmetic).
using Millis = std::int64_t;

struct EventType {
  std::string id;
  std::string label;
  bool activity = true;  ///< something the lead did (sets last_activity, counts for recency)
  /// Internal: the end of an event line of this type in a result: ,"type":"..."}
  std::string line_tail;
};

struct Stage {
  std::string id;
  std::string label;
};

/// Age decay of each counted event, by its age now - at.
struct AgeDecay {
  enum Kind { None, HalfLife, Linear } kind = None;
  Millis half_life = 0;  ///< HalfLife
  int percent = 0;       ///< Linear: percent lost per whole period
  Millis per = 0;        ///< Linear: the period
};

/// Points removed from a subtotal after a stretch without activity.
struct InactivityDecay {
  Millis after = 0;
  Centipoints points = 0;
  std::optional<Millis> every;  ///< absent: removed once
};

/// A `decay` value of a group or rule: at most one age decay and one inactivity decay.
struct DecaySpec {
  std::optional<AgeDecay> age;  ///< absent: inherit (rules) / none (groups)
  std::optional<InactivityDecay> inactivity;
};

struct EngagementGroup {
  std::string id;
  std::string label;
  std::optional<Centipoints> min, max;
  DecaySpec decay;
};

enum class RuleKind { Event, Frequency, Recency, Streak };

const char* rule_kind_name(RuleKind kind);

struct EngagementRule {
  RuleKind kind = RuleKind::Event;
  std::string id;
  std::string label;
  std::size_t group = 0;              ///< index into Engagement::groups
  std::optional<std::size_t> stage;   ///< index into Engagement::stages
  Centipoints points = 0;
  std::vector<std::size_t> types;     ///< event types read (Event, Frequency, Recency); empty Recency = all activities
  std::optional<Logic> when;          ///< condition on the event's props
  // Event rules
  std::optional<std::uint32_t> repeat_max;  ///< absent: every event counts
  std::optional<Millis> repeat_per;         ///< with repeat_max: sliding window length
  std::optional<Centipoints> min, max;
  DecaySpec decay;
  std::vector<std::size_t> resets;    ///< groups this rule's events reset
  bool strong = false;                ///< events it counts are strong actions for routing
  // Frequency / recency
  std::uint32_t at_least = 1;
  Millis within = 0;
  // Streak
  std::size_t sent = 0, opened = 0;
  std::uint32_t last = 1;
  std::string match_on;  ///< empty: opens are matched to the send they follow
  /// Internal: an event line of this rule in a result, from after its "event_index" value up to
  /// its "type" key: ,"group":...,"kind":"event","label":...,"points":...,"rule":...[,"stage":...]
  std::string event_line_text;
};

struct EngagementScore;  // engagement_score.h (internal)

struct Engagement {
  std::vector<EventType> event_types;
  std::vector<Stage> stages;
  std::vector<EngagementGroup> groups;
  std::vector<EngagementRule> rules;
  std::optional<Centipoints> min, max;
  /// The engagement part of every lead without used events, computed once when the model is
  /// parsed (most leads have no event). Internal to the core.
  std::shared_ptr<const EngagementScore> without_events;

  /// Internal: for each event type, the event, frequency and recency rules that read it (streaks
  /// read their own two types), computed when the model is parsed.
  std::vector<std::vector<std::uint32_t>> rules_by_type;
  /// Internal: each event type's position among the types sorted by id (events of one instant
  /// are ordered by type id), computed when the model is parsed.
  std::vector<std::uint32_t> type_rank;
  /// Internal: the event types' indices sorted by id length, then id (type_index() searches it),
  /// computed when the model is parsed.
  std::vector<std::uint32_t> types_by_id;

  /// Index of the event type with this id, or -1 (a binary search once the model is parsed).
  long type_index(std::string_view id) const;
};

/// What the engagement rules, groups and stages gave one lead, as values: an explain result's
/// "engagement" object besides its "events" counts. Rules, groups and stages are indices into the
/// model's Engagement, whose ids, labels and caps the result writer adds. Filled by scoring with
/// Detail::Explain; reused from lead to lead (clear()).
struct EngagementExplanation {
  struct RuleEntry {
    std::uint32_t rule = 0;             ///< index into Engagement::rules
    std::size_t matched = 0;            ///< events that passed the rule's type and condition
    std::size_t counted = 0;            ///< event rules: events that gave points
    bool fired = false;                 ///< pattern rules (frequency, recency, streak)
    Centipoints points_before_cap = 0;  ///< event rules: after decay, before the rule's caps
    Centipoints points = 0;
  };
  struct GroupEntry {
    Centipoints points_before_cap = 0;  ///< after inactivity decay, before the group's caps
    Centipoints points = 0;
    std::optional<Millis> reset_at;     ///< the latest reset of the group, when one happened
  };
  std::vector<RuleEntry> rules;        ///< rules that matched an event or gave points, in model order
  std::vector<GroupEntry> groups;      ///< one per Engagement::groups entry
  std::vector<Centipoints> stages;     ///< one per Engagement::stages entry: its points
  Centipoints points_before_cap = 0;   ///< the groups' sum, before the engagement caps
  Centipoints points = 0;
  void clear() {
    rules.clear();
    groups.clear();
    stages.clear();
    points_before_cap = points = 0;
  }
};

}  // namespace leadscore
