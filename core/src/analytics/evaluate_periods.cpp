// ISO weeks and months for evaluate()'s period volumes. Integer arithmetic only; dates go through
// leadscore/time.h (parse_date / format_date), so the calendar is written once.
#include "analytics/evaluate_periods.h"

#include <cstdio>

#include "leadscore/time.h"

namespace leadscore::evaluation_detail {
namespace {

// Floor division (C++ rounds towards zero; dates before 1970 are negative).
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Year and month of a day, read back from its "YYYY-MM-DD" form.
void year_month(std::int64_t days, int& year, int& month) {
  const std::string date = format_date(days);  // "YYYY-MM-DD": digits at fixed places
  year = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
  month = (date[5] - '0') * 10 + (date[6] - '0');
}

std::int64_t day_of(int year, int month, int day) {
  char text[40];  // room for any int in each place, so the compiler sees nothing can be cut
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  auto parsed = parse_date(text);
  return parsed ? parsed.value() : 0;  // always valid: year comes from format_date, month 1..12
}

}  // namespace

std::int64_t period_of_day(std::int64_t days, Period unit) {
  if (unit == Period::Week) return floor_div(days + 3, 7);
  int year = 0, month = 0;
  year_month(days, year, month);
  return static_cast<std::int64_t>(year) * 12 + (month - 1);
}

std::int64_t period_start_day(std::int64_t period, Period unit) {
  if (unit == Period::Week) return period * 7 - 3;
  return day_of(static_cast<int>(floor_div(period, 12)), static_cast<int>(period - floor_div(period, 12) * 12) + 1, 1);
}

std::string period_label(std::int64_t period, Period unit) {
  char text[24];
  if (unit == Period::Week) {
    // ISO 8601: a week belongs to the year of its Thursday and is numbered from that year's first
    // Thursday (week 1 holds January 4th).
    const std::int64_t thursday = period_start_day(period, unit) + 3;
    int year = 0, month = 0;
    year_month(thursday, year, month);
    const std::int64_t week = (thursday - day_of(year, 1, 1)) / 7 + 1;
    std::snprintf(text, sizeof text, "%04d-W%02d", year, static_cast<int>(week));
  } else {
    const std::int64_t year = floor_div(period, 12);
    std::snprintf(text, sizeof text, "%04d-%02d", static_cast<int>(year), static_cast<int>(period - year * 12) + 1);
  }
  return text;
}

const char* period_unit_name(Period unit) { return unit == Period::Week ? "week" : "month"; }

}  // namespace leadscore::evaluation_detail
