// IDNA-forbidden code points in an email domain (issue 18 §3: U+FFFD and U+FFFC were accepted):
// checks/idna.h and its table, through parse_email and check_email.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "checks/email.h"
#include "checks/idna.h"
#include "data_support.h"

using namespace leadscore::checks;

namespace {

std::vector<std::string> email_codes(std::string_view value) {
  static const leadscore::CheckConfig config;
  std::vector<leadscore::Finding> out;
  Emitter e("email", value, leadscore::Language::En, config, out);
  check_email(e);
  std::vector<std::string> codes;
  for (const auto& f : out) codes.push_back(f.code);
  return codes;
}

using Codes = std::vector<std::string>;

}  // namespace

TEST_CASE("email: code points IDNA forbids are refused in a domain", "[checks][email][misses]") {
  // U+FFFD REPLACEMENT CHARACTER, U+FFFC OBJECT REPLACEMENT CHARACTER, the other specials, an
  // unassigned code point, a variation selector (deleted by UTS-46), a symbol for legacy
  // computing, an Arabic comma, a Devanagari danda, a Thai currency sign (symbols and punctuation
  // inside letter blocks).
  for (const char* domain : {"exa\xEF\xBF\xBDmple.com", "exa\xEF\xBF\xBCmple.com", "\xEF\xBF\xBD.com", "a.\xEF\xBF\xBD",
                             "ex\xEF\xBF\xB0.com", "ex\xCD\xB8.com", "e\xEF\xB8\x8Fx.com", "x\xF0\x9F\xAC\x80.com",
                             "\xD8\xA8\xD8\x8C\xD8\xA8.com", "\xE0\xA4\x95\xE0\xA5\xA4.com", "\xE0\xB8\x81\xE0\xB8\xBF.com"}) {
    INFO(domain);
    EmailSyntaxError error;
    CHECK_FALSE(parse_email(std::string("jane@") + domain, &error));
    CHECK(error.reason == "domain_invalid_character");
    CHECK(email_codes(std::string("jane@") + domain) == Codes{"email_syntax"});
  }
  // The same in an A-label: xn--exmple-c078a is "ex\uFFFDmple" encoded.
  EmailSyntaxError error;
  CHECK_FALSE(parse_email("jane@xn--exmple-c078a.com", &error));
  CHECK(error.reason == "domain_invalid_punycode");
  // Letters and marks of real IDNs stay valid; a local part is not a domain (SMTPUTF8 allows U+FFFD).
  for (const char* ok : {"jane@bücher.de", "jane@例え.jp", "jane@пример.рф", "jane@ελληνικά.gr", "jane@مثال.إختبار",
                         "jane@हिन्दी.भारत", "jane@ไทย.ไทย", "x\xEF\xBF\xBDy@example.com"}) {
    INFO(ok);
    CHECK(parse_email(ok));
  }
  CHECK(idna_disallowed(0xFFFD));
  CHECK(idna_disallowed(0xFFFC));
  CHECK(idna_disallowed(0x378));
  CHECK_FALSE(idna_disallowed(0xE9));
  CHECK_FALSE(idna_disallowed(0x4E2D));
  CHECK_FALSE(idna_disallowed(0x10000));  // LINEAR B SYLLABLE B008 A: a letter
}
