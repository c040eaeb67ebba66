// The form-check API through the public C++ headers only: check_field / check_lead, a CheckConfig
// read from a Model's "checks" section, score() with checks, and the issue's bad input at the byte
// level (invalid UTF-8, NUL, 1 MB values, emoji spans in UTF-16 units, 10,000 fields).
#include <catch2/catch.hpp>

#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

#include "leadscore/leadscore.h"
#include "test_support.h"

using leadscore::CheckConfig;
using leadscore::FieldContext;
using leadscore::Finding;
using leadscore::Json;
using leadscore::Severity;

namespace {

const char* kNow = "2026-03-01T12:00:10Z";

leadscore::Model default_model() {
  auto model = leadscore::Model::parse(leadscore::default_model_text());
  REQUIRE(model.ok());
  return std::move(model).value();
}

std::vector<Finding> check(const CheckConfig& config, const std::string& field, const std::string& value,
                           const Json* lead = nullptr, leadscore::Language language = leadscore::Language::En) {
  std::vector<Finding> out;
  leadscore::check_field(config, field, value, FieldContext{language, lead}, out);
  return out;
}

std::vector<std::string> codes(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.code);
  return out;
}

std::string hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
    out += ' ';
  }
  return out;
}

// Every text field reports invalid_utf8 (and nothing else) with a span of one UTF-16 unit at
// `start`: the unit a decoder shows as U+FFFD, or the lone surrogate a JS string held.
struct Utf8Case {
  std::string bytes;
  std::uint32_t start;
};
void check_invalid_utf8_spans(const CheckConfig& config, const std::vector<Utf8Case>& cases) {
  for (const auto& c : cases) {
    for (const char* field : {"email", "first_name", "last_name", "company", "phone", "website"}) {
      const auto findings = check(config, field, c.bytes);
      INFO(field << " " << hex(c.bytes));
      REQUIRE(codes(findings) == std::vector<std::string>{"invalid_utf8"});
      REQUIRE(findings[0].span);
      CHECK(findings[0].span->start == c.start);
      CHECK(findings[0].span->end == c.start + 1);
      CHECK(findings[0].severity == Severity::Block);
    }
  }
}


}  // namespace

TEST_CASE("check API: names, codes and languages", "[checks][api]") {
  CHECK(std::string(leadscore::severity_name(Severity::Block)) == "block");
  CHECK(leadscore::parse_language("fr-CA") == leadscore::Language::Fr);
  CHECK(leadscore::parse_language("EN") == leadscore::Language::En);
  CHECK_FALSE(leadscore::parse_language("de").has_value());
  CHECK_FALSE(leadscore::parse_language("frx").has_value());
  CHECK(leadscore::parse_field_kind("honeypot") == leadscore::FieldKind::Honeypot);
  CHECK_FALSE(leadscore::parse_field_kind("Email").has_value());
  const auto& all = leadscore::finding_codes();
  for (const char* code : {"invalid_utf8", "too_long", "control_characters", "email_free", "name_case", "form_too_fast"})
    CHECK(std::find(all.begin(), all.end(), code) != all.end());
}

