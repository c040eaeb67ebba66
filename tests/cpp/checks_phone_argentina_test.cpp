// Argentine mobiles written nationally (issue 18 §3: "011 15-2345-6789" was "too long").
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "checks/phone.h"
#include "data_support.h"

using namespace leadscore::checks;

namespace {

std::vector<leadscore::Finding> phone(std::string_view value, std::string_view country) {
  static const leadscore::CheckConfig config;
  std::vector<leadscore::Finding> out;
  Emitter e("phone", value, leadscore::Language::En, config, out);
  check_phone(e, country);
  return out;
}

}  // namespace

TEST_CASE("phone: Argentine mobiles written nationally", "[checks][phone][misses]") {
  // 0 + area code + 15 + subscriber number, the way Argentines write a mobile at home.
  for (const char* ok : {"011 15-2345-6789", "011 15 2345 6789", "0111523456789", "11 15 2345 6789", "(011) 15-2345-6789",
                         "0221 15 123 4567", "0341 15-512-3456", "02966 15 41 2345", "+54 11 15 2345 6789",
                         "+54 9 11 2345 6789", "15 2345 6789", "011 4321-5678"}) {
    INFO(ok);
    CHECK(phone(ok, "AR").empty());
  }
  // Not a mobile of that shape: no 15 after the area code, one digit short or long, an area code
  // that does not exist (starts with 4..9).
  for (const char* bad : {"011 16 2345 6789", "011 15 234 56", "011 15 2345 67890", "0911 15 234 5678"}) {
    INFO(bad);
    const auto f = phone(bad, "AR");
    REQUIRE(f.size() == 1);
    CHECK(f[0].code == "phone_length");
  }
  // Other countries do not read a 15 that way.
  CHECK(phone("011 15 2345 6789", "BR").size() == 1);
}
