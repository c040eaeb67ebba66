// Form-level bot signals: a honeypot field and the minimum time between render and submit.
#pragma once
#include <cstdint>
#include <optional>

#include "emitter.h"

namespace leadscore::checks {

/// e.value() is the honeypot field's value: anything but "" is "honeypot_filled" (block).
void check_honeypot(Emitter& e);

/// "form_too_fast" (block) when submitted less than config().min_fill_ms after rendering (also when
/// rendered after submission); "form_time_missing" (block if config().require_fill_time, else no
/// finding) when the render time is unknown. check_lead() gives the emitter the render-time field's
/// name (CheckConfig::rendered_at_field) as the finding's field.
void check_fill_time(Emitter& e, std::optional<std::int64_t> rendered_ms, std::int64_t submitted_ms);

}  // namespace leadscore::checks
