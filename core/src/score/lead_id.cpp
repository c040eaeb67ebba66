// lead_id_value(): see leadscore/score.h.
#include "leadscore/score.h"

namespace leadscore {

const Json* lead_id_value(const Json& lead) {
  if (!lead.is_object()) return nullptr;
  for (const char* key : {"id", "lead_id"}) {
    const auto it = lead.find(key);
    if (it != lead.end() && (it->is_string() || it->is_number())) return &*it;
  }
  return nullptr;
}

const Json* lead_id_value(const LeadRecord& lead) {
  if (!lead.is_object()) return nullptr;
  for (const char* key : {"id", "lead_id"}) {
    const Json* value = lead.find(key);
    if (value != nullptr && (value->is_string() || value->is_number())) return value;
  }
  return nullptr;
}

}  // namespace leadscore
