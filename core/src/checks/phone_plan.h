// A numbering plan of the phone check (checks/phone.cpp), as a data pack holds them
// (core/data/phone-plans.mjs writes them, data/data_pack.cpp reads them).
#pragma once
#include <cstdint>

namespace leadscore::checks {

/// One numbering plan of a data pack (section "phone_plans"): possible lengths of the national
/// significant number (bit n set = n digits, any number type) and the national (trunk) prefix,
/// "" when none.
/// A number that starts with the national prefix is checked without it; with it too only when
/// `prefix_may_lead` (RU: 8 is the prefix and 800 numbers start with 8; FR: no number starts with 0).
struct PhonePlan {
  char country[4];          ///< ISO 3166-1 alpha-2, or "001" for a non-geographic calling code
  std::uint16_t calling_code;
  std::uint32_t lengths;
  char national_prefix[4];
  bool prefix_may_lead;     ///< a national significant number may start with the prefix's first digit
};

}  // namespace leadscore::checks
