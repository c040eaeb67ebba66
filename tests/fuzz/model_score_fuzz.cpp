// Fuzz target model_score: the input is a model file's text; a model that loads scores fixed
// leads made from its own fields (so its rules have values to read), without and with events of
// its own event types. Finds the rules that make a lead cost too much time or memory.
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "leadscore/describe.h"
#include "leadscore/model.h"
#include "leadscore/score.h"

namespace leadscore::fuzz {
namespace {

// A plausible value of each type, so that conditions on the field have something to compare.
Json sample_value(const FieldSpec& field) {
  switch (field.type) {
    case FieldType::Number: return 12.5;
    case FieldType::Integer: return 42;
    case FieldType::Boolean: return true;
    case FieldType::Enum: return field.values.empty() ? Json("x") : Json(field.values.front());
    case FieldType::Email: return "dana.reyes@northwind-analytics.com";
    case FieldType::Date: return "2026-10-01";
    case FieldType::String: break;
  }
  return "Northwind Analytics";
}

void add_fields(const Model& model, Json& lead) {
  for (const auto& field : model.fields()) lead[field.name] = sample_value(field);
}

// Three events of each of the model's first eight event types, over the last weeks.
Json sample_events(const Model& model) {
  Json events = Json::array();
  if (!model.engagement()) return events;
  const auto& types = model.engagement()->event_types;
  static const char* const kInstants[] = {"2026-11-23T09:00:00Z", "2026-11-10T12:30:00Z", "2026-10-01T08:00:00Z"};
  for (std::size_t t = 0; t < types.size() && t < 8; ++t)
    for (const char* at : kInstants)
      events.push_back(Json{{"type", types[t].id}, {"at", at}, {"props", Json{{"n", 1}, {"page", "/pricing"}}}});
  return events;
}

}  // namespace

void model_score(std::string_view input) {
  auto parsed = Model::parse(input, fuzz_limits());
  if (!parsed.ok()) return;
  const Model& model = parsed.value();

  Json full = Json::object();
  add_fields(model, full);
  for (const auto& persona : model.personas())
    if (persona.model) add_fields(*persona.model, full);
  Json events = sample_events(model);
  for (const auto& persona : model.personas())
    if (persona.model)
      for (auto& event : sample_events(*persona.model)) events.push_back(std::move(event));

  ScoreResult result;
  std::string text;
  const Json leads[] = {Json::object(), full};
  const Json* const event_lists[] = {nullptr, &events};
  for (const Json& lead : leads) {
    for (const Json* lead_events : event_lists) {
      ScoreOptions options;
      options.now = kNow;
      options.events = lead_events;
      result.clear();
      if (score_into(model, lead, options, result)) continue;
      text.clear();
      write_result(result, Detail::Explain, text);
      auto written = parse_json(text, "result", 100000);
      require(written.ok(), "a result is valid JSON");
      if (model.personas().empty() && model.routing())
        require(describe_route(model, written.value()).ok(), "describe_route takes the model's own result");
    }
  }
}

}  // namespace leadscore::fuzz
