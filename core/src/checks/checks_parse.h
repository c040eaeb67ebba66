// Reads the model's "checks" section (docs/model-format.md, "Checks"). Internal to the core.
#pragma once
#include <optional>
#include <set>
#include <string>

#include "leadscore/checks.h"
#include "model/model_reader.h"

namespace leadscore::model_detail {

/// Parses /checks; `group_ids` are the model's fit groups (the points' group must be one).
std::optional<CheckConfig> read_checks(Reader& reader, const Json& section, const std::set<std::string>& group_ids);

}  // namespace leadscore::model_detail
