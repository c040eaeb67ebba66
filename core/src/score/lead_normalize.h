// Turning a raw lead (JSON or CSV cells) into the typed values conditions see. Internal to the core.
#pragma once
#include <cstdint>
#include <vector>

#include "leadscore/json.h"
#include "leadscore/lead_record.h"
#include "leadscore/logic.h"
#include "leadscore/model.h"

namespace leadscore {

struct NormalizedLead {
  Json fields = Json::object();  ///< declared fields that hold a valid value, typed
  std::vector<Json> warnings;    ///< {"code","path","message"} in field declaration order
};

/// Applies the field rules of docs/model-format.md ("Lead normalisation") into the lead's slots
/// (reset first; the model's field order), appending the warnings to `warnings` (an array).
/// `today` is the UTC date of `now` in days since 1970-01-01 (for future-date warnings).
void normalize_lead_into(const Model& model, const LeadRecord& lead, std::int64_t today, FieldSlots& out, Json& warnings);

/// The same as one object of field values (for callers that keep a lead as JSON).
NormalizedLead normalize_lead(const Model& model, const Json& lead, std::int64_t today);

/// A warning object as results carry it.
Json make_warning(const std::string& code, const std::string& path, const std::string& message);

}  // namespace leadscore
