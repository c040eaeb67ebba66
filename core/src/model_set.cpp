// Interim bodies, replaced by the model-set implementation.
#include "model_set.h"

namespace leadscore {
bool is_model_set(const Json& document) { return document.is_object() && document.contains("personas"); }
Expected<Model> build_model_set(const Json&, const Limits&) {
  return Error{"not_implemented", "/personas", "model sets are not implemented yet"};
}
PersonaChoice select_persona(const Model& set, const Json&, const Json*, Millis, Json&) {
  PersonaChoice choice;
  choice.persona = &set.personas().back();
  return choice;
}
}  // namespace leadscore
