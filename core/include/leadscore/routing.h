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
