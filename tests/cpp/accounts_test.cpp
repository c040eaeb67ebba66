// Account scores through the public C++ API: the "account" model section and its errors by
// pointer, each aggregation with hand-computed numbers, fit rules, clamps, failing contacts, and the
// contact bound (100,001 refused at once, 100,000 scored).
#include <catch2/catch.hpp>

#include <ctime>
#include <string>

#include "leadscore/leadscore.h"
#include "test_support.h"

using leadscore::Json;

namespace {

// Seven boolean fields worth 1, 2, 4, ... 64 points on a 0..100 scale: a lead's score is the sum
// of the bits it sets (capped at 100), so any contact score can be written down directly.
std::string model_text(const std::string& account) {
  std::string fields, rules;
  for (int bit = 1; bit <= 64; bit *= 2) {
    const std::string b = "b" + std::to_string(bit);
    fields += std::string(fields.empty() ? "" : ",") + R"({"name":")" + b + R"(","type":"boolean"})";
    rules += std::string(rules.empty() ? "" : ",") + R"({"id":")" + b + R"(","group":"g","points":)" +
             std::to_string(bit) + R"(,"when":{"var":")" + b + R"("}})";
  }
  return R"({"format_version":1,"id":"acc","version":"1","fields":[)" + fields +
         R"(],"groups":[{"id":"g"}],"rules":[)" + rules +
         R"(],"total":{"max":100},"scale":{"min":0,"max":100},
           "bands":[{"id":"cold","action":"nurture","from":0,"to":29},{"id":"warm","action":"review","from":30,"to":69},
                    {"id":"hot","action":"call","from":70,"to":100}])" +
         (account.empty() ? "" : R"(,"account":)" + account) + "}";
}

leadscore::Model parse(const std::string& account) {
  auto m = leadscore::Model::parse(model_text(account));
  if (!m) FAIL(m.error().code << " at " << m.error().path << ": " << m.error().message);
  return std::move(m.value());
}

leadscore::Error parse_error(const std::string& account) {
  auto m = leadscore::Model::parse(model_text(account));
  REQUIRE_FALSE(m.ok());
  return m.error();
}

Json lead(int score) {
  Json l = Json::object();
  for (int bit = 1; bit <= 64; bit *= 2)
    if (score & bit) l["b" + std::to_string(bit)] = true;
  return l;
}

Json account_of(std::initializer_list<int> scores, Json fields = Json::object()) {
  Json contacts = Json::array();
  for (int s : scores) contacts.push_back({{"lead", lead(s)}});
  return {{"id", "acme"}, {"fields", std::move(fields)}, {"contacts", std::move(contacts)}};
}

leadscore::Expected<Json> run(const leadscore::Model& m, const Json& account) {
  return leadscore::score_account(m, account, leadscore::AccountOptions{"2026-11-23T10:00:00Z"});
}

Json ok(const leadscore::Model& m, const Json& account) {
  auto r = run(m, account);
  if (!r) FAIL(r.error().code << " at " << r.error().path << ": " << r.error().message);
  return r.value();
}

}  // namespace

TEST_CASE("account section: defaults and every key", "[accounts]") {
  const auto plain = parse("");
  CHECK_FALSE(plain.account().has_value());
  const auto d = parse("{}");
  REQUIRE(d.account());
  CHECK(d.account()->aggregation == leadscore::AccountSpec::Aggregation::Max);
  CHECK(d.account()->id_field == "company_id");
  CHECK(d.account()->cap == 100);
  CHECK(d.account()->top_n == 3);
  CHECK(d.account()->max_contacts == 100000);
  const auto full = parse(R"({"id_field":"org","aggregation":"top_n_mean","top_n":5,"cap":250,"max_contacts":10,
    "fields":[{"name":"industry","type":"enum","values":["software","retail"]},{"name":"employees","type":"integer"}],
    "rules":[{"id":"icp","label":"ICP industry","points":-7,"when":{"==":[{"var":"industry"},"software"]}}]})");
  const auto& a = *full.account();
  CHECK(a.id_field == "org");
  CHECK(a.aggregation == leadscore::AccountSpec::Aggregation::TopNMean);
  CHECK(a.top_n == 5);
  CHECK(a.cap == 250);
  CHECK(a.max_contacts == 10);
  REQUIRE(a.fields.size() == 2);
  CHECK(a.fields[0].values == std::vector<std::string>{"software", "retail"});
  CHECK(a.fields[1].type == leadscore::FieldType::Integer);
  REQUIRE(a.rules.size() == 1);
  CHECK(a.rules[0].points == -700);
  CHECK(a.rules[0].label == "ICP industry");
}

