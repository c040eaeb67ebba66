// The optional "logic_edition" key of a model or a model set: which JsonLogic its conditions are
// written in (leadscore/logic.h, LogicEdition; docs/model-format.md). Internal to the core.
#pragma once
#include "leadscore/logic.h"
#include "model/model_reader.h"

namespace leadscore::model_detail {

/// The document's edition: "classic" (also without the key) or "community-2025". Anything else
/// fails with "unknown_logic_edition" at /logic_edition.
LogicEdition read_logic_edition(Reader& r, const Json& document);

}  // namespace leadscore::model_detail
