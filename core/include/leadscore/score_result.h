// A scored lead as plain C++ values, and the writers that turn it into result JSON text.
//
// score_into() fills a ScoreResult; write_result() appends its JSON to a string. A caller scoring
// many leads keeps one ScoreResult and one output string and reuses both: their buffers keep their
// capacity from lead to lead. The explain text is byte for byte what dump_json(score(...)) has
// always written (the result-bytes contract, docs/architecture.md); the summary text is the short
// shape of docs/model-format.md ("Summary result").
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "leadscore/json.h"
#include "leadscore/checks.h"
#include "leadscore/engagement.h"
#include "leadscore/grading.h"
#include "leadscore/logic.h"
#include "leadscore/model.h"
#include "leadscore/routing.h"

namespace leadscore {

/// How much a result says. Explain: everything (contributions, groups, engagement, grade steps,
/// quality findings...), the default of the JSON APIs. Summary: score, points, probability, band,
/// grade letter, route action, quality verdict, model, warning codes; made for batch jobs
/// (evaluate, calibrate's test scoring, accounts, CSV output) that read only those.
enum class Detail { Explain, Summary };

/// Parses "explain" / "summary"; nullopt otherwise.
std::optional<Detail> parse_detail(std::string_view text);

/// One engagement contribution of a result. Most lines are an event rule counting one event: those
/// are kept as indices and written from the model's rule (hundreds a lead with many events); the
/// rarer decay and pattern lines keep their JSON object.
struct EngagementLine {
  std::uint32_t rule = 0;       ///< event line: index into Engagement::rules
  std::uint32_t type = 0;       ///< event line: index into Engagement::event_types
  std::size_t event_index = 0;  ///< event line: the event's position in the lead's events
  Millis at = 0;                ///< event line: the event's instant (its points are the rule's)
  Json other;                   ///< any other line: the whole object (then the fields above are unused)
};

/// One scored lead. Pointers refer into the Model that scored it: the model must outlive the
/// result. Members that only an explain result shows are left empty by a summary score.
struct ScoreResult {
  // Reading these is all most callers need.
  int score = 0;                   ///< 0..100, after a spam block
  Centipoints points = 0;          ///< after group and total caps
  Centipoints raw_points = 0;      ///< sum of every contribution
  Centipoints fit_points = 0;      ///< fit groups after their caps
  Centipoints engagement_points = 0;
  std::optional<double> probability;    ///< models with a probability section
  const Band* band = nullptr;           ///< the score's band (tracking may hold another for routing)
  std::optional<int> grade_rank;        ///< models with grading
  std::string grade_letter;             ///< "" without grading
  std::string route_action;             ///< "" without routing
  std::string quality_verdict;          ///< "" without a checks section
  std::optional<Millis> last_activity;  ///< latest used activity event
  Millis now = 0;                       ///< the scoring instant, UTC milliseconds
  /// Units of work the score used (docs/limits.md), also when it failed: at most
  /// Limits::max_lead_work, or just over it when that budget ran out. Not part of the result text.
  std::uint64_t work = 0;
  Json warnings = Json::array();        ///< {"code","path","message"} objects, in result order

  // Where the result came from.
  const Model* model = nullptr;      ///< the plain model that scored (a persona's model in a set)
  const Model* set = nullptr;        ///< the model set, when the model came from one
  const Persona* persona = nullptr;  ///< the chosen persona of a set
  Json also_matched = Json::array(); ///< later personas that matched too (sets)
  /// The lead's declared fields as the rules saw them (normalized, by field index of `model`);
  /// kept here so their memory serves the next lead too.
  FieldSlots fields;

  // Explain parts: the contributions in result order (fit rules, completeness fields, form-check
  // findings, engagement lines, feedback adjustments, spam block) and the nested objects.
  std::vector<std::uint32_t> rule_hits;          ///< indices into model->rules() that matched
  std::vector<std::uint32_t> completeness_hits;  ///< indices into completeness()->fields
  struct CheckHit {
    std::uint32_t finding;  ///< index into checks.findings
    Centipoints points;
  };
  LeadQuality checks;                      ///< the form checks' findings and verdict (checks section)
  std::vector<CheckHit> check_hits;
  std::vector<EngagementLine> engagement_lines;  ///< engagement contributions, in result order
  Json feedback_lines = Json::array();     ///< feedback adjustment contribution objects
  std::optional<int> blocked_score;        ///< the score before a spam block, when blocked
  std::vector<Centipoints> group_sums;     ///< per model group, before its caps
  Centipoints capped_sum = 0;              ///< groups + engagement + feedback, before the total cap
  EngagementExplanation engagement;        ///< the "engagement" object besides "events"
  /// Instead of `engagement`, for a lead without events: the model's constant engagement text
  /// after its "events" member (",...}" or "}"). Internal; points into the Model.
  const std::string* engagement_tail = nullptr;
  struct EventCounts {
    std::size_t received = 0, invalid = 0, unknown = 0, future = 0, duplicates = 0, used = 0;
  };
  EventCounts event_counts;                ///< the "engagement.events" counts
  /// Scored with Detail::Explain: the "grade", "route" and "quality" objects below are filled
  /// (for models with grading, routing, checks; "quality" is written from `checks`).
  bool explained = false;
  GradeExplanation grade;                  ///< the "grade" object besides the letter
  RouteExplanation route;                  ///< the "route" object
  std::optional<Json> tracking;            ///< the "tracking" object
  std::optional<Json> feedback;            ///< the "feedback" object

  /// Empties the result for the next lead, keeping the buffers' capacity.
  void clear();
};

/// Appends the result's JSON text (compact, keys sorted) to `out`.
void write_result(const ScoreResult& result, Detail detail, std::string& out);

/// Points as every result writes them: whole points as integers ("30"), others as the shortest
/// decimal ("12.5").
std::string points_text(Centipoints points);

}  // namespace leadscore
