// Name checks: capitalization (namecase.json), zxcvbn's spatial/sequence/repeat cases
// (zxcvbn-patterns.json), name characters, and bad input. Measured rates: checks_names_rates_test.cpp.
#include <catch2/catch.hpp>

#include <ctime>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "checks/keyboard.h"
#include "checks/name_case.h"
#include "checks/names.h"
#include "checks/unicode_case.h"
#include "checks/utf8.h"
#include "leadscore/json.h"
#include "test_support.h"

using leadscore::Json;
using namespace leadscore::checks;

namespace {

Json shared_json(const char* name) {
  return Json::parse(test_support::read_file(test_support::shared_dir() + "/external/forms/" + name));
}

std::u32string u32(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
  return out;
}

std::string lower_utf8(std::string_view s) {
  std::string out;
  for (char32_t c : u32(s)) append_utf8(out, to_lower(c));
  return out;
}

std::vector<leadscore::Finding> person(std::string_view value, leadscore::FieldKind kind = leadscore::FieldKind::LastName,
                                       leadscore::Language language = leadscore::Language::En) {
  static const leadscore::CheckConfig config;
  std::vector<leadscore::Finding> out;
  Emitter e("name", value, language, config, out);
  check_person_name(e, kind);
  return out;
}

std::vector<leadscore::Finding> company(std::string_view value) {
  static const leadscore::CheckConfig config;
  std::vector<leadscore::Finding> out;
  Emitter e("company", value, leadscore::Language::En, config, out);
  check_company_text(e);
  return out;
}

const leadscore::Finding* find(const std::vector<leadscore::Finding>& f, const std::string& code) {
  for (const auto& x : f)
    if (x.code == code) return &x;
  return nullptr;
}

Layout layout_named(const std::string& name) {
  for (Layout l : {Layout::Qwerty, Layout::Azerty, Layout::Qwertz, Layout::Dvorak, Layout::Keypad, Layout::KeypadMac})
    if (name == layout_name(l)) return l;
  FAIL("unknown graph " << name);
  return Layout::Qwerty;
}

// namecase.json expectations our fixer does not meet, each with its reason (docs/checks/names.md).
const std::map<std::string, std::string> kCaseDifferences = {
    // Lower case loses whether "Mac" is followed by a capital: both Macdonald and MacDonald exist,
    // and Mack, Machado, Macias are not Mac + name. The fixer never invents an inner capital after Mac.
    {"MacMurdo", "Macmurdo"},
    {"Dougal MacDonald", "Dougal Macdonald"},
    // Initials written together ("JJ") cannot be told from a first name ("Jo") once in small letters.
    {"JJ Allaire", "Jj Allaire"},
};

void check_case_list(const Json& list, leadscore::FieldKind kind, NameFieldMode mode, int& differences) {
  for (const auto& item : list) {
    const std::string name = item.get<std::string>();
    INFO(name);
    CHECK_FALSE(name_needs_case_fix(name, mode));
    CHECK(find(person(name, kind), "name_case") == nullptr);
    const std::string lower = lower_utf8(name);
    const auto findings = person(lower, kind);
    const auto* f = find(findings, "name_case");
    REQUIRE(f != nullptr);
    REQUIRE(f->suggestion);
    const auto diff = kCaseDifferences.find(name);
    if (diff == kCaseDifferences.end()) {
      CHECK(*f->suggestion == name);
    } else {
      CHECK(*f->suggestion == diff->second);
      ++differences;
    }
    // A suggestion is itself never flagged.
    CHECK_FALSE(name_needs_case_fix(*f->suggestion, mode));
  }
}

}  // namespace

TEST_CASE("name case: namecase.json names are accepted, their small-letter forms fixed", "[checks][names]") {
  const Json doc = shared_json("namecase.json");
  int differences = 0;
  check_case_list(doc["individual_fields"], leadscore::FieldKind::LastName, NameFieldMode::Individual, differences);
  check_case_list(doc["individual_fields"], leadscore::FieldKind::FirstName, NameFieldMode::Individual, differences);
  check_case_list(doc["combined_fields"], leadscore::FieldKind::FullName, NameFieldMode::Combined, differences);
  CHECK(differences == 2 * 2 + 1);  // MacMurdo and Dougal MacDonald in both individual runs, JJ Allaire
}

