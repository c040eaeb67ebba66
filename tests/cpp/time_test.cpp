// Instants and dates as results write them: the hand-written formatting gives what the printf
// formats "%04lld-%02u-%02uT%02lld:%02lld:%02lld[.%03lld]Z" and "%04lld-%02u-%02u" give.
#include <catch2/catch.hpp>

#include <cstdio>
#include <ctime>
#include <random>
#include <string>

#include "leadscore/time.h"

namespace {

// The reference: the C library's own calendar (gmtime_r) and printf.
std::string reference_instant(std::int64_t ms) {
  std::int64_t secs = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
  const std::int64_t millis = ms - secs * 1000;
  const std::time_t t = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  if (millis != 0)
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%03lldZ", static_cast<long long>(tm.tm_year) + 1900,
                  static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday), tm.tm_hour, tm.tm_min,
                  tm.tm_sec, static_cast<long long>(millis));
  else
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(tm.tm_year) + 1900,
                  static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday), tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
  return buf;
}

}  // namespace

TEST_CASE("time: format_instant and format_date write what printf writes, years 0 to 9999 and beyond", "[time]") {
  // From 0000-01-01 to 9999-12-31, then a little past both ends (the printf path).
  const std::int64_t first = -62167219200000LL, last = 253402300799999LL;
  std::mt19937_64 rng(42);
  for (int i = 0; i < 200000; ++i) {
    std::int64_t ms = first + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(last - first + 1));
    if (i % 3 == 0) ms -= ms % 1000;  // whole seconds: the form without milliseconds
    INFO(ms);
    REQUIRE(leadscore::format_instant(ms) == reference_instant(ms));
    const std::int64_t days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
    REQUIRE(leadscore::format_date(days) == reference_instant(days * 86400000).substr(0, 10));
  }
  for (const std::int64_t ms : {first, last, std::int64_t{0}, std::int64_t{-1}, first - 1, last + 1,
                                std::int64_t{-62198755200000LL}, std::int64_t{253433923200000LL}}) {
    INFO(ms);
    CHECK(leadscore::format_instant(ms) == reference_instant(ms));
  }
}