TEST_CASE("account section errors name their pointer", "[accounts]") {
  struct Case { const char* account; const char* code; const char* path; };
  const Case cases[] = {
      {R"([])", "wrong_type", "/account"},
      {R"({"agregation":"max"})", "unknown_key", "/account/agregation"},
      {R"({"aggregation":"mean"})", "unknown_aggregation", "/account/aggregation"},
      {R"({"aggregation":3})", "wrong_type", "/account/aggregation"},
      {R"({"id_field":"company id"})", "invalid_name", "/account/id_field"},
      {R"({"top_n":0})", "account_range", "/account/top_n"},
      {R"({"top_n":1001})", "account_range", "/account/top_n"},
      {R"({"top_n":2.5})", "wrong_type", "/account/top_n"},
      {R"({"cap":-1})", "account_range", "/account/cap"},
      {R"({"max_contacts":100001})", "account_range", "/account/max_contacts"},
      {R"({"max_contacts":0})", "account_range", "/account/max_contacts"},
      {R"({"fields":{}})", "wrong_type", "/account/fields"},
      {R"({"fields":[{"name":"size","type":"bigint"}]})", "unknown_type", "/account/fields/0/type"},
      {R"({"fields":[{"name":"a","type":"string"},{"name":"a","type":"string"}]})", "duplicate_id", "/account/fields/1/name"},
      {R"({"fields":[{"name":"e","type":"enum"}]})", "enum_values", "/account/fields/0"},
      {R"({"rules":[{"id":"r","group":"g","points":1,"when":true}]})", "unknown_key", "/account/rules/0/group"},
      {R"({"rules":[{"id":"r","points":2.5,"when":true}]})", "wrong_type", "/account/rules/0/points"},
      {R"({"rules":[{"id":"r","points":101,"when":true}]})", "account_range", "/account/rules/0/points"},
      {R"({"rules":[{"id":"r","points":1}]})", "missing_key", "/account/rules/0/when"},
      {R"({"rules":[{"id":"r","points":1,"when":{"regex":[1]}}]})", "unknown_operator", "/account/rules/0/when/regex"},
      {R"({"rules":[{"id":"r","points":1,"when":true},{"id":"r","points":1,"when":true}]})", "duplicate_id", "/account/rules/1/id"},
  };
  for (const auto& c : cases) {
    INFO(c.account);
    const auto e = parse_error(c.account);
    CHECK(e.code == c.code);
    CHECK(e.path == c.path);
  }
}

TEST_CASE("max: the best contact's score", "[accounts]") {
  const auto m = parse(R"({"aggregation":"max"})");
  const Json r = ok(m, account_of({20, 75, 40, 75}));
  CHECK(r["account_id"] == "acme");
  CHECK(r["score"] == 75);
  CHECK(r["band"]["id"] == "hot");
  CHECK(r["aggregation"] == Json{{"method", "max"}, {"contacts_used", 1}, {"points", 75}});
  // Equal scores: the earlier contact is the one listed.
  CHECK(r["contacts"]["top"] == Json::parse(R"([{"index":1,"score":75,"band":"hot"}])"));
  CHECK(r["contacts"]["received"] == 4);
  CHECK(r["contacts"]["scored"] == 4);
  CHECK(r["contacts"]["failed"] == 0);
  CHECK(r["warnings"] == Json::array());
}