TEST_CASE("name case: the issue's examples, all capitals, particles, other scripts", "[checks][names]") {
  const std::map<std::string, std::string> fixes = {
      {"jean", "Jean"}, {"jean-pierre", "Jean-Pierre"}, {"o'brien", "O'Brien"}, {"o’brien", "O’Brien"},
      {"mcdonald", "McDonald"}, {"élodie", "Élodie"}, {"çelik", "Çelik"}, {"ørsted", "Ørsted"},
      {"łukasz", "Łukasz"}, {"ștefan", "Ștefan"}, {"андрей", "Андрей"}, {"σοφία", "Σοφία"},
      {"nguyễn", "Nguyễn"}, {"d'angelo", "D'Angelo"}, {"gEoRgE", "George"}, {" jean ", " Jean "}};
  for (const auto& [typed, fixed] : fixes) {
    INFO(typed);
    const auto findings = person(typed, leadscore::FieldKind::FirstName);
    const auto* f = find(findings, "name_case");
    REQUIRE(f != nullptr);
    CHECK(f->suggestion.value() == fixed);
    CHECK(f->severity == leadscore::Severity::Warn);
  }
  CHECK(fix_name_case("valéry giscard d'estaing", NameFieldMode::Combined) == "Valéry Giscard d'Estaing");
  CHECK(fix_name_case("jean de la fontaine", NameFieldMode::Combined) == "Jean de la Fontaine");
  CHECK(fix_name_case("louis xi", NameFieldMode::Combined) == "Louis Xi");  // Xi, the surname, wins
  // Accepted: all capitals (first names too), inner capitals, particles, caseless scripts.
  for (const char* ok : {"DUPONT", "JEAN", "JEAN-PIERRE", "JJ", "McDonald", "DiCaprio", "LaMothe", "d'Estaing",
                         "van der Berg", "de la Fontaine", "O'Brien", "Ørsted", "محمد", "李小龙", "Ἀθηνᾶ", "José María",
                         "Jean Dupont", "Ng", "X Æ A-12"}) {
    INFO(ok);
    CHECK(find(person(ok, leadscore::FieldKind::FirstName), "name_case") == nullptr);
  }
  CHECK(find(person("jean DUPONT", leadscore::FieldKind::FullName), "name_case")->suggestion.value() == "Jean DUPONT");
  CHECK(find(person("de gaulle", leadscore::FieldKind::FullName), "name_case")->suggestion.value() == "De Gaulle");
  CHECK(find(person("de gaulle", leadscore::FieldKind::LastName), "name_case")->suggestion.value() == "de Gaulle");
  // French message, and the value never appears in a message.
  const auto fr = person("jean", leadscore::FieldKind::FirstName, leadscore::Language::Fr);
  CHECK(find(fr, "name_case")->message == "Ce nom s'écrit d'habitude avec une majuscule.");
  CHECK(find(fr, "name_case")->message.find("jean") == std::string::npos);
}

TEST_CASE("unicode case: round trips over the documented blocks", "[checks][names]") {
  int pairs = 0;
  for (char32_t c = 0; c < 0x1F00; ++c) {
    const char32_t u = to_upper(c);
    const bool one_way = c == 0x01C5 || c == 0x01C8 || c == 0x01CB || c == 0x01F2 || c == U'ς';  // title digraphs, final sigma
    if (u != c && !one_way) {
      ++pairs;
      INFO(static_cast<unsigned>(c));
      CHECK(to_lower(u) == c);
    }
  }
  CHECK(pairs > 500);
  CHECK(to_upper(U'ß') == U'ß');
  CHECK(to_upper(U'ς') == U'Σ');
  CHECK(to_lower(U'Ÿ') == U'ÿ');
}

