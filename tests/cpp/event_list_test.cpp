// EventList: events read straight from their text score exactly as the same events handed over as
// a JSON array (ScoreOptions::events): same result bytes, warnings and errors, for every shape the
// reader takes itself and every shape it leaves to parse_json().
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "leadscore/event_list.h"
#include "leadscore/json.h"
#include "leadscore/model.h"
#include "leadscore/score.h"
#include "leadscore/time.h"
#include "test_support.h"

using leadscore::EventList;
using leadscore::Json;

namespace {

// The lead_id rule of the events join (a string as is, a number as its JSON text).
std::string expected_lead_id(const Json& event) {
  if (!event.is_object()) return "";
  const auto id = event.find("lead_id");
  if (id == event.end()) return "";
  if (id->is_string()) return id->get_ref<const std::string&>();
  if (id->is_number()) return leadscore::dump_json(*id);
  return "";
}

// The members scoring reads from an event object.
Json scored_members(const Json& event) {
  Json out = Json::object();
  for (const char* key : {"type", "at", "props"})
    if (event.contains(key)) out[key] = event[key];
  return out;
}

void reads_like_parse_json(const std::string& text, std::size_t max_depth = leadscore::Limits{}.max_json_depth) {
  INFO("text: " << text << ", depth " << max_depth);
  const auto expected = leadscore::parse_json(text, "event", max_depth);
  EventList list;
  std::string id = "stale";
  const auto error = list.add_json(text, max_depth, &id);
  REQUIRE(expected.ok() == !error.has_value());
  if (!expected.ok()) {
    CHECK(list.empty());
    CHECK(id.empty());
    CHECK(error->code == expected.error().code);
    CHECK(error->path == expected.error().path);
    CHECK(error->message == expected.error().message);
    return;
  }
  REQUIRE(list.size() == 1);
  CHECK(id == expected_lead_id(expected.value()));
  const EventList::Event e = list[0];
  if (e.whole) {
    CHECK(*e.whole == expected.value());
  } else {
    CHECK(list.element_json(0) == scored_members(expected.value()));
    CHECK(e.at == leadscore::parse_instant(std::string(e.at_text)).value());
  }
}

// Random event texts: the usual shape most of the time, and every kind of irregular one.
class EventTexts {
 public:
  EventTexts(std::uint32_t seed, std::vector<std::string> types) : rng_(seed), types_(std::move(types)) {
    types_.push_back("unknown_type");
  }

