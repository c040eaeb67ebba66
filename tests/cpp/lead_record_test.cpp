// LeadRecord: the flat fast path reads exactly what parse_json() reads (values, number types,
// repeated keys) and refuses exactly what it refuses, with the same error.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "leadscore/json.h"
#include "leadscore/lead_record.h"
#include "leadscore/limits.h"

using leadscore::Json;
using leadscore::LeadRecord;

namespace {

// Same JSON, and the same nlohmann types all the way down (1 as unsigned vs signed matters to
// the phone check, which reads a non-negative integer).
bool same_typed(const Json& a, const Json& b) {
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto it = a.begin(), jt = b.begin(); it != a.end(); ++it, ++jt)
      if (it.key() != jt.key() || !same_typed(*it, *jt)) return false;
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!same_typed(a[i], b[i])) return false;
    return true;
  }
  if (a.is_number_float()) return leadscore::dump_json(a) == leadscore::dump_json(b);
  return a == b;
}

// Reads `text` both ways with one reused record; both must agree in every respect.
void agree(LeadRecord& record, const std::string& text, std::size_t max_depth = leadscore::Limits{}.max_json_depth) {
  INFO("text: " << text);
  const auto expected = leadscore::parse_json(text, "lead", max_depth);
  const auto error = record.parse(text, max_depth);
  REQUIRE(expected.ok() == !error.has_value());
  if (!expected.ok()) {
    CHECK(record.empty());
    CHECK(error->code == expected.error().code);
    CHECK(error->path == expected.error().path);
    CHECK(error->message == expected.error().message);
    return;
  }
  CHECK(same_typed(record.json(), expected.value()));
  CHECK(record.is_object() == expected.value().is_object());
  if (expected.value().is_object()) {
    for (const auto& item : expected.value().items()) {
      const Json* found = record.find(item.key());
      REQUIRE(found != nullptr);
      CHECK(same_typed(*found, item.value()));
    }
    CHECK(record.find("no such key") == nullptr);
  }
  CHECK(record.too_deep(max_depth) == leadscore::find_too_deep(expected.value(), max_depth));
}

}  // namespace

TEST_CASE("LeadRecord: flat objects, numbers, strings and repeated keys read as parse_json reads them", "[lead_record]") {
  LeadRecord record;
  const std::vector<std::string> texts = {
      R"({})", R"(  { }  )", "\t{\"a\":1}\r\n", R"({"id":"L1","email":"a@b.example","size":250,"ok":true,"no":false,"x":null})",
      R"({"n":0,"m":-0,"f":0.5,"e":1e3,"E":-2.5E-3,"big":18446744073709551615,"bigger":18446744073709551616})",
      R"({"min":-9223372036854775808,"below":-9223372036854775809,"max":9223372036854775807})",
      R"({"huge":1e400})", R"({"tiny":1e-400})", R"({"long":0.1000000000000000055511151231257827021181583404541015625})",
      R"({"esc":"a\"b\\c\/d\b\f\n\r\t"})", R"({"u":"caf\u00e9"})", R"({"pair":"\ud83d\ude00"})", R"({"lone":"\ud83d"})",
      "{\"name\":\"Zoë Ø 中文 😀\"}", "{\"bad\":\"\xC3\"}", "{\"bad\":\"\xC0\xAF\"}", "{\"bad\":\"\xED\xA0\x80\"}",
      "{\"bad\":\"\xF4\x90\x80\x80\"}", "{\"bad\":\"\xE0\x80\x80\"}", "{\"ok\":\"\xF0\x90\x80\x80\xEF\xBF\xBF\"}",
      "{\"ctl\":\"a\x01\"}", "{\"del\":\"a\x7F\"}", R"({"a":1,"a":2})", R"({"a":"x","b":1,"a":"y"})",
      R"({"nested":{"a":1}})", R"({"list":[1,2]})", R"({"a":01})", R"({"a":1.})", R"({"a":.5})", R"({"a":-})",
      R"({"a":1e})", R"({"a":+1})", R"({"a":tru})", R"({"a":nul})", R"({"a":1,})", R"({,})", R"({"a" 1})",
      R"({"a":1}x)", R"({"a":1} {"b":2})", R"([1,2])", R"("text")", R"(12)", "", "   ", R"({"a":"unterminated)",
      "\xEF\xBB\xBF{\"bom\":1}", R"({"a":1)", R"({"a":"\x"})", R"({"a":"\u12"})", "{\"a\":1}\x00",
      R"({"a":123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890})",
  };
  for (const auto& text : texts) agree(record, text);
  agree(record, R"({"a":1})", 0);  // too deep at a limit of 0
  agree(record, R"({"a":{"b":{"c":1}}})", 2);
}

