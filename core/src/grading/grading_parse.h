// The model's "grading" section -> Grading. Internal to the core.
#pragma once
#include <optional>
#include <vector>

#include "leadscore/model.h"
#include "model/model_reader.h"

namespace leadscore::model_detail {

/// Reads /grading; `fields` are the model's declared fields (criteria may only read those).
/// `edition`: the JsonLogic of the model's conditions.
std::optional<Grading> read_grading(Reader& r, const Json& section, const std::vector<FieldSpec>& fields,
                                    const Limits& limits, LogicEdition edition = LogicEdition::Classic);

}  // namespace leadscore::model_detail
