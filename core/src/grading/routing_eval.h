// Routing, strong actions and threshold tracking (docs/routing.md). Internal to the core.
#pragma once
#include <optional>
#include <string>

#include "engagement/events.h"
#include "score/feedback_input.h"
#include "leadscore/error.h"
#include "leadscore/model.h"
#include "leadscore/work_budget.h"
#include "model/model_reader.h"

namespace leadscore {

/// Fills `out` with the strong actions among the used events, latest first, at most 10. The rules'
/// conditions spend from the lead's `budget` (on running out, budget.exhausted() says so).
void find_strong_actions(const Model& model, const CleanEvents& events, Millis now, std::vector<StrongAction>& out,
                         WorkBudget& budget);

/// Whether find_strong_actions() finds any. It looks as far (ten actions), so that a summary
/// score spends the same work as an explain score and fails or not with it.
bool has_strong_action(const Model& model, const CleanEvents& events, Millis now, WorkBudget& budget);

struct Tracking {
  std::string band;          ///< the held band id
  std::optional<int> grade;  ///< the held grade rank (none without grading)
  Json json;                 ///< the result's "tracking" object
};

/// Held band and grade and their changes since `previous` (an earlier result). Errors:
/// "previous_invalid" at /previous/... .
Expected<Tracking> track(const Model& model, const Json& previous, int score, const Band& band,
                         std::optional<int> grade);

struct RouteInput {
  std::string band;                   ///< the band routing reads (held when tracking)
  std::optional<int> grade;           ///< the grade rank routing reads (none without grading)
  const std::vector<StrongAction>* strong_actions = nullptr;
  std::string quality;                ///< form-check verdict, "" without checks
  const SalesVerdict* verdict = nullptr;
};

/// Whether all of `rule`'s conditions hold for the lead (`strong`: it has a strong action); the
/// matrix's first such rule decides.
bool route_rule_holds(const RouteRule& rule, const RouteInput& input, bool strong);

/// Routes the lead and says why (the result's "route" object as values) in `out`.
void explain_route(const Routing& routing, const RouteInput& input, RouteExplanation& out);

/// Appends the result's "route" object: byte for byte what dump_json() wrote of the former tree.
void write_route(const RouteExplanation& route, std::string& out);

/// Only the action of route_lead()'s object (a summary score), with `strong` saying whether the
/// lead has a strong action (has_strong_action); input.strong_actions is not read.
const std::string& route_action(const Routing& routing, const RouteInput& input, bool strong);

namespace model_detail {
/// Reads /routing; `bands` are the model's bands, `has_grading` whether it has a grading section.
std::optional<Routing> read_routing(Reader& r, const Json& section, const std::vector<Band>& bands,
                                    bool has_grading);
}  // namespace model_detail

}  // namespace leadscore
