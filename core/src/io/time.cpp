// ISO-8601 instants and dates, computed with integer calendar arithmetic (proleptic Gregorian).
#include "leadscore/time.h"

#include <cstdio>

namespace leadscore {
namespace {

// Days since 1970-01-01 of a civil date (the well-known era-based algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
}

bool leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
unsigned days_in_month(std::int64_t y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

// Reads exactly n digits at s[pos].
bool digits(std::string_view s, std::size_t pos, std::size_t n, unsigned& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + static_cast<unsigned>(c - '0');
  }
  return true;
}

Error syntax_error() {
  return {"time_syntax", "", "expected an ISO-8601 instant such as 2026-11-23T09:30:00Z"};
}

// Parses "YYYY-MM-DD" at the start of s; returns days since the epoch.
bool parse_date_part(std::string_view s, std::int64_t& days) {
  unsigned y = 0, m = 0, d = 0;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, m) || s[7] != '-' || !digits(s, 8, 2, d))
    return false;
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return false;
  days = days_from_civil(y, m, d);
  return true;
}

}  // namespace

Expected<std::int64_t> parse_instant(std::string_view s) {
  std::int64_t days = 0;
  if (!parse_date_part(s, days)) return syntax_error();
  if (s.size() == 10) return Error{"time_no_offset", "", "a date alone is not an instant: give a time and an offset, e.g. 2026-11-23T00:00:00Z"};
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return syntax_error();
  unsigned hh = 0, mi = 0, ss = 0;
  if (!digits(s, 11, 2, hh) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2, mi)) return syntax_error();
  std::size_t pos = 16;
  std::int64_t millis = 0;
  if (pos < s.size() && s[pos] == ':') {
    if (!digits(s, pos + 1, 2, ss)) return syntax_error();
    pos += 3;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      std::size_t n = 0;
      for (; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, ++n)
        if (n < 3) millis = millis * 10 + (s[pos] - '0');  // finer digits are truncated
      if (n == 0) return syntax_error();
      for (; n < 3; ++n) millis *= 10;
    }
  }
  if (hh > 23 || mi > 59 || ss > 59) return syntax_error();
  std::int64_t offset_minutes = 0;
  if (pos == s.size()) return Error{"time_no_offset", "", "the instant has no UTC offset: add Z or +HH:MM"};
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    const int sign = s[pos] == '-' ? -1 : 1;
    unsigned oh = 0, om = 0;
    if (!digits(s, pos + 1, 2, oh)) return syntax_error();
    pos += 3;
    if (pos < s.size() && s[pos] == ':') ++pos;
    if (!digits(s, pos, 2, om)) return syntax_error();
    pos += 2;
    if (oh > 23 || om > 59) return syntax_error();
    offset_minutes = sign * static_cast<std::int64_t>(oh * 60 + om);
  } else {
    return syntax_error();
  }
  if (pos != s.size()) return syntax_error();
  const std::int64_t seconds = days * 86400 + hh * 3600 + mi * 60 + ss - offset_minutes * 60;
  return seconds * 1000 + millis;
}

namespace {
// Appends `value` (0 <= value < 10^width) with leading zeros: what printf's %0Nd writes for it.
void append_padded(std::string& out, std::int64_t value, int width) {
  char digits[8];
  for (int i = width - 1; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(digits, static_cast<std::size_t>(width));
}

// "YYYY-MM-DD" for years 0..9999 by hand (results write dates on every lead; snprintf showed in
// profiles); other years through snprintf, whose %04lld they always went through.
void append_date(std::string& out, std::int64_t y, unsigned m, unsigned d) {
  if (y < 0 || y > 9999) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    out += buf;
    return;
  }
  append_padded(out, y, 4);
  out += '-';
  append_padded(out, m, 2);
  out += '-';
  append_padded(out, d, 2);
}
}  // namespace

void append_instant(std::string& out, std::int64_t epoch_ms) {
  std::int64_t days = epoch_ms >= 0 ? epoch_ms / 86400000 : -((-epoch_ms + 86399999) / 86400000);
  const std::int64_t ms_of_day = epoch_ms - days * 86400000;
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(days, y, m, d);
  const auto secs = ms_of_day / 1000, ms = ms_of_day % 1000;
  append_date(out, y, m, d);
  out += 'T';
  append_padded(out, secs / 3600, 2);
  out += ':';
  append_padded(out, secs / 60 % 60, 2);
  out += ':';
  append_padded(out, secs % 60, 2);
  if (ms != 0) {
    out += '.';
    append_padded(out, ms, 3);
  }
  out += 'Z';
}

std::string format_instant(std::int64_t epoch_ms) {
  std::string out;
  out.reserve(24);
  append_instant(out, epoch_ms);
  return out;
}

Expected<std::int64_t> parse_date(std::string_view s) {
  std::int64_t days = 0;
  if (s.size() == 10) {
    if (!parse_date_part(s, days)) return Error{"time_syntax", "", "expected a date such as 2026-11-23"};
    return days;
  }
  const auto instant = parse_instant(s);
  if (!instant) return Error{"time_syntax", "", "expected a date such as 2026-11-23 or an instant with an offset"};
  const std::int64_t ms = instant.value();
  return ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
}

std::string format_date(std::int64_t epoch_days) {
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(epoch_days, y, m, d);
  std::string out;
  append_date(out, y, m, d);
  return out;
}

}  // namespace leadscore
