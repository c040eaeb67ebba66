// Calendar periods for evaluate(): ISO weeks (Monday start) and months, numbered so that
// consecutive periods have consecutive numbers (an empty period in between is then just a gap in
// the numbers). Internal to the core.
#pragma once
#include <cstdint>
#include <string>

#include "leadscore/evaluate.h"

namespace leadscore::evaluation_detail {

using Period = EvaluationOptions::Period;

/// The period number of a day (days since 1970-01-01). Weeks: the Monday-start week, numbered
/// floor((days + 3) / 7) (1970-01-01 was a Thursday, so week 0 starts on Monday 1969-12-29).
/// Months: year * 12 + month - 1.
std::int64_t period_of_day(std::int64_t days, Period unit);

/// The first day of a period number, as days since 1970-01-01.
std::int64_t period_start_day(std::int64_t period, Period unit);

/// "2026-W47" (ISO 8601 week-numbering year and week: the year of the week's Thursday) or "2026-11".
std::string period_label(std::int64_t period, Period unit);

/// "week" or "month".
const char* period_unit_name(Period unit);

}  // namespace leadscore::evaluation_detail
