// Which records of a history are its test part: calibrate holds them out of the fit and measures
// on them, evaluate scores only them, so "calibrate, then evaluate on what it did not see" is the
// same flags twice (docs/calibration.md, "Test split"). Internal to the core.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "leadscore/error.h"
#include "leadscore/json.h"

namespace leadscore {

class TestSplit {
 public:
  /// One of three rules, the first given wins: records dated on or after `from` (an ISO date, on
  /// the date column: train on the past, test on the latest period); a share `fraction` (0..1) of
  /// the records, picked by a hash of (`seed`, record index), so the same seed picks the same
  /// records everywhere; every `every`-th record (index % every == 0). None given (0, 0, ""):
  /// every record is a test record when `all_when_none`, none otherwise.
  /// Errors: "options_invalid" at /test_from (not a date, or no date column) or /test_fraction.
  static Expected<TestSplit> make(std::size_t every, double fraction, std::uint64_t seed, const std::string& from,
                                  bool has_date_column, bool all_when_none);

  /// Whether the split reads each record's date (the time split).
  bool by_date() const { return from_day_.has_value(); }
  /// Record `index` (0-based data record, file order), dated `day` (days since 1970-01-01; read
  /// only by_date()), is a test record.
  bool is_test(std::size_t index, std::int64_t day) const;
  /// {"rule": "every"|"fraction"|"from"|"all"|"none", and its parameters} for reports.
  Json describe() const;

 private:
  std::size_t every_ = 0;
  double fraction_ = 0;
  std::uint64_t seed_ = 0;
  std::optional<std::int64_t> from_day_;
  std::string from_;
  bool all_ = false;
};

}  // namespace leadscore