TEST_CASE("keyboard: every zxcvbn spatial case", "[checks][names][zxcvbn]") {
  const Json doc = shared_json("zxcvbn-patterns.json")["spatial"];
  for (const auto& c : doc["whole_input"]) {
    const std::string input = c["input"];
    INFO(input << " on " << c["graph"].get<std::string>());
    const auto m = spatial_matches(u32(input), layout_named(c["graph"]));
    REQUIRE(m.size() == 1);
    CHECK(m[0].i == 0);
    CHECK(m[0].j == u32(input).size() - 1);
    CHECK(m[0].turns == c["turns"].get<int>());
    CHECK(m[0].shifted_count == c["shifted_count"].get<int>());
  }
  for (const auto& c : doc["embedded"]) {
    const std::string input = c["input"];
    const auto m = spatial_matches(u32(input), layout_named(c["graph"]));
    REQUIRE(m.size() == c["expected_matches"].size());
    for (std::size_t k = 0; k < m.size(); ++k) {
      const auto& x = c["expected_matches"][k];
      CHECK(input.substr(m[k].i, m[k].j - m[k].i + 1) == x["token"].get<std::string>());
      CHECK(m[k].i == x["i"].get<std::size_t>());
      CHECK(m[k].j == x["j"].get<std::size_t>());
      CHECK(m[k].turns == x["turns"].get<int>());
      CHECK(m[k].shifted_count == x["shifted_count"].get<int>());
    }
  }
  for (const auto& c : doc["no_match_any_graph"])
    for (Layout l : {Layout::Qwerty, Layout::Azerty, Layout::Qwertz, Layout::Dvorak, Layout::Keypad, Layout::KeypadMac})
      CHECK(spatial_matches(u32(c.get<std::string>()), l).empty());
}

TEST_CASE("keyboard: every zxcvbn sequence and repeat case", "[checks][names][zxcvbn]") {
  const Json doc = shared_json("zxcvbn-patterns.json");
  auto name_of = [](const std::string& token) {
    bool lower = true, upper = true, digits = true;
    for (char c : token) {
      lower = lower && c >= 'a' && c <= 'z';
      upper = upper && c >= 'A' && c <= 'Z';
      digits = digits && c >= '0' && c <= '9';
    }
    return lower ? "lower" : upper ? "upper" : digits ? "digits" : "unicode";
  };
  for (const auto& c : doc["sequence"]["whole_input"]) {
    const std::string input = c["input"];
    INFO(input);
    const auto m = sequence_matches(u32(input));
    REQUIRE(m.size() == 1);
    CHECK((m[0].i == 0 && m[0].j == input.size() - 1));
    CHECK((m[0].delta > 0) == c["ascending"].get<bool>());
    CHECK(name_of(input) == c["sequence_name"].get<std::string>());
  }
  for (const auto& c : doc["sequence"]["overlapping"]) {
    const std::string input = c["input"];
    const auto m = sequence_matches(u32(input));
    REQUIRE(m.size() == c["expected_matches"].size());
    for (std::size_t k = 0; k < m.size(); ++k) {
      const auto& x = c["expected_matches"][k];
      CHECK(input.substr(m[k].i, m[k].j - m[k].i + 1) == x["token"].get<std::string>());
      CHECK((m[k].i == x["i"].get<std::size_t>() && m[k].j == x["j"].get<std::size_t>()));
      CHECK((m[k].delta > 0) == x["ascending"].get<bool>());
    }
  }
  for (const auto& c : doc["sequence"]["embedded"]) {
    const std::string input = c["input"];
    INFO(input);
    const auto m = sequence_matches(u32(input));
    REQUIRE(m.size() == 1);
    CHECK((m[0].i == c["i"].get<std::size_t>() && m[0].j == c["j"].get<std::size_t>()));
    CHECK(name_of(input.substr(m[0].i, m[0].j - m[0].i + 1)) == c["sequence_name"].get<std::string>());
    CHECK((m[0].delta > 0) == c["ascending"].get<bool>());
  }
  for (const auto& c : doc["sequence"]["no_match"]) CHECK(sequence_matches(u32(c.get<std::string>())).empty());

  auto repeats = [](const std::string& s) { return repeat_matches(u32(s), s.size()); };
  for (const auto& c : doc["repeat"]["embedded"]) {
    const std::string input = c["input"];
    INFO(input);
    const auto m = repeats(input);
    REQUIRE(m.size() == 1);
    CHECK((m[0].i == c["i"].get<std::size_t>() && m[0].j == c["j"].get<std::size_t>()));
    CHECK(input.substr(m[0].i, m[0].base_length) == c["base_token"].get<std::string>());
  }
  for (const auto& c : doc["repeat"]["whole_input"]) {
    const std::string input = c["input"];
    INFO(input);
    const auto m = repeats(input);
    REQUIRE(m.size() == 1);
    CHECK((m[0].i == 0 && m[0].j == input.size() - 1));
    CHECK(input.substr(0, m[0].base_length) == c["base_token"].get<std::string>());
  }
  for (const auto& c : doc["repeat"]["multiple"]) {
    const std::string input = c["input"];
    const auto m = repeats(input);
    REQUIRE(m.size() == c["expected_matches"].size());
    for (std::size_t k = 0; k < m.size(); ++k) {
      const auto& x = c["expected_matches"][k];
      CHECK(input.substr(m[k].i, m[k].j - m[k].i + 1) == x[0].get<std::string>());
      CHECK((m[k].i == x[1].get<std::size_t>() && m[k].j == x[2].get<std::size_t>()));
      CHECK(input.substr(m[k].i, m[k].base_length) == x[3].get<std::string>());
    }
  }
  for (const auto& c : doc["repeat"]["no_match"]) CHECK(repeats(c.get<std::string>()).empty());
}

