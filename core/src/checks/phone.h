// Phone number check: characters and possible lengths per country, from libphonenumber-js
// metadata in the data pack (core/data/phone-plans.mjs).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "emitter.h"
#include "phone_plan.h"

namespace leadscore::checks {

/// `country` is the lead's ISO 3166-1 alpha-2 code (any case) or "" when unknown; a number starting
/// with "+" or "00" carries its own calling code. Findings: "phone_characters" (warn),
/// "phone_length" (warn), "phone_country_code" (warn: unknown calling code). Without numbering
/// plans (a build without a data pack) only the characters and 4..17 digits are checked, and the
/// length and calling code are recorded as undecided.
void check_phone(Emitter& e, std::string_view country);

}  // namespace leadscore::checks
