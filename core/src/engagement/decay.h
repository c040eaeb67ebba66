// Decay arithmetic on whole centipoints and milliseconds: no floating point, no libm, so every
// runtime computes the same integers (docs/model-format.md, "Decay").
#pragma once
#include <cstdint>

#include "leadscore/engagement.h"

namespace leadscore::decay {

/// a / b rounded half away from zero (b > 0).
std::int64_t div_round(std::int64_t a, std::int64_t b);

/// points × 2^(−age / half_life), by the documented 30-bit fixed-point method. age >= 0.
Centipoints half_life(Centipoints points, Millis age, Millis half_life);

/// points × max(0, 100 − percent × floor(age / per)) / 100, rounded half away from zero.
Centipoints linear(Centipoints points, Millis age, int percent, Millis per);

/// The age decay of one event's points (AgeDecay::None leaves them unchanged).
Centipoints apply_age(const AgeDecay& decay, Centipoints points, Millis age);

/// Points an inactivity decay removes from `subtotal` after `inactivity` ms without activity:
/// min(steps × points, max(0, subtotal)).
Centipoints inactivity_removed(const InactivityDecay& decay, Centipoints subtotal, Millis inactivity);

/// round(2^30 × 2^(−1/2^i)) for i = 1..30 (index 0 unused); exposed for tests.
extern const std::int64_t kHalvingRoots[31];

}  // namespace leadscore::decay
