// The model's "account" section -> AccountSpec. Internal to the core.
#pragma once
#include <optional>

#include "leadscore/model.h"
#include "model/model_reader.h"

namespace leadscore::model_detail {

/// `edition`: the JsonLogic of the model's conditions.
std::optional<AccountSpec> read_account(Reader& r, const Json& section, const Limits& limits,
                                        LogicEdition edition = LogicEdition::Classic);

}  // namespace leadscore::model_detail
