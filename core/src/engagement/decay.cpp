// See decay.h. The table below is round(2^30 × 2^(−1/2^i)), computed once with 60-digit decimal
// arithmetic and checked by tests/cpp/decay_test.cpp against the documented values.
#include "engagement/decay.h"

#include <algorithm>

namespace leadscore::decay {

const std::int64_t kHalvingRoots[31] = {
    0,          759250125,  902905651,  984625594,  1028218693, 1050733751, 1062175491, 1067942999,
    1070838486, 1072289173, 1073015252, 1073378477, 1073560135, 1073650976, 1073696399, 1073719111,
    1073730468, 1073736146, 1073738985, 1073740404, 1073741114, 1073741469, 1073741647, 1073741735,
    1073741780, 1073741802, 1073741813, 1073741818, 1073741821, 1073741823, 1073741823};

namespace {
constexpr int kFractionBits = 30;
constexpr std::int64_t kOne = std::int64_t{1} << kFractionBits;
}  // namespace

std::int64_t div_round(std::int64_t a, std::int64_t b) {
  const std::int64_t magnitude = a < 0 ? -a : a;
  // Half away from zero: for even b, (|a| + b/2) / b rounds ties up; for odd b no tie can occur.
  const std::int64_t q = (magnitude + b / 2) / b;
  return a < 0 ? -q : q;
}

Centipoints half_life(Centipoints points, Millis age, Millis half) {
  if (points == 0) return 0;
  const std::int64_t whole = age / half;
  std::int64_t rest = age % half;
  // The first 30 binary digits of rest / half, by long division (no overflow: rest < half).
  std::int64_t factor = kOne;
  for (int i = 1; i <= kFractionBits; ++i) {
    rest *= 2;
    if (rest >= half) {
      rest -= half;
      factor = (factor * kHalvingRoots[i] + (kOne >> 1)) >> kFractionBits;
    }
  }
  const std::int64_t shift = kFractionBits + whole;
  if (shift >= 63) return 0;
  // |points| × factor can exceed 64 bits (1e11 centipoints × 2^30), so the product is split at
  // bit 30: p = high × 2^30 + low, and floor((p × f + 2^(s−1)) / 2^s) =
  // floor((high × f + floor((low × f + 2^(s−1)) / 2^30)) / 2^(s−30)), exactly.
  const std::int64_t magnitude = points < 0 ? -points : points;
  const std::int64_t high = magnitude >> kFractionBits, low = magnitude & (kOne - 1);
  const std::int64_t carry = (low * factor + (std::int64_t{1} << (shift - 1))) >> kFractionBits;
  const std::int64_t rounded = (high * factor + carry) >> (shift - kFractionBits);
  return points < 0 ? -rounded : rounded;
}

Centipoints linear(Centipoints points, Millis age, int percent, Millis per) {
  const std::int64_t periods = age / per;
  const std::int64_t lost = std::min<std::int64_t>(100, periods >= 100 ? 100 : periods * percent);
  return div_round(points * (100 - lost), 100);
}

Centipoints apply_age(const AgeDecay& decay, Centipoints points, Millis age) {
  switch (decay.kind) {
    case AgeDecay::HalfLife: return half_life(points, age, decay.half_life);
    case AgeDecay::Linear: return linear(points, age, decay.percent, decay.per);
    case AgeDecay::None: break;
  }
  return points;
}

Centipoints inactivity_removed(const InactivityDecay& decay, Centipoints subtotal, Millis inactivity) {
  if (inactivity < decay.after || subtotal <= 0) return 0;
  const std::int64_t steps = decay.every ? 1 + (inactivity - decay.after) / *decay.every : 1;
  // steps × points could overflow only for absurd spans; the cap at the subtotal keeps it bounded.
  const std::int64_t limit = subtotal / decay.points + 1;
  return std::min<std::int64_t>(std::min(steps, limit) * decay.points, subtotal);
}

}  // namespace leadscore::decay
