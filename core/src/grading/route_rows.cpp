// describe_route(): the routing matrix row by row for a scored lead (leadscore/describe.h). Reads
// back what routing read from the result and asks the same predicate the router uses, so a page
// that shows "why this route" never re-implements the matrix.
#include "leadscore/describe.h"
#include "leadscore/grading.h"
#include "grading/routing_eval.h"

namespace leadscore {
namespace {

Error invalid(const std::string& path, const std::string& what) {
  return Error{"result_invalid", path, "the result's " + what};
}

// The model whose matrix routed the lead: a model set's persona model, else the model itself.
Expected<const Model*> answering_model(const Model& model, const Json& result) {
  if (model.personas().empty()) return &model;
  const Json* info = result.contains("model") ? &result["model"] : nullptr;
  if (!info || !info->is_object() || !info->contains("persona") || !(*info)["persona"].is_object() ||
      !(*info)["persona"].contains("id") || !(*info)["persona"]["id"].is_string())
    return invalid("/model/persona/id", "persona id is missing (an explain result of this model set is needed)");
  const std::string& id = (*info)["persona"]["id"].get_ref<const std::string&>();
  for (const Persona& p : model.personas())
    if (p.id == id) return p.model.get();
  return invalid("/model/persona/id", "persona is not one of this model set's");
}

}  // namespace

Expected<Json> describe_route(const Model& model, const Json& result) {
  if (!result.is_object()) return invalid("", "value is not an object");
  auto answering = answering_model(model, result);
  if (!answering) return answering.error();
  const Model& m = *answering.value();
  if (!m.routing()) return Error{"routing_missing", "", "the model has no routing section"};
  const Routing& routing = *m.routing();

  const Json* route = result.contains("route") ? &result["route"] : nullptr;
  if (!route || !route->is_object()) return invalid("/route", "route is missing (an explain result is needed)");
  RouteInput input;
  if (!route->contains("band") || !(*route)["band"].is_string()) return invalid("/route/band", "route band is not a string");
  input.band = (*route)["band"].get<std::string>();
  if (route->contains("grade") && !(*route)["grade"].is_null()) {
    const Json& letter = (*route)["grade"];
    input.grade = letter.is_string() ? parse_grade(letter.get_ref<const std::string&>()) : std::nullopt;
    if (!input.grade) return invalid("/route/grade", "route grade is not a grade letter");
  }
  if (!route->contains("strong_actions") || !(*route)["strong_actions"].is_array())
    return invalid("/route/strong_actions", "route strong_actions is not an array");
  const bool strong = !(*route)["strong_actions"].empty();
  if (result.contains("quality") && result["quality"].is_object() && result["quality"].contains("verdict")) {
    const Json& verdict = result["quality"]["verdict"];
    if (!verdict.is_string()) return invalid("/quality/verdict", "quality verdict is not a string");
    input.quality = verdict.get<std::string>();
  }

  Json rows = Json::array();
  const RouteRule* decided = nullptr;
  const auto add = [&](const RouteRule& rule, bool holds) {
    const char* state = decided ? "not_reached" : holds ? "matched" : "no_match";
    if (!decided && holds) decided = &rule;
    rows.push_back({{"rule", rule.id}, {"action", rule.action}, {"holds", holds}, {"state", state}});
  };
  for (const RouteRule& rule : routing.rules) add(rule, route_rule_holds(rule, input, strong));
  add(routing.fallback, true);
  // A result of another model (or an edited one) would explain a route it did not take.
  const bool overridden = route->contains("overridden") && (*route)["overridden"].is_object();
  const Json& said = overridden ? (*route)["overridden"] : *route;
  const std::string said_path = overridden ? "/route/overridden/rule" : "/route/rule";
  if (!said.contains("rule") || !said["rule"].is_string() || said["rule"].get_ref<const std::string&>() != decided->id)
    return invalid(said_path, "route rule is not the one this model's routing gives for what it read");
  return Json{{"rule", decided->id}, {"rows", std::move(rows)}};
}

}  // namespace leadscore
