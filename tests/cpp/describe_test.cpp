// describe_model(): the settings a runtime reads, with the core's defaults applied.
#include <catch2/catch.hpp>

#include "leadscore/describe.h"
#include "leadscore/model.h"

using leadscore::Json;

TEST_CASE("describe_model: the bundled model, defaults applied and durations in ms", "[describe]") {
  auto model = leadscore::Model::parse(leadscore::default_model_text());
  REQUIRE(model);
  const Json d = leadscore::describe_model(model.value());
  CHECK(d["id"] == model.value().id());
  CHECK(d["fingerprint"] == model.value().fingerprint());
  CHECK(d["checks"]["section"] == true);
  // The bundled model names neither: the core's defaults.
  CHECK(d["checks"]["rendered_at_field"] == "form_rendered_at");
  CHECK(d["checks"]["min_fill_seconds"] == 3);
  CHECK(d["checks"]["fields"]["email"] == "email");
  REQUIRE(d["routing"].is_object());
  CHECK(d["routing"]["strong_within_ms"] == 30LL * 24 * 3600 * 1000);  // "30d"
  CHECK(d["routing"]["default"]["id"] == "default");
  CHECK(d["routing"]["rules"][0]["id"] == "discard.spam");
  CHECK(d["routing"]["rules"][0]["quality"] == Json::array({"spam"}));
  CHECK(d["routing"]["rules"][1]["grade"] == Json{{"min", "B-"}, {"max", nullptr}});
  REQUIRE(d["engagement"].is_object());
  bool half_life = false;
  for (const Json& g : d["engagement"]["groups"])
    if (g["decay"].is_object() && g["decay"]["age"].is_object() && g["decay"]["age"]["kind"] == "half_life")
      half_life = half_life || g["decay"]["age"]["half_life_ms"] == 30LL * 24 * 3600 * 1000;
  CHECK(half_life);
}

TEST_CASE("describe_model: a model without checks still says which fields the checks read", "[describe]") {
  auto model = leadscore::Model::parse(R"({"format_version": 1, "id": "m", "version": "1",
    "fields": [{"name": "email", "type": "email"}], "groups": [{"id": "g"}], "rules": [],
    "scale": {"min": 0, "max": 10}, "bands": [{"id": "all", "action": "none", "from": 0, "to": 100}]})");
  REQUIRE(model);
  const Json d = leadscore::describe_model(model.value());
  CHECK(d["checks"]["section"] == false);
  CHECK(d["checks"]["fields"]["email"] == "email");
  CHECK(d["checks"]["fields"]["first_name"] == "first_name");
  CHECK(d["checks"]["group"].is_null());
  CHECK(d["engagement"].is_null());
  CHECK(d["routing"].is_null());
  CHECK(d["bands"][0] == Json{{"id", "all"}, {"label", "all"}, {"action", "none"}, {"from", 0}, {"to", 100}});
}