TEST_CASE("check_field with the default model's CheckConfig", "[checks][api]") {
  const auto model = default_model();
  REQUIRE(model.has_checks());
  const CheckConfig& config = model.checks();
  CHECK(config.kind_of("url") == leadscore::FieldKind::Honeypot);
  CHECK(config.free_email == leadscore::FreeEmailPolicy::Penalty);
  CHECK(config.min_fill_ms == 3000);
  CHECK(config.spam_blocks_score);
  CHECK(config.points.at("email_free") == -1000);  // centipoints

  auto name = check(config, "first_name", "jane");
  REQUIRE(codes(name) == std::vector<std::string>{"name_case"});
  CHECK(name[0].field == "first_name");
  CHECK(name[0].severity == Severity::Warn);
  CHECK(name[0].suggestion == std::optional<std::string>("Jane"));
  CHECK(leadscore::dump_json(leadscore::finding_json(name[0])) ==
        R"({"code":"name_case","field":"first_name","message":"This name is usually written with a capital letter.","severity":"warn","suggestion":"Jane"})");
  auto typo = check(config, "email", "jhon@gmial.com");
  REQUIRE(codes(typo) == std::vector<std::string>{"email_typo", "email_free"});
  CHECK(typo[0].suggestion == std::optional<std::string>("jhon@gmail.com"));
  REQUIRE(typo[0].span);
  CHECK((typo[0].span->start == 5 && typo[0].span->end == 14));
  const auto fr = check(config, "email", "jhon@gmial.com", nullptr, leadscore::Language::Fr);
  CHECK(codes(fr) == codes(typo));
  CHECK(fr[0].message != typo[0].message);
  CHECK(check(config, "not_a_form_field", "asdf").empty());
  const Json lead = {{"email", "bob@acme.com"}};
  CHECK(codes(check(config, "company", "Acme Inc", &lead)) == std::vector<std::string>{"company_domain_match"});

  // The output vector is appended to, never cleared: a caller reuses it between keystrokes.
  std::vector<Finding> reused = name;
  leadscore::check_field(config, "first_name", "jane", FieldContext{}, reused);
  CHECK(reused.size() == 2);
  reused.clear();
  leadscore::check_field(config, "first_name", "Jane", FieldContext{}, reused);
  CHECK(reused.empty());

  // A model without a "checks" section: the conventional field names, no honeypot.
  Json doc = model.document();
  doc.erase("checks");
  auto plain = leadscore::Model::from_json(doc);
  REQUIRE(plain.ok());
  CHECK_FALSE(plain.value().has_checks());
  CHECK(codes(check(plain.value().checks(), "first_name", "jane")) == std::vector<std::string>{"name_case"});
  CHECK(check(plain.value().checks(), "url", "x").empty());
}

TEST_CASE("check_lead: findings, quality, fill time and errors", "[checks][api]") {
  const auto model = default_model();
  const CheckConfig& config = model.checks();
  const Json lead = {{"email", "jane@gmail.com"}, {"first_name", "jane"}, {"last_name", "Doe"}};
  auto checked = leadscore::check_lead(config, lead, {leadscore::Language::En, kNow});
  REQUIRE(checked.ok());
  CHECK(leadscore::dump_json(checked.value()["quality"]) ==
        R"({"reasons":[{"code":"email_free","field":"email","severity":"warn"},{"code":"name_case","field":"first_name","severity":"warn"}],"score":60,"verdict":"suspicious"})");

  Json fast = lead;
  fast["form_rendered_at"] = "2026-03-01T12:00:09Z";
  auto spam = leadscore::check_lead(config, fast, {leadscore::Language::En, kNow});
  REQUIRE(spam.ok());
  CHECK(spam.value()["findings"].back()["code"] == "form_too_fast");
  CHECK(spam.value()["quality"]["verdict"] == "spam");
  fast["form_rendered_at"] = "2026-03-01T12:00:07Z";  // exactly 3 s: not too fast
  CHECK(leadscore::check_lead(config, fast, {leadscore::Language::En, kNow}).value()["quality"]["verdict"] == "suspicious");

  CHECK(leadscore::check_lead(config, Json::array(), {}).error().code == "lead_not_object");
  CHECK(leadscore::check_lead(config, fast, {}).error().code == "now_missing");
  CHECK(leadscore::check_lead(config, fast, {leadscore::Language::En, "2026-03-01"}).error().code == "now_invalid");
  CHECK(leadscore::check_lead(config, lead, {}).ok());  // no render time: "now" is not needed
  Json deep = 1;
  for (int i = 0; i < 200; ++i) deep = Json::array({deep});
  CHECK(leadscore::check_lead(config, Json{{"x", deep}}, {}).error().code == "json_too_deep");
}

TEST_CASE("score with checks: check contributions, quality, spam block, language", "[checks][api]") {
  const auto model = default_model();
  const Json lead = {{"email", "jane@gmail.com"}, {"first_name", "jane"}, {"company", "Acme"}};
  auto result = leadscore::score(model, lead, {kNow, nullptr, leadscore::Language::En});
  REQUIRE(result.ok());
  const Json& r = result.value();
  std::vector<std::string> check_codes;
  for (const Json& c : r["contributions"])
    if (c["kind"] == "check") {
      check_codes.push_back(c["code"]);
      CHECK(c["group"] == "form_quality");
    }
  CHECK(check_codes == std::vector<std::string>{"email_free", "name_case"});
  CHECK(r["quality"]["verdict"] == "suspicious");
  CHECK(r["quality"]["blocked"] == false);
  // The findings in the result are check_lead's, byte for byte.
  auto checked = leadscore::check_lead(model.checks(), lead, {leadscore::Language::En, kNow});
  CHECK(leadscore::dump_json(r["quality"]["findings"]) == leadscore::dump_json(checked.value()["findings"]));

  Json honeypot = lead;
  honeypot["url"] = "http://x";
  auto blocked = leadscore::score(model, honeypot, {kNow, nullptr, leadscore::Language::Fr});
  REQUIRE(blocked.ok());
  CHECK(blocked.value()["score"] == 0);
  CHECK(blocked.value()["quality"]["blocked"] == true);
  CHECK(blocked.value()["contributions"].back()["kind"] == "spam_block");
  CHECK(blocked.value()["quality"]["findings"][0]["message"] != r["quality"]["findings"][0]["message"]);
}

