// Routing: what to do with a lead, from its score band, grade and strong actions (a matrix of
// rules, first match wins), with a sales verdict overriding it; and the dead bands that keep
// threshold crossings from flapping (docs/routing.md).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "leadscore/engagement.h"

namespace leadscore {

struct RouteRule {
  std::string id;
  std::string action;               ///< send_to_sales, nurture, review, discard or a model's own name
  std::string reason;
  std::vector<std::string> bands;   ///< band ids; empty = any band
  int grade_min = 0;                ///< inclusive rank (0 = F)
  int grade_max = 12;               ///< inclusive rank (12 = A+)
  bool grade_given = false;         ///< the rule has a "grade" condition (needs a grading section)
  std::optional<bool> strong_action;
  std::vector<std::string> quality; ///< form-check verdicts (ok, suspicious, spam); empty = any
};

/// A strong action among the lead's events: an element of an explain result's
/// "route.strong_actions". The pointers refer into the Model.
struct StrongAction {
  const std::string* rule = nullptr;  ///< the engagement rule's id
  const std::string* type = nullptr;  ///< the event type's id
  Millis at = 0;
};

/// Where routing sent a lead and why, as values: what an explain result's "route" object shows.
/// Filled by scoring with Detail::Explain; reused from lead to lead (clear()).
struct RouteExplanation {
  const RouteRule* decided = nullptr;  ///< the matrix's first matching rule, else its fallback
  std::string band;                    ///< the band routing read (the held band when tracking)
  std::optional<int> grade;            ///< the grade rank routing read
  std::vector<StrongAction> strong_actions;  ///< latest first, at most 10
  /// A sales verdict overrode the matrix: its action and the reason shown ("" otherwise).
  const std::string* verdict_action = nullptr;
  std::string verdict_reason;
  /// The action the lead is routed to.
  const std::string& action() const { return verdict_action ? *verdict_action : decided->action; }
  void clear() {
    decided = nullptr;
    band.clear();
    grade.reset();
    strong_actions.clear();
    verdict_action = nullptr;
    verdict_reason.clear();
  }
};

struct Routing {
  std::optional<Millis> strong_within;  ///< absent: a strong action counts at any age
  int score_dead_band = 0;              ///< score points a held band tolerates beyond its range
  int grade_dead_band = 0;              ///< ranks (thirds) a held grade tolerates
  std::string qualified_action = "send_to_sales";
  std::string disqualified_action = "discard";
  std::vector<RouteRule> rules;
  RouteRule fallback;                   ///< "default": id "default", no conditions
};

}  // namespace leadscore