TEST_CASE("sum: capped at cap, then clamped to 100", "[accounts]") {
  // 20 + 30 + 25 = 75 under the default cap 100.
  CHECK(ok(parse(R"({"aggregation":"sum"})"), account_of({20, 30, 25}))["score"] == 75);
  // 40 + 50 + 30 = 120 -> cap 60.
  const Json r = ok(parse(R"({"aggregation":"sum","cap":60})"), account_of({40, 50, 30}));
  CHECK(r["score"] == 60);
  CHECK(r["aggregation"] == Json{{"method", "sum"}, {"sum", 120}, {"cap", 60}, {"contacts_used", 3}, {"points", 60}});
  CHECK(r["contacts"]["top"].size() == 3);
  CHECK(r["contacts"]["top"][0]["index"] == 1);
  // Cap 150 over 100: 120 - 30 (fit) = 90; without the fit 120 clamps to 100.
  const auto big = parse(R"({"aggregation":"sum","cap":150,"fields":[{"name":"churned","type":"boolean"}],
    "rules":[{"id":"churn","points":-30,"when":{"var":"churned"}}]})");
  CHECK(ok(big, account_of({40, 50, 30}, {{"churned", true}}))["score"] == 90);
  const Json clamped = ok(big, account_of({40, 50, 30}));
  CHECK(clamped["score"] == 100);
  CHECK(clamped["raw_points"] == 120);
  // Sum lists at most 10 contacts, all of which count.
  const Json many = ok(parse(R"({"aggregation":"sum"})"), account_of({1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
  CHECK(many["score"] == 12);
  CHECK(many["contacts"]["top"].size() == 10);
  CHECK(many["aggregation"]["contacts_used"] == 12);
}

TEST_CASE("top_n_mean: mean of the n best, rounded half up; fewer contacts: their mean", "[accounts]") {
  const auto m = parse(R"({"aggregation":"top_n_mean","top_n":2})");
  // Best two of 80, 71, 10: (80 + 71) / 2 = 75.5 -> 76.
  const Json r = ok(m, account_of({10, 80, 71}));
  CHECK(r["score"] == 76);
  CHECK(r["aggregation"] == Json{{"method", "top_n_mean"}, {"top_n", 2}, {"sum", 151}, {"contacts_used", 2}, {"points", 76}});
  CHECK(r["contacts"]["top"] == Json::parse(R"([{"index":1,"score":80,"band":"hot"},{"index":2,"score":71,"band":"hot"}])"));
  // 80 + 70 = 150 / 2 = 75 exactly; 80 + 69 = 74.5 -> 75; 81 + 68 = 74.5 -> 75; 80 + 68 = 74.
  CHECK(ok(m, account_of({80, 70}))["score"] == 75);
  CHECK(ok(m, account_of({69, 80}))["score"] == 75);
  CHECK(ok(m, account_of({80, 68}))["score"] == 74);
  // One contact with n = 2: its own score, not half of it.
  CHECK(ok(m, account_of({45}))["score"] == 45);
  // n = 3 of 1, 1, 0: 2 / 3 = 0.67 -> 1; of 1, 0, 0: 0.33 -> 0.
  const auto three = parse(R"({"aggregation":"top_n_mean","top_n":3})");
  CHECK(ok(three, account_of({1, 1, 0}))["score"] == 1);
  CHECK(ok(three, account_of({1, 0, 0}))["score"] == 0);
}

TEST_CASE("account fit rules over normalised account fields", "[accounts]") {
  const auto m = parse(R"({"aggregation":"max",
    "fields":[{"name":"industry","type":"enum","values":["software","retail"]},
              {"name":"employees","type":"integer","required":true}],
    "rules":[{"id":"icp","label":"Target industry","points":15,"when":{"==":[{"var":"industry"},"software"]}},
             {"id":"big","points":10,"when":{">=":[{"var":"employees"},500]}},
             {"id":"tiny","points":-50,"when":{"<":[{"var":"employees"},10]}}]})");
  // Enum matched case-insensitively, employees "800" is a valid integer: 60 + 15 + 10 = 85.
  const Json r = ok(m, account_of({60}, {{"industry", "Software"}, {"employees", "800"}}));
  CHECK(r["score"] == 85);
  CHECK(r["fit"]["points"] == 25);
  CHECK(r["fit"]["contributions"] ==
        Json::parse(R"([{"kind":"account_rule","rule":"icp","label":"Target industry","points":15},
                         {"kind":"account_rule","rule":"big","label":"big","points":10}])"));
  // Negative fit clamps at 0: 30 - 50 = -20 -> 0, band cold. A bad enum value and a missing
  // required field are warnings with pointers into the account object.
  const Json low = ok(m, account_of({30}, {{"industry", "mining"}, {"employees", 5}}));
  CHECK(low["score"] == 0);
  CHECK(low["raw_points"] == -20);
  CHECK(low["band"]["id"] == "cold");
  const Json w = ok(m, account_of({30}, {{"industry", "mining"}}));
  REQUIRE(w["warnings"].size() == 2);
  CHECK(w["warnings"][0]["code"] == "field_enum");
  CHECK(w["warnings"][0]["path"] == "/fields/industry");
  CHECK(w["warnings"][1]["code"] == "missing_required_field");
  CHECK(w["warnings"][1]["path"] == "/fields/employees");
}

TEST_CASE("failing contacts are listed with their index, never dropped", "[accounts]") {
  const auto m = parse(R"({"aggregation":"top_n_mean","top_n":3})");
  Json a = account_of({50, 40});
  a["contacts"].push_back({{"lead", "not an object"}});
  a["contacts"].push_back({{"lead", lead(90)}, {"events", 7}});
  a["contacts"].push_back(3);
  a["contacts"].push_back({{"lead", Json::object({{"id", "L-9"}, {"b8", true}})}, {"extra", 1}});
  a["contacts"].push_back({{"lead", Json::object({{"lead_id", 77}, {"b64", true}})}});
  const Json r = ok(m, a);
  // Scored: 50, 40 and 64 (lead_id 77): (64 + 50 + 40) / 3 = 51.33 -> 51.
  CHECK(r["score"] == 51);
  CHECK(r["contacts"]["received"] == 7);
  CHECK(r["contacts"]["scored"] == 3);
  CHECK(r["contacts"]["failed"] == 4);
  const Json& errors = r["contacts"]["errors"];
  REQUIRE(errors.size() == 4);
  CHECK(errors[0]["index"] == 2);
  CHECK(errors[0]["error"]["code"] == "lead_not_object");
  CHECK(errors[0]["error"]["path"] == "/lead");
  CHECK(errors[1]["index"] == 3);
  CHECK(errors[1]["error"]["code"] == "events_not_array");
  CHECK(errors[1]["error"]["path"] == "/events");
  CHECK(errors[2]["index"] == 4);
  CHECK(errors[2]["error"]["code"] == "contact_invalid");
  CHECK(errors[3]["index"] == 5);
  CHECK(errors[3]["error"]["path"] == "/extra");
  CHECK(r["contacts"]["top"][0] == Json::parse(R"({"index":6,"score":64,"band":"warm","lead_id":77})"));
  // One warning per failing contact, its path inside the account object.
  REQUIRE(r["warnings"].size() == 4);
  CHECK(r["warnings"][0]["code"] == "contact_failed");
  CHECK(r["warnings"][0]["path"] == "/contacts/2/lead");
  CHECK(r["warnings"][1]["path"] == "/contacts/3/events");
  CHECK(r["warnings"][2]["path"] == "/contacts/4");
  CHECK(r["warnings"][3]["path"] == "/contacts/5/extra");
  // No contact at all: part 0, with a warning; fit still counts.
  const Json none = ok(m, Json{{"id", 42}, {"contacts", Json::array()}});
  CHECK(none["score"] == 0);
  CHECK(none["account_id"] == 42);
  CHECK(none["warnings"][0]["code"] == "no_contacts_scored");
}

TEST_CASE("call errors: no section, now, account shape", "[accounts]") {
  const auto plain = parse("");
  CHECK(run(plain, account_of({1})).error().code == "no_account_section");
  const auto m = parse("{}");
  CHECK(leadscore::score_account(m, account_of({1}), {}).error().code == "now_missing");
  CHECK(leadscore::score_account(m, account_of({1}), {"yesterday"}).error().code == "now_invalid");
  struct Case { Json account; const char* path; };
  const Case cases[] = {
      {Json::array(), ""},
      {Json{{"contacts", Json::array()}}, "/id"},
      {Json{{"id", ""}, {"contacts", Json::array()}}, "/id"},
      {Json{{"id", "a"}}, "/contacts"},
      {Json{{"id", "a"}, {"contacts", Json::object()}}, "/contacts"},
      {Json{{"id", "a"}, {"contacts", Json::array()}, {"fields", "x"}}, "/fields"},
      {Json{{"id", "a"}, {"contacts", Json::array()}, {"name", "x"}}, "/name"},
  };
  for (const auto& c : cases) {
    INFO(c.account.dump());
    const auto r = run(m, c.account);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "account_invalid");
    CHECK(r.error().path == c.path);
  }
}