TEST_CASE("name fields: walks, repeats and sequences that dominate, with spans", "[checks][names]") {
  const auto walk = person("Jean asdf", leadscore::FieldKind::FullName);
  const auto* f = find(walk, "keyboard_walk");
  REQUIRE(f != nullptr);
  CHECK((f->span->start == 5 && f->span->end == 9));
  CHECK(find(person("azerty"), "keyboard_walk") != nullptr);
  CHECK(find(person("Qsdfgh"), "keyboard_walk") != nullptr);
  CHECK(find(person("Doherty"), "keyboard_walk") == nullptr);   // "erty" is 4 of 7
  CHECK(find(person("Jasdeep"), "keyboard_walk") == nullptr);   // "asd" + turn
  CHECK(find(person("Aaaaa"), "repeated_characters") != nullptr);
  CHECK(find(person("Lulu"), "repeated_characters") == nullptr);
  CHECK(find(person("Lalala"), "repeated_characters") != nullptr);
  CHECK(find(person("Abcd"), "character_sequence") != nullptr);
  const auto seq = company("Émile 98765");
  REQUIRE(find(seq, "character_sequence") != nullptr);
  CHECK((find(seq, "character_sequence")->span->start == 6 && find(seq, "character_sequence")->span->end == 11));
  CHECK(company("eBay").empty());                    // no capitalization check for companies
  CHECK(company("KPMG Advisory").empty());           // acronyms are not judged as gibberish
  CHECK(find(company("xkqzvbwplm"), "gibberish") != nullptr);
}

TEST_CASE("name characters: digits, addresses, symbols", "[checks][names]") {
  CHECK(find(person("J3an"), "name_characters")->span->start == 1);
  CHECK(find(person("jean@example.com"), "name_characters")->message.find("email") != std::string::npos);
  CHECK(find(person("www.example.com"), "name_characters") != nullptr);
  CHECK(find(person("Jean 😀"), "name_characters")->span->start == 5);
  CHECK(find(person("Dupont, Jean"), "name_characters") != nullptr);
  for (const char* ok : {"Jean-Pierre", "O'Brien", "O’Brien", "St. John", "Anne\u0301", "Ramón", "Pau·la", "محمد علي"})
    CHECK(find(person(ok), "name_characters") == nullptr);
}

TEST_CASE("name checks: bad input never crashes and stays linear", "[checks][names]") {
  for (const std::string& v : {std::string(), std::string("\x01\x02", 2), std::string("\u202Eevil"), std::string("a\u0301\u0301\u0301"),
                               std::string("🙂🙂🙂🙂🙂"), std::string("שלום עולם"), std::string("''''--..")}) {
    person(v, leadscore::FieldKind::FullName);
    company(v);
  }
  std::string big;
  while (big.size() < (1u << 20)) big += "asdfghjkl qwertyuiop Élodie 🙂 ";
  const std::clock_t t0 = std::clock();
  const auto f = person(big, leadscore::FieldKind::FullName);
  company(big);
  const double ms = test_support::cpu_ms_since(t0);
  CHECK(find(f, "keyboard_walk") != nullptr);
  std::printf("name checks on a 1 MB value: %.0f ms of CPU\n", ms);
  CHECK(ms < 2400 * test_support::kSlow);  // a hang guard (quadratic work takes minutes); timings: docs/checks/names.md
}