TEST_CASE("check_field bad input: invalid UTF-8 bytes give invalid_utf8 at the right UTF-16 span", "[checks][api][bad_input]") {
  const auto model = default_model();
  const CheckConfig& config = model.checks();
  const std::vector<Utf8Case> cases = {
      {"J\xFFne", 1},                  // never valid
      {"\xC3", 0},                     // truncated at the end
      {"ab\xC0\xAF", 2},               // overlong "/"
      {"ab\xE0\x80\xAF", 2},           // overlong, 3 bytes
      {"x\xED\xA0\x80y", 1},           // an encoded surrogate (WTF-8 of U+D800, a lone one from JS)
      {"\xF0\x9F\x98\x80\xFF", 2},     // after an emoji: 2 UTF-16 units
      {"\xC3\xA9\xE2\x82", 1},         // "é" then a truncated 3-byte sequence
  };
  check_invalid_utf8_spans(config, cases);
  // Into a lead: nlohmann keeps the bytes of a string set from C++; check_lead reports them and
  // dump_json of the result (which never echoes the value) stays valid.
  Json lead = {{"first_name", std::string("J\xFFne")}};
  auto checked = leadscore::check_lead(config, lead, {leadscore::Language::En, kNow});
  REQUIRE(checked.ok());
  CHECK(checked.value()["findings"][0]["code"] == "invalid_utf8");
  CHECK(leadscore::parse_json(leadscore::dump_json(checked.value()), "result").ok());
  // Invalid UTF-8 in JSON text is refused before any check runs.
  CHECK(leadscore::parse_json("{\"first_name\":\"J\xFFne\"}", "lead").error().code == "json_invalid_utf8");
}

// The span of invalid_utf8 is one UTF-16 unit at the first bad byte, whatever the bad sequence:
// a stray continuation byte, a lead above U+10FFFF, a 5-byte lead. Only C++ callers can pass such
// bytes (the CLI refuses invalid UTF-8 records, and JS strings cross as UTF-8 or WTF-8).
TEST_CASE("check_field bad input: invalid_utf8 span of a stray continuation byte or a lead above U+10FFFF",
          "[checks][api][bad_input]") {
  const auto model = default_model();
  check_invalid_utf8_spans(model.checks(), {{"Jo\x80", 2}, {"x\xF4\x90\x80\x80", 1}, {"\xF8\x88\x80\x80\x80", 0}});
}

