// The optional "limits" section of a model or a model set (docs/limits.md, "In a model"): bounds on
// the work its conditions and leads may do, lower than the engine's. Internal to the core.
#pragma once
#include "leadscore/limits.h"
#include "model/model_reader.h"

namespace leadscore::model_detail {

/// `engine` with the bounds the document's "limits" lowers. A bound above the engine's (the hard
/// ceiling: a model may ask for less work, never more) or below 1 fails with "limit_range" at its
/// pointer; an unknown key with "unknown_key". Without the section, `engine` as it is.
Limits read_limits(Reader& r, const Json& document, const Limits& engine);

}  // namespace leadscore::model_detail
