// Capacity threshold for evaluate(). Works on the score histogram alone (101 counters), so it
// costs nothing per record.
#include "analytics/evaluate_capacity.h"

#include <cmath>
#include <optional>

#include "analytics/metrics.h"

namespace leadscore::evaluation_detail {

Json capacity_json(const ScoreHistogram& h, double count, const std::string& per, std::uint64_t periods,
                   std::uint64_t table_periods) {
  std::uint64_t scored = 0, all_conversions = 0;
  for (int s = 0; s <= 100; ++s) {
    scored += h.leads[s];
    all_conversions += h.conversions[s];
  }
  const bool per_period = per == "week" || per == "month";
  if (!per_period) periods = 1;
  // The comparison is done multiplied out (leads <= count * periods) so no quotient is rounded.
  const double allowed = per == "percent" ? count * static_cast<double>(scored) / 100 : count * static_cast<double>(periods);

  // Walk from the top score down, keeping the lowest threshold whose cumulative volume still fits.
  std::optional<int> threshold;
  std::uint64_t leads = 0, conversions = 0, fit_leads = 0, fit_conversions = 0;
  for (int t = 100; t >= 0; --t) {
    leads += h.leads[t];
    conversions += h.conversions[t];
    if (static_cast<double>(leads) > allowed) break;
    threshold = t;
    fit_leads = leads;
    fit_conversions = conversions;
  }
  // When nobody scores at the top, the lowest fitting T may lie above every score that occurs (it
  // then reports 0 leads): that is the definition, and the truthful answer for count 0.

  Json out = Json::object();
  // A whole count prints as 200, not 200.0 (capacities are nearly always whole numbers of leads).
  if (count == std::floor(count)) out["count"] = static_cast<std::uint64_t>(count);
  else out["count"] = count;
  out["per"] = per;
  out["periods"] = periods;
  out["threshold_score"] = threshold ? Json(*threshold) : Json(nullptr);
  out["leads"] = fit_leads;
  out["leads_per_period"] =
      periods == 0 ? Json(0) : Json(round_to(static_cast<double>(fit_leads) / static_cast<double>(periods), 2));
  out["conversions"] = fit_conversions;
  out["recall"] = all_conversions == 0 ? Json(nullptr)
                                       : Json(round_to(static_cast<double>(fit_conversions) / static_cast<double>(all_conversions), 4));
  out["rate"] = fit_leads == 0 ? Json(nullptr) : Json(round_to(static_cast<double>(fit_conversions) / static_cast<double>(fit_leads), 4));
  // The whole allowance spread over the table's periods, which may be of another unit than the
  // capacity's ("--period month --capacity 200/week"): the same count when the units agree.
  out["allowed_per_table_period"] =
      table_periods == 0 ? Json(nullptr) : Json(round_to(allowed / static_cast<double>(table_periods), 2));
  return out;
}

}  // namespace leadscore::evaluation_detail
