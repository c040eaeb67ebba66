// Model sets: several models (personas, product lines) in one file, selected per lead
// (docs/personas.md). Internal to the core.
#pragma once
#include <optional>

#include "leadscore/model.h"
#include "leadscore/work_budget.h"

namespace leadscore {

/// Whether `document` is a model set (its top level has "personas").
bool is_model_set(const Json& document);

/// Builds a model set: resolves "extends", compiles each model and the persona conditions.
Expected<Model> build_model_set(const Json& document, const Limits& limits);

struct PersonaChoice {
  const Persona* persona = nullptr;
  Json also_matched = Json::array();  ///< ids of later personas that matched too
  std::optional<Error> error;         ///< the lead's work budget ran out in a persona condition
};

/// The persona for this lead: first match wins, the last persona is the default. `events` may be
/// nullptr; `now` is UTC milliseconds. The conditions spend from the lead's `budget`.
PersonaChoice select_persona(const Model& set, const Json& lead, const Json* events, Millis now, Json& warnings,
                             WorkBudget& budget);

}  // namespace leadscore
