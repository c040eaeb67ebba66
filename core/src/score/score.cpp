// Scoring: fit rules and engagement -> contributions -> caps -> total cap -> 0..100 scale -> band.
// All arithmetic is on integer centipoints (docs/model-format.md, "How a score is computed").
#include "leadscore/score.h"
#include "leadscore/score_result.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "engagement/engagement_score.h"
#include "engagement/events.h"
#include "score/feedback_input.h"
#include "score/score_readers.h"
#include "grading/grading_eval.h"
#include "score/lead_normalize.h"
#include "model/model_set.h"
#include "grading/routing_eval.h"
#include "score/points_json.h"
#include "score/probability.h"
#include "leadscore/time.h"
#include "leadscore/version.h"

namespace leadscore {
namespace {

// floor(a / b) for b > 0.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && (a < 0)) --q;
  return q;
}

// The instant and the lead's shape: what every score checks first (a set, before choosing a persona).
Expected<Millis> check_inputs(const LeadRecord& lead, const ScoreOptions& options) {
  if (options.now.empty()) return Error{"now_missing", "/now", "the scoring instant \"now\" is required (ISO-8601 with an offset)"};
  const auto now = parse_instant(options.now);
  if (!now) return Error{"now_invalid", "/now", "\"now\" is not a valid instant: " + now.error().message};
  if (!lead.is_object()) return Error{"lead_not_object", "", "a lead must be a JSON object of field values"};
  return now.value();
}

// Scores with one plain model (a model set has chosen its persona's model before).
std::optional<Error> score_model(const Model& model, const LeadRecord& lead, Millis now_ms, const ScoreOptions& options,
                                 const ScoreReaders& readers, ScoreResult& out, WorkBudget& budget) {
  const bool explain = options.detail == Detail::Explain;
  const std::string deep = lead.too_deep(model.limits().max_json_depth);
  if (!deep.empty()) return Error{"json_too_deep", deep, "the lead is nested too deeply"};

  out.model = &model;
  out.now = now_ms;
  const std::int64_t today = now_ms >= 0 ? now_ms / 86400000 : -((-now_ms + 86399999) / 86400000);
  Json& warnings = out.warnings;
  FieldSlots& fields = out.fields;
  normalize_lead_into(model, lead, today, fields, warnings);
  // Shape and count before anything walks the events, so an oversized array is refused at once.
  const std::size_t max_depth = model.limits().max_json_depth;
  const EventList* list = options.event_list;
  Json list_json;  // a list under a depth limit too low for its read events: checked as JSON
  const Json* events_json = list ? nullptr : options.events;
  if (list && max_depth < 3) {
    list_json = list->json();
    events_json = &list_json;
    list = nullptr;
  }
  if (events_json && !events_json->is_array())
    return Error{"events_not_array", "/events", "the events must be a JSON array"};
  const std::size_t event_count = list ? list->size() : events_json ? events_json->size() : 0;
  if (event_count > model.limits().max_events)
    return Error{"too_many_events", "/events",
                 "a lead may carry at most " + std::to_string(model.limits().max_events) + " events; this one has " +
                     std::to_string(event_count)};
  if (events_json) {
    const std::string deep_event = find_too_deep(*events_json, max_depth);
    if (!deep_event.empty()) return Error{"json_too_deep", "/events" + deep_event, "the events are nested too deeply"};
  }
  if (list) {
    // As find_too_deep() of the array: its last offending element first. A read event is two
    // levels deep at most, below this limit.
    for (std::size_t i = list->size(); i-- > 0;) {
      const EventList::Event e = (*list)[i];
      if (!e.whole) continue;
      const std::string deep_event = find_too_deep(*e.whole, max_depth - 1);
      if (!deep_event.empty())
        return Error{"json_too_deep", "/events/" + std::to_string(i) + deep_event, "the events are nested too deeply"};
    }
  }
  // Event warnings come after fit rule warnings (docs: "Result"), so collect them apart.
  Json event_warnings = Json::array();
  const Engagement* engagement_section = model.engagement() ? &*model.engagement() : nullptr;
  auto events = list ? clean_events(engagement_section, *list, now_ms, model.limits(), event_warnings)
                     : clean_events(engagement_section, events_json, now_ms, model.limits(), event_warnings);
  if (!events) return events.error();

  std::vector<Centipoints>& group_sums = out.group_sums;
  group_sums.assign(model.groups().size(), 0);
  Centipoints raw = 0;
  for (std::size_t i = 0; i < model.rules().size(); ++i) {
    const FitRule& rule = model.rules()[i];
    const auto matched = rule.when.holds(fields, &budget);
    if (!matched) {
      if (budget.exhausted()) {
        budget.locate("/rules/" + std::to_string(i) + "/when");
        return budget.error();
      }
      warnings.push_back(make_warning("rule_failed", "/rules/" + std::to_string(i) + "/when",
                                      "rule \"" + rule.id + "\" could not be evaluated: " + matched.error().message));
      continue;
    }
    if (!matched.value()) continue;
    group_sums[rule.group_index] += rule.points;
    raw += rule.points;
    out.rule_hits.push_back(static_cast<std::uint32_t>(i));
  }
  if (const auto& c = model.completeness()) {
    for (std::size_t f = 0; f < c->fields.size(); ++f) {
      if (!fields.has(c->field_indices[f])) continue;
      group_sums[c->group_index] += c->points_per_field;
      raw += c->points_per_field;
      out.completeness_hits.push_back(static_cast<std::uint32_t>(f));
    }
  }

  // Form checks: findings with points in the model become fit contributions, once per code and field.
  if (model.has_checks()) {
    const CheckConfig& config = model.checks();
    if (auto error = check_lead_into(config, lead, LeadCheckOptions{options.language, options.now}, out.checks))
      return error;
    const auto& findings = out.checks.findings;
    for (std::size_t k = 0; k < findings.size(); ++k) {
      const Finding& f = findings[k];
      const auto pts = config.points.find(f.code);
      if (pts == config.points.end()) continue;
      // Once per code and field (findings are few: a linear look at the earlier hits is enough).
      const bool seen = std::any_of(out.check_hits.begin(), out.check_hits.end(), [&](const ScoreResult::CheckHit& h) {
        return findings[h.finding].code == f.code && findings[h.finding].field == f.field;
      });
      if (seen) continue;
      group_sums[config.group_index] += pts->second;
      raw += pts->second;
      out.check_hits.push_back({static_cast<std::uint32_t>(k), pts->second});
    }
    out.quality_verdict = out.checks.verdict;
  }
  out.explained = explain;

  for (auto& w : event_warnings) warnings.push_back(std::move(w));
  // A lead without used events gets the model's constant engagement part: written from its
  // precomputed text (only the event counts differ), not copied as a tree.
  const CleanEvents& cleaned = events.value();
  const Engagement* model_engagement = model.engagement() ? &*model.engagement() : nullptr;
  const bool constant_engagement = explain && cleaned.used.empty() && !cleaned.last_activity &&
                                   (!model_engagement || model_engagement->without_events);
  EngagementScore engagement = score_engagement(model, cleaned, now_ms, constant_engagement ? Detail::Summary : options.detail,
                                                out.engagement, out.engagement_lines, warnings, budget);
  if (budget.exhausted()) return budget.error();
  raw += engagement.raw;
  if (explain) {
    out.event_counts = {cleaned.received, cleaned.invalid, cleaned.unknown,
                        cleaned.future,   cleaned.duplicates, cleaned.used.size()};
  }
  if (constant_engagement) {
    out.engagement_tail = model_engagement ? &model_engagement->without_events->text_tail : &no_engagement_tail();
    if (model_engagement)
      for (const EngagementLine& line : model_engagement->without_events->lines) out.engagement_lines.push_back(line);
  }
  out.engagement_points = engagement.points;

  // Sales feedback: active point adjustments count after the group caps, before the total cap.
  std::optional<FeedbackInput> feedback;
  if (options.feedback) {
    auto read = readers.feedback(*options.feedback, model.feedback(), now_ms, warnings);
    if (!read) return read.error();
    feedback = std::move(read.value());
    raw += feedback->points;
    out.feedback_lines = std::move(feedback->contributions);
  }

  Centipoints fit_points = 0;
  for (std::size_t i = 0; i < model.groups().size(); ++i) {
    const GroupSpec& g = model.groups()[i];
    fit_points += clamp_optional(group_sums[i], g.min, g.max);
  }
  out.fit_points = fit_points;
  out.raw_points = raw;
  out.capped_sum = fit_points + engagement.points + (feedback ? feedback->points : 0);
  const Centipoints points = clamp_optional(out.capped_sum, model.total_min(), model.total_max());
  out.points = points;

  // score = round half up of 100 * (points - min) / (max - min), clamped to 0..100.
  const std::int64_t num = 100 * (points - model.scale().min);
  const std::int64_t den = model.scale().max - model.scale().min;
  std::int64_t score = std::clamp<std::int64_t>(floor_div(2 * num + den, 2 * den), 0, 100);
  // A spam verdict blocks the score when the model says so; the contribution says what it was.
  if (model.has_checks() && model.checks().spam_blocks_score && out.quality_verdict == "spam") {
    out.blocked_score = static_cast<int>(score);
    score = 0;
  }
  out.score = static_cast<int>(score);
  if (model.probability()) out.probability = probability_from_points(*model.probability(), points);
  const Band* band = &model.bands().front();
  for (const Band& b : model.bands())
    if (b.from <= score && score <= b.to) band = &b;
  out.band = band;

  // Grade, then the held band and grade (tracking), then the route that reads them.
  if (model.grading()) {
    static const std::vector<GradeAdjustment> kNoAdjustments;
    const int rank = grade_lead(*model.grading(), fields, fit_points, feedback ? feedback->grades : kNoAdjustments,
                                explain ? &out.grade : nullptr, warnings, budget);
    if (budget.exhausted()) return budget.error();
    out.grade_rank = rank;
    out.grade_letter = grade_letter(rank);
  }
  std::optional<Tracking> tracking;
  if (options.previous) {
    auto tracked = readers.previous(model, *options.previous, static_cast<int>(score), *band, out.grade_rank);
    if (!tracked) return tracked.error();
    tracking = std::move(tracked.value());
  }
  if (model.routing()) {
    RouteInput input;
    input.band = tracking ? tracking->band : band->id;
    input.grade = tracking ? tracking->grade : out.grade_rank;
    if (model.has_checks()) input.quality = out.quality_verdict;
    input.verdict = feedback && feedback->verdict ? &*feedback->verdict : nullptr;
    if (explain) {
      find_strong_actions(model, cleaned, now_ms, out.route.strong_actions, budget);
      if (budget.exhausted()) return budget.error();
      input.strong_actions = &out.route.strong_actions;
      explain_route(*model.routing(), input, out.route);
      out.route_action = out.route.action();
    } else {  // a summary shows the action only: no route object, no strong-action list
      const bool strong = has_strong_action(model, cleaned, now_ms, budget);
      if (budget.exhausted()) return budget.error();
      out.route_action = route_action(*model.routing(), input, strong);
    }
  }
  if (tracking) out.tracking = std::move(tracking->json);
  if (feedback) out.feedback = std::move(feedback->json);
  out.last_activity = cleaned.last_activity;
  return std::nullopt;
}

}  // namespace

