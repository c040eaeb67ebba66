// Time is always an input: the core never reads a clock. These helpers parse and print instants.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "leadscore/error.h"

namespace leadscore {

/// Parses an ISO-8601 instant with an explicit offset: "2026-11-23T09:30:00Z",
/// "2026-11-23T10:30:00.250+01:00". A value without an offset is rejected (code "time_no_offset"),
/// as is any other shape (code "time_syntax"). Returns milliseconds since 1970-01-01T00:00:00Z.
Expected<std::int64_t> parse_instant(std::string_view text);

/// Formats milliseconds since the epoch as "YYYY-MM-DDTHH:MM:SS.mmmZ" (".mmm" omitted when zero).
std::string format_instant(std::int64_t epoch_ms);
/// The same, appended to `out` (no string of its own: result writers call it per event).
void append_instant(std::string& out, std::int64_t epoch_ms);

/// Parses a calendar date "YYYY-MM-DD" (also accepts an instant and keeps its UTC date).
/// Returns days since 1970-01-01.
Expected<std::int64_t> parse_date(std::string_view text);

/// Formats days since 1970-01-01 as "YYYY-MM-DD".
std::string format_date(std::int64_t epoch_days);

}  // namespace leadscore
