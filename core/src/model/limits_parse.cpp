// See limits_parse.h.
#include "model/limits_parse.h"

#include <string>

namespace leadscore::model_detail {
namespace {

// One bound: the model's value when given, within 1..ceiling.
template <class T>
void lower(Reader& r, const Json& section, const char* key, T& bound) {
  const auto value = r.integer(section, "/limits", key, false);
  if (!value || r.failed()) return;
  const auto ceiling = static_cast<unsigned long long>(bound);
  if (*value < 1 || static_cast<unsigned long long>(*value) > ceiling) {
    r.fail("limit_range", std::string("/limits/") + key,
           std::string("\"") + key + "\" must be a whole number from 1 to " + std::to_string(ceiling) +
               " (the engine's limit: a model may lower it, not raise it)");
    return;
  }
  bound = static_cast<T>(*value);
}

}  // namespace

Limits read_limits(Reader& r, const Json& document, const Limits& engine) {
  Limits limits = engine;
  const Json* section = r.member(document, "", "limits", false);
  if (section == nullptr || !r.expect_object(*section, "/limits", "\"limits\"")) return limits;
  r.only_keys(*section, "/limits", {"max_logic_steps", "max_logic_value_size", "max_lead_work"});
  lower(r, *section, "max_logic_steps", limits.max_logic_steps);
  lower(r, *section, "max_logic_value_size", limits.max_logic_value_size);
  lower(r, *section, "max_lead_work", limits.max_lead_work);
  return limits;
}

}  // namespace leadscore::model_detail