std::optional<Detail> parse_detail(std::string_view text) {
  if (text == "explain") return Detail::Explain;
  if (text == "summary") return Detail::Summary;
  return std::nullopt;
}

namespace {
// Empties a JSON array in place: its storage stays for the next lead (assigning a new empty
// array would allocate one and free the old on every lead).
void empty_array(Json& value) {
  if (value.is_array()) value.get_ref<Json::array_t&>().clear();
  else value = Json::array();
}
}  // namespace

void ScoreResult::clear() {
  score = 0;
  points = raw_points = fit_points = engagement_points = capped_sum = 0;
  probability.reset();
  band = nullptr;
  grade_rank.reset();
  grade_letter.clear();
  route_action.clear();
  quality_verdict.clear();
  last_activity.reset();
  now = 0;
  work = 0;
  empty_array(warnings);
  model = set = nullptr;
  persona = nullptr;
  empty_array(also_matched);
  rule_hits.clear();
  completeness_hits.clear();
  check_hits.clear();
  checks.findings.clear();
  checks.undecided.clear();
  checks.score = 100;
  checks.verdict = "ok";
  engagement_lines.clear();
  empty_array(feedback_lines);
  blocked_score.reset();
  group_sums.clear();
  engagement.clear();
  engagement_tail = nullptr;
  event_counts = {};
  explained = false;
  grade.clear();
  route.clear();
  tracking.reset();
  feedback.reset();
}

