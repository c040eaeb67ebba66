// See test_split.h.
#include "analytics/test_split.h"

#include "leadscore/time.h"

namespace leadscore {
namespace {

// SplitMix64 (Steele, Lea and Flood 2014): integer mixing only, so native and wasm pick the same
// records.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

Error invalid(const char* pointer, std::string message) { return Error{"options_invalid", pointer, std::move(message)}; }

}  // namespace

Expected<TestSplit> TestSplit::make(std::size_t every, double fraction, std::uint64_t seed, const std::string& from,
                                    bool has_date_column, bool all_when_none) {
  TestSplit split;
  if (!from.empty()) {
    if (!has_date_column) return invalid("/test_from", "a time split needs date_column (which date each lead came in)");
    auto day = parse_date(from);
    if (!day) return invalid("/test_from", "must be an ISO date (YYYY-MM-DD) or instant");
    split.from_day_ = day.value();
    split.from_ = from;
    return split;
  }
  if (fraction != 0) {
    if (!(fraction > 0 && fraction < 1)) return invalid("/test_fraction", "must be above 0 and below 1");
    split.fraction_ = fraction;
    split.seed_ = seed;
    return split;
  }
  split.every_ = every;
  split.all_ = every == 0 && all_when_none;
  return split;
}

bool TestSplit::is_test(std::size_t index, std::int64_t day) const {
  if (from_day_) return day >= *from_day_;
  if (fraction_ > 0) {
    // The top 53 bits of the hash as a number in [0, 1): exact in a double, so the comparison is
    // the same on every platform.
    const std::uint64_t h = mix(seed_ ^ mix(static_cast<std::uint64_t>(index)));
    return static_cast<double>(h >> 11) * 0x1p-53 < fraction_;
  }
  if (every_ > 0) return index % every_ == 0;
  return all_;
}

Json TestSplit::describe() const {
  if (from_day_) return Json{{"rule", "from"}, {"from", from_}};
  if (fraction_ > 0) return Json{{"rule", "fraction"}, {"fraction", fraction_}, {"seed", seed_}};
  if (every_ > 0) return Json{{"rule", "every"}, {"every", every_}};
  return Json{{"rule", all_ ? "all" : "none"}};
}

}  // namespace leadscore