TEST_CASE("too_many_contacts is refused before anything is scored", "[accounts]") {
  const auto small = parse(R"({"max_contacts":2})");
  CHECK(ok(small, account_of({1, 2}))["score"] == 2);
  const auto r = run(small, account_of({1, 2, 3}));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "too_many_contacts");
  CHECK(r.error().path == "/contacts");
  // 100,001 contacts whose leads would each fail: the error comes at once, about the count.
  const auto m = parse("{}");
  Json a = {{"id", "big"}, {"contacts", Json::array()}};
  for (std::size_t i = 0; i <= leadscore::kMaxAccountContacts; ++i) a["contacts"].push_back(Json(nullptr));
  // Process CPU time, not wall time (a busy machine must not fail it): refusing the count costs
  // next to nothing; scoring 100,001 failing contacts first took seconds.
  const std::clock_t start = std::clock();
  const auto big = run(m, a);
  const double ms = test_support::cpu_ms_since(start);
  REQUIRE_FALSE(big.ok());
  CHECK(big.error().code == "too_many_contacts");
  CHECK(ms < 500 * test_support::kSlow);
}

TEST_CASE("100,000 contacts are scored", "[accounts]") {
  const auto m = parse(R"({"aggregation":"sum","cap":100000})");
  Json a = {{"id", "big"}, {"contacts", Json::array()}};
  const Json one = {{"lead", lead(1)}};
  const Json zero = {{"lead", lead(0)}};
  // Every third contact scores 1: 33,334 of them (indexes 0, 3, ... 99,999).
  for (std::size_t i = 0; i < leadscore::kMaxAccountContacts; ++i) a["contacts"].push_back(i % 3 == 0 ? one : zero);
  const Json r = ok(m, a);
  CHECK(r["contacts"]["scored"] == 100000);
  CHECK(r["aggregation"]["sum"] == 33334);
  CHECK(r["score"] == 100);
  CHECK(r["contacts"]["top"].size() == 10);
  CHECK(r["contacts"]["top"][9]["index"] == 27);
}

