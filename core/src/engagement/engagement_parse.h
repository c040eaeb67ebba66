// Reads the model's "engagement" section. Internal to the core; called by the model parser.
#pragma once
#include <optional>
#include <set>
#include <string>

#include "leadscore/engagement.h"
#include "leadscore/limits.h"
#include "model/model_reader.h"

namespace leadscore::model_detail {

/// Parses /engagement. `group_ids` and `rule_ids` hold the fit model's ids (engagement ids must
/// differ from them) and receive the engagement ids. Errors go to `reader`.
/// `edition`: the JsonLogic of the model's conditions.
std::optional<Engagement> read_engagement(Reader& reader, const Json& section, const Limits& limits,
                                          std::set<std::string>& group_ids, std::set<std::string>& rule_ids,
                                          LogicEdition edition = LogicEdition::Classic);

/// Fills Engagement::types_by_id, the index Engagement::type_index() searches (every event of
/// every lead is looked up there).
void index_event_types(Engagement& engagement);

}  // namespace leadscore::model_detail
