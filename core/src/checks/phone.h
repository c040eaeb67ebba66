// Phone number check: characters and possible lengths per country, from libphonenumber-js
// metadata compiled in at build time (core/data/gen-phone_lengths.mjs).
#pragma once
#include <string_view>

#include "emitter.h"

namespace leadscore::checks {

/// `country` is the lead's ISO 3166-1 alpha-2 code (any case) or "" when unknown; a number starting
/// with "+" or "00" carries its own calling code. Findings: "phone_characters" (warn),
/// "phone_length" (warn), "phone_country_code" (warn: unknown calling code).
void check_phone(Emitter& e, std::string_view country);

}  // namespace leadscore::checks