TEST_CASE("LeadRecord: random lead lines and their mutations agree with parse_json", "[lead_record]") {
  std::mt19937 rng(20261206);
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  const std::vector<std::string> keys = {"id", "email", "first_name", "company_size", "country", "é", "a\\\"b", "x"};
  const std::vector<std::string> values = {
      "\"Ada\"", "\"  spaced  \"", "\"\"", "12", "-7", "0", "3.25", "1e2", "true", "false", "null",
      "\"caf\\u00e9\"", "\"Zoë\"", "18446744073709551616", "-9223372036854775809", "[1]", "{\"k\":1}", "\"\\n\\t\""};
  const std::string noise = "{}[]\",:\\ 0123456789.eE+-tfnul\x01\x7f\xc3\xa9\xff";
  LeadRecord record;  // reused across every text, as a batch job reuses it
  for (int round = 0; round < 20000; ++round) {
    std::string text = "{";
    const int members = static_cast<int>(rng() % 6);
    for (int m = 0; m < members; ++m) {
      if (m) text += rng() % 3 == 0 ? " , " : ",";
      text += "\"" + pick(keys) + "\":" + (rng() % 4 == 0 ? " " : "") + pick(values);
    }
    text += "}";
    // Half the lines get one to three byte edits: deleted, replaced or inserted noise.
    if (rng() % 2 == 0) {
      const int edits = 1 + static_cast<int>(rng() % 3);
      for (int e = 0; e < edits && !text.empty(); ++e) {
        const std::size_t at = rng() % text.size();
        const char c = noise[rng() % noise.size()];
        switch (rng() % 3) {
          case 0: text.erase(at, 1); break;
          case 1: text[at] = c; break;
          default: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c); break;
        }
      }
    }
    agree(record, text);
  }
}

TEST_CASE("LeadRecord: a viewed or assigned value is read in place", "[lead_record]") {
  const Json lead = {{"id", "L9"}, {"size", 12}};
  LeadRecord record;
  CHECK(record.empty());
  CHECK(record.find("id") == nullptr);
  record.view(lead);
  CHECK(record.find("id") == &lead["id"]);
  CHECK(&record.json() == &lead);
  record.assign(Json::array());
  CHECK_FALSE(record.is_object());
  CHECK(record.find("id") == nullptr);
  record.clear();
  CHECK(record.empty());
}

TEST_CASE("LeadRecord: the elements of a batch array are found only when every one is flat", "[lead_record]") {
  std::mt19937 rng(7);
  const std::vector<std::string> elements = {R"({"id":"a","n":1})", R"({})", R"( {"x":"caf\u00e9"} )",
                                             R"({"id":2,"e":"Zoë"})", R"({"nested":{"a":1}})", R"(12)", R"("s")",
                                             R"({"a":[1]})", R"({"a":1e400})"};
  const std::string noise = "{}[],\" :1";
  LeadRecord record;
  std::vector<std::string_view> spans;
  std::size_t fast = 0;
  for (int round = 0; round < 5000; ++round) {
    std::string text = rng() % 2 ? "[" : " [ ";
    const int n = static_cast<int>(rng() % 5);
    for (int i = 0; i < n; ++i) text += (i ? "," : "") + elements[rng() % 4 == 0 ? rng() % elements.size() : rng() % 4];
    text += "]";
    if (rng() % 3 == 0) text[rng() % text.size()] = noise[rng() % noise.size()];
    INFO("text: " << text);
    const auto whole = leadscore::parse_json(text, "the leads", 3);
    if (!LeadRecord::flat_elements(text, spans)) continue;
    ++fast;
    REQUIRE(whole.ok());
    REQUIRE(whole.value().is_array());
    REQUIRE(spans.size() == whole.value().size());
    for (std::size_t i = 0; i < spans.size(); ++i) {
      REQUIRE_FALSE(record.parse(spans[i]).has_value());
      CHECK(same_typed(record.json(), whole.value()[i]));
    }
  }
  CHECK(fast > 1000);
  CHECK(LeadRecord::flat_elements("[]", spans));
  CHECK(spans.empty());
  CHECK_FALSE(LeadRecord::flat_elements("[{\"a\":1},]", spans));
  CHECK_FALSE(LeadRecord::flat_elements("{\"a\":1}", spans));
}

TEST_CASE("LeadRecord: a lead built member by member reads like the object it stands for", "[lead_record]") {
  LeadRecord record;
  REQUIRE_FALSE(record.parse(R"({"old":1,"other":"x"})").has_value());
  record.start();  // the previous lead's members are gone, their buffers kept
  record.add("id") = "L1";
  record.add("size") = "250";
  record.add("id") = "L2";  // a repeated key: the last wins, as in a parsed object
  CHECK(record.is_object());
  CHECK(record.find("old") == nullptr);
  CHECK(*record.find("id") == "L2");
  CHECK(record.json() == Json{{"id", "L2"}, {"size", "250"}});
  CHECK(record.too_deep(leadscore::Limits{}.max_json_depth).empty());
  record.start();
  CHECK(record.json() == Json::object());
}