TEST_CASE("accounts from rows: the company of a contact and the account fields of its first contacts", "[accounts]") {
  auto model = leadscore::Model::parse(R"({"format_version": 1, "id": "m", "version": "1",
    "fields": [{"name": "seniority", "type": "string"}], "groups": [{"id": "g"}], "rules": [],
    "scale": {"min": 0, "max": 10}, "bands": [{"id": "all", "action": "none", "from": 0, "to": 100}],
    "account": {"fields": [{"name": "employees", "type": "integer"}, {"name": "industry", "type": "string"}]}})");
  REQUIRE(model);
  using leadscore::Json;
  CHECK(leadscore::account_id_of(Json{{"company_id", "  acme \t"}}, "company_id") == "acme");
  CHECK(leadscore::account_id_of(Json{{"company_id", 42}}, "company_id") == "42");
  CHECK(leadscore::account_id_of(Json{{"company_id", true}}, "company_id").empty());
  CHECK(leadscore::account_id_of(Json{{"other", "x"}}, "company_id").empty());
  Json fields = Json::object();
  const auto& spec = *model.value().account();
  leadscore::collect_account_fields(spec, Json{{"employees", "   "}, {"industry", nullptr}, {"seniority", "vp"}}, fields);
  CHECK(fields == Json::object());  // blank values are not values
  leadscore::collect_account_fields(spec, Json{{"employees", 500}}, fields);
  leadscore::collect_account_fields(spec, Json{{"employees", 900}, {"industry", "software"}}, fields);
  CHECK(fields == Json{{"employees", 500}, {"industry", "software"}});  // the first contact that gives each
}