  std::string next() {
    const int shape = pick(100);
    if (shape < 3) return pick_of({"[1,2]", "\"page_view\"", "null", "{}", "{\"type\":\"page_view\"}"});
    std::vector<std::string> members;
    if (shape != 3) members.push_back("\"type\":" + type_value());
    if (shape != 4) members.push_back("\"at\":" + at_value());
    const int props = pick(10);
    if (props < 5) members.push_back("\"props\":" + props_value());
    if (pick(3) == 0) members.push_back(pick(2) ? "\"lead_id\":\"L1\"" : "\"lead_id\":42");
    if (pick(8) == 0) members.push_back(pick_of({"\"note\":\"x\"", "\"n\":1.5", "\"tags\":[1,2]", "\"ok\":true"}));
    if (pick(40) == 0) members.push_back("\"type\":" + type_value());  // a repeated key: the last wins
    std::shuffle(members.begin(), members.end(), rng_);
    std::string text = "{";
    for (std::size_t i = 0; i < members.size(); ++i) text += (i ? (pick(4) ? "," : " , ") : "") + members[i];
    return text + "}";
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  std::string pick_of(std::initializer_list<const char*> options) {
    return *(options.begin() + pick(static_cast<int>(options.size())));
  }
  std::string type_value() {
    const int k = pick(40);
    if (k == 0) return "\"\"";
    if (k == 1) return "7";
    if (k == 2) return "\"page\\u005fview\"";
    return "\"" + types_[static_cast<std::size_t>(pick(static_cast<int>(types_.size())))] + "\"";
  }
  std::string at_value() {
    const int k = pick(40);
    if (k == 0) return "\"yesterday\"";
    if (k == 1) return "\"2026-11-20T10:00:00\"";  // no offset
    if (k == 2) return "1700000000";
    if (k == 3) return "\"2026-12-24T10:00:00Z\"";  // after now
    // Few distinct instants, so that events share instants and types (the props decide order and
    // duplicates then).
    const int day = 10 + pick(5), hour = pick(3);
    std::string at = "\"2026-11-" + std::to_string(day) + "T0" + std::to_string(hour) + ":00:00";
    return at + (pick(6) == 0 ? "+01:00\"" : pick(6) == 0 ? ".250Z\"" : "Z\"");
  }
  std::string props_value() {
    const int k = pick(30);
    if (k == 0) return "\"x\"";
    if (k == 1) return "{\"a\":{\"b\":1}}";
    if (k == 2) return "{\"url\":\"/pr\\u00e9\"}";
    if (k == 3) return "{}";
    std::string text = "{";
    const int n = 1 + pick(2);
    for (int i = 0; i < n; ++i) {
      if (i) text += ",";
      text += pick(2) ? "\"url\":\"" + std::string(pick(2) ? "/pricing" : "/docs") + "\""
                      : "\"campaign\":\"c" + std::to_string(pick(3)) + "\"";
    }
    return text + "}";
  }

  std::mt19937 rng_;
  std::vector<std::string> types_;
};

std::string result_text(const leadscore::Model& model, const Json& lead, const leadscore::ScoreOptions& options) {
  leadscore::ScoreResult result;
  if (auto error = leadscore::score_into(model, lead, options, result))
    return "error " + error->code + " " + error->path + " " + error->message;
  std::string text;
  leadscore::write_result(result, options.detail, text);
  return text;
}

}  // namespace

TEST_CASE("EventList: add_json reads what parse_json reads and refuses what it refuses", "[events]") {
  for (const char* text : {
           R"({"lead_id":"L1","type":"page_view","at":"2026-11-20T10:00:00Z","props":{"url":"/pricing"}})",
           R"( { "type" : "page_view" , "at" : "2026-11-20T10:00:00+01:00" } )",
           R"({"type":"page_view","at":"2026-11-20T10:00:00Z","props":{"n":1,"m":-2,"f":1.5,"e":1e3,"b":true,"z":null}})",
           R"({"type":"page_view","at":"2026-11-20T10:00:00Z","props":{"a":"1","a":"2"}})",
           R"({"type":"page_view","at":"2026-11-20T10:00:00Z","lead_id":18446744073709551615})",
           R"({"type":"page_view","at":"2026-11-20T10:00:00Z","lead_id":-1.5e2})",
           R"({"type":"page_view","at":"2026-11-20T10:00:00Z","lead_id":true})",
           R"({"type":"page_view","at":"2026-11-20T10:00:00Z","props":{"a":{"b":1}}})",
           R"({"type":"page_view","at":"2026-11-20T10:00:00Z","props":"x"})",
           R"({"type":"p\u0061ge","at":"2026-11-20T10:00:00Z"})",
           R"({"type":"pagé","at":"2026-11-20T10:00:00Z"})",
           R"({"type":"","at":"2026-11-20T10:00:00Z"})",
           R"({"type":"page_view","at":"soon"})",
           R"({"type":"page_view"})",
           R"({"type":"page_view","type":"demo_request","at":"2026-11-20T10:00:00Z"})",
           R"({"type":"page_view","at":"2026-11-20T10:00:00Z",})",
           R"({"type":"page_view","at":"2026-11-20T10:00:00Z"} x)",
           R"({"type":"page_view","at":"2026-11-20T10:00:00Z")",
           "{\"type\":\"page_view\",\"at\":\"2026-11-20T10:00:00Z\",\"props\":{\"u\":\"\x01\"}}",
           "{\"type\":\"page_view\",\"at\":\"2026-11-20T10:00:00Z\",\"props\":{\"u\":\"\xC3\"}}",
           R"([{"type":"page_view"}])", "42", "", "   "}) {
    reads_like_parse_json(text);
    reads_like_parse_json(text, 1);
    reads_like_parse_json(text, 2);
  }
}

TEST_CASE("EventList: scoring reads a list as it reads the same events as JSON", "[events]") {
  const std::vector<std::string> models = {
      test_support::read_file(test_support::source_dir() + "/examples/models/default.json"),
      test_support::read_file(test_support::source_dir() + "/examples/models/personas.json")};
  const std::vector<std::string> types = {"page_view",   "email_sent",   "email_open",   "email_click",
                                          "demo_request", "ebook_download", "unsubscribe", "form_error"};
  const Json lead = {{"id", "L1"}, {"email", "jane.doe@acme-industries.com"}, {"job_title", "VP Marketing"},
                     {"company", "Acme Industries"}, {"country", "FR"}};
  std::size_t compared = 0, read_events = 0, whole_events = 0;
  for (std::uint32_t seed : {20261206u, 7u, 1234567u}) {
    for (const std::string& text : models) {
      auto model = leadscore::Model::parse(text);
      REQUIRE(model.ok());
      EventTexts texts(seed, types);
      for (int lead_no = 0; lead_no < 150; ++lead_no) {
        const int count = lead_no % 10 == 0 ? 0 : 1 + lead_no % 40;
        Json array = Json::array();
        EventList list;
        for (int i = 0; i < count; ++i) {
          const std::string event_text = texts.next();
          auto parsed = leadscore::parse_json(event_text, "event");
          if (!parsed) continue;  // the CLI reports such a line; it never reaches scoring
          array.push_back(parsed.value());
          REQUIRE_FALSE(list.add_json(event_text).has_value());
          (list[list.size() - 1].whole ? whole_events : read_events) += 1;
        }
        for (const auto detail : {leadscore::Detail::Explain, leadscore::Detail::Summary}) {
          leadscore::ScoreOptions as_json{"2026-11-23T09:30:00Z"};
          as_json.detail = detail;
          as_json.events = &array;
          leadscore::ScoreOptions as_list = as_json;
          as_list.events = nullptr;
          as_list.event_list = &list;
          INFO("events: " << leadscore::dump_json(array));
          REQUIRE(result_text(model.value(), lead, as_list) == result_text(model.value(), lead, as_json));
          ++compared;
        }
      }
    }
  }
  CHECK(compared == 3 * 2 * 150 * 2);
  CHECK(read_events > 2000);  // both paths well exercised
  CHECK(whole_events > 100);
}

TEST_CASE("EventList: too many events and events nested too deeply fail as with JSON", "[events]") {
  const std::vector<std::vector<std::string>> cases = {
      {R"({"type":"page_view","at":"2026-11-20T10:00:00Z"})", R"({"type":"page_view","at":"2026-11-20T10:00:00Z"})",
       R"({"type":"page_view","at":"2026-11-20T10:00:00Z"})", R"({"type":"page_view","at":"2026-11-20T10:00:00Z"})"},
      {R"({"type":"page_view","at":"2026-11-20T10:00:00Z","props":{"a":{"b":{"c":{"d":1}}}}})",
       R"({"type":"page_view","at":"2026-11-20T10:00:00Z","props":{"y":2}})",
       R"({"type":"page_view","at":"2026-11-20T10:00:00Z","props":{"a":{"b":{"c":{"e":[1]}}}}})"},
  };
  const Json lead = {{"id", "L1"}};
  std::size_t compared = 0;
  for (std::size_t depth : {std::size_t{4}, std::size_t{5}, std::size_t{6}}) {
    leadscore::Limits limits;
    limits.max_json_depth = depth;
    limits.max_events = 3;
    // The model's own limits decide (4 is the least depth a model with engagement parses under).
    auto model = leadscore::Model::parse(
        R"({"format_version":1,"id":"d","version":"1","fields":[{"name":"x","type":"string"}],
            "groups":[{"id":"fit"}],"rules":[],"scale":{"min":0,"max":100},
            "bands":[{"id":"all","action":"email","from":0,"to":100}],
            "engagement":{"event_types":[{"id":"page_view"}],"groups":[{"id":"web"}],
            "rules":[{"id":"v","group":"web","event":"page_view","points":1}]}})",
        limits);
    REQUIRE(model.ok());
    for (const auto& texts : cases) {
      Json array = Json::array();
      EventList list;
      for (const std::string& text : texts) {
        array.push_back(leadscore::parse_json(text, "event").value());
        REQUIRE_FALSE(list.add_json(text).has_value());
      }
      leadscore::ScoreOptions as_json{"2026-11-23T09:30:00Z"};
      as_json.events = &array;
      leadscore::ScoreOptions as_list{"2026-11-23T09:30:00Z"};
      as_list.event_list = &list;
      const std::string expected = result_text(model.value(), lead, as_json);
      INFO("depth " << depth << ": " << expected);
      CHECK(expected.rfind("error ", 0) == 0);
      CHECK(result_text(model.value(), lead, as_list) == expected);
      ++compared;
    }
  }
  CHECK(compared == 6);
}