TEST_CASE("check_field bad input: NUL, 1 MB, emoji and RTL, 10,000 fields", "[checks][api][bad_input]") {
  const auto model = default_model();
  const CheckConfig& config = model.checks();
  const std::string nul("Ja\0ne", 5);
  auto f = check(config, "first_name", nul);
  REQUIRE(codes(f) == std::vector<std::string>{"control_characters"});
  CHECK((f[0].span->start == 2 && f[0].span->end == 3));
  CHECK(codes(check(config, "email", std::string("a@acme.com\0", 11))) == std::vector<std::string>{"control_characters"});

  std::clock_t t0 = std::clock();
  const std::string mb(1 << 20, 'x');
  for (const char* field : {"email", "first_name", "company", "phone", "website"})
    CHECK(codes(check(config, field, mb)) == std::vector<std::string>{"too_long"});
  CHECK(codes(check(config, "first_name", std::string(1 << 20, '\xFF'))) == std::vector<std::string>{"too_long"});
  CHECK(test_support::cpu_ms_since(t0) < 1000 * test_support::kSlow);

  // "Jane" + U+1F600: the emoji is UTF-16 units 4..6.
  auto emoji = check(config, "first_name", "Jane\xF0\x9F\x98\x80");
  REQUIRE(codes(emoji) == std::vector<std::string>{"name_characters"});
  CHECK((emoji[0].span->start == 4 && emoji[0].span->end == 6));
  // Arabic and Hebrew names are names; "asdf" after Hebrew "shalom " sits at units 5..9.
  CHECK(check(config, "first_name", "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF").empty());
  auto rtl = check(config, "company", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D asdf");
  REQUIRE(codes(rtl) == std::vector<std::string>{"keyboard_walk"});
  CHECK((rtl[0].span->start == 5 && rtl[0].span->end == 9));
  // The suggestion keeps every other byte: an emoji after a lower-case name survives.
  auto lower = check(config, "first_name", "jane \xF0\x9F\x98\x80");
  std::optional<std::string> suggestion;
  for (const auto& x : lower)
    if (x.code == "name_case") suggestion = x.suggestion;
  CHECK(suggestion == std::optional<std::string>("Jane \xF0\x9F\x98\x80"));

  Json small = {{"email", "jane@gmail.com"}, {"first_name", "jane"}};
  Json big = small;
  for (int i = 0; i < 10000; ++i) big["extra_" + std::to_string(i)] = i % 2 ? "asdf" : std::string("x\0", 2);
  t0 = std::clock();
  auto a = leadscore::check_lead(config, big, {leadscore::Language::En, kNow});
  auto s = leadscore::score(model, big, {kNow});
  CHECK(test_support::cpu_ms_since(t0) < 2000 * test_support::kSlow);
  REQUIRE((a.ok() && s.ok()));
  CHECK(leadscore::dump_json(a.value()) ==
        leadscore::dump_json(leadscore::check_lead(config, small, {leadscore::Language::En, kNow}).value()));
  CHECK(leadscore::dump_json(s.value()) == leadscore::dump_json(leadscore::score(model, small, {kNow}).value()));
}

TEST_CASE("write_lead_quality: the same bytes as dump_json(lead_quality_json()) on many leads", "[checks][api]") {
  const auto model = default_model();
  const CheckConfig& config = model.checks();
  // Values that give every kind of finding: suggestions (typos, case), spans (keyboard runs),
  // blocks (disposable, honeypot), penalties and none, quotes and non-ASCII in what is echoed.
  const std::vector<std::string> emails = {"jane@gmail.com", "jane@gmial.com", "x@mailinator.com", "contact@acme.io",
                                           "ana@acme-robotics.com", "bad@@x", "", "\"q\"@example.com", "zoë@ex.fr"};
  const std::vector<std::string> names = {"jane", "Jane", "asdfgh", "O'Neil", "qwer", "Zoë", "xkcdqzt", ""};
  const std::vector<std::string> companies = {"Acme Robotics", "acme", "Fixture Labs, Inc.", "asdf", "", "N/A"};
  const std::vector<std::string> websites = {"https://acme-robotics.com", "acme", "http://gmial.com", ""};
  const std::vector<std::string> traps = {"", "I am a bot"};
  std::uint32_t state = 12345;
  auto pick = [&](const std::vector<std::string>& list) -> const std::string& {
    state = state * 1664525u + 1013904223u;
    return list[(state >> 8) % list.size()];
  };
  std::string honeypot;
  for (const auto& [name, kind] : config.fields)
    if (kind == leadscore::FieldKind::Honeypot) honeypot = name;
  REQUIRE_FALSE(honeypot.empty());
  leadscore::LeadQuality quality;
  std::string text;
  for (int i = 0; i < 3000; ++i) {
    Json lead = {{"email", pick(emails)}, {"first_name", pick(names)}, {"last_name", pick(names)},
                 {"company", pick(companies)}, {"website", pick(websites)}};
    if (const std::string& trap = pick(traps); !trap.empty()) lead[honeypot] = trap;
    const leadscore::LeadCheckOptions options{i % 2 ? leadscore::Language::Fr : leadscore::Language::En, kNow};
    REQUIRE_FALSE(leadscore::check_lead_into(config, lead, options, quality));
    text.clear();
    leadscore::write_lead_quality(config, quality, text);
    INFO(leadscore::dump_json(lead));
    REQUIRE(text == leadscore::dump_json(leadscore::lead_quality_json(config, quality)));
  }
}
