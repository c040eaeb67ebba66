// The account's own fields use the model's field format ("fields" of docs/model-format.md). Rather
// than a second copy of the field parser and of the normaliser, both go through a small model
// document that holds only those fields. Internal to the core.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "score/lead_normalize.h"
#include "leadscore/model.h"
#include "model/model_reader.h"

namespace leadscore::model_detail {

/// Parses the array at `pointer` (e.g. "/account/fields") exactly as the model's "fields"; an error
/// names the pointer inside `pointer`.
std::vector<FieldSpec> read_account_fields(Reader& r, const Json& fields, const std::string& pointer,
                                           const Limits& limits);

/// Normalises an account's field values as a lead's (types, enums, dates, required). Warning paths
/// are "/fields/<name>", pointers into the account object.
NormalizedLead normalize_account_fields(const std::vector<FieldSpec>& fields, const Json& values,
                                        std::int64_t today, const Limits& limits);

}  // namespace leadscore::model_detail
