// Phone number check: characters and possible lengths per country, from libphonenumber-js
// metadata compiled in at build time (core/data/gen-phone_lengths.mjs).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "emitter.h"

namespace leadscore::checks {

/// `country` is the lead's ISO 3166-1 alpha-2 code (any case) or "" when unknown; a number starting
/// with "+" or "00" carries its own calling code. Findings: "phone_characters" (warn),
/// "phone_length" (warn), "phone_country_code" (warn: unknown calling code).
void check_phone(Emitter& e, std::string_view country);

/// One numbering plan of the generated table: possible lengths of the national significant number
/// (bit n set = n digits, any number type) and the national (trunk) prefix, "" when none.
/// A number that starts with the national prefix is checked without it; with it too only when
/// `prefix_may_lead` (RU: 8 is the prefix and 800 numbers start with 8; FR: no number starts with 0).
struct PhonePlan {
  char country[4];          ///< ISO 3166-1 alpha-2, or "001" for a non-geographic calling code
  std::uint16_t calling_code;
  std::uint32_t lengths;
  char national_prefix[4];
  bool prefix_may_lead;     ///< a national significant number may start with the prefix's first digit
};

/// The table's plans (sorted by country, then calling code) and their number.
const PhonePlan* phone_plans(std::size_t* count);

}  // namespace leadscore::checks