std::optional<Error> score_into(const Model& model, const Json& lead, const ScoreOptions& options, ScoreResult& out) {
  LeadRecord record;
  record.view(lead);
  return score_into(model, record, options, out, all_score_readers());
}

namespace {

std::optional<Error> score_lead(const Model& model, const LeadRecord& lead, const ScoreOptions& options,
                                const ScoreReaders& readers, ScoreResult& out, WorkBudget& budget) {
  const auto now = check_inputs(lead, options);
  if (!now) return now.error();
  if (model.personas().empty()) return score_model(model, lead, now.value(), options, readers, out, budget);
  // A model set: pick the persona, score with its model, and say which one applied.
  Json selection_warnings = Json::array();
  Json list_events;  // persona conditions read events as JSON
  if (options.event_list) list_events = options.event_list->json();
  PersonaChoice choice = select_persona(model, lead.json(), options.event_list ? &list_events : options.events,
                                        now.value(), selection_warnings, budget);
  if (choice.error) return choice.error;
  if (auto error = score_model(*choice.persona->model, lead, now.value(), options, readers, out, budget)) return error;
  out.set = &model;
  out.persona = choice.persona;
  out.also_matched = std::move(choice.also_matched);
  for (auto& w : selection_warnings) out.warnings.push_back(std::move(w));
  return std::nullopt;
}

}  // namespace

std::optional<Error> score_into(const Model& model, const LeadRecord& lead, const ScoreOptions& options,
                                ScoreResult& out) {
  return score_into(model, lead, options, out, all_score_readers());
}

std::optional<Error> score_into(const Model& model, const LeadRecord& lead, const ScoreOptions& options,
                                ScoreResult& out, const ScoreReaders& readers) {
  out.clear();
  // One budget for everything this lead makes the engine do (docs/limits.md).
  WorkBudget budget(model.limits().max_lead_work, "lead_budget_exceeded", "the lead");
  auto error = score_lead(model, lead, options, readers, out, budget);
  out.work = budget.used();
  return error;
}

Expected<Json> score(const Model& model, const Json& lead, const ScoreOptions& options) {
  return score(model, lead, options, all_score_readers());
}

Expected<Json> score(const Model& model, const Json& lead, const ScoreOptions& options, const ScoreReaders& readers) {
  ScoreResult result;
  LeadRecord record;
  record.view(lead);
  if (auto error = score_into(model, record, options, result, readers)) return *error;
  std::string text;
  write_result(result, options.detail, text);
  // The text is the contract; the tree is parsed from it so the two can never differ.
  return parse_json(text, "the result", std::numeric_limits<std::size_t>::max());
}

}  // namespace leadscore
