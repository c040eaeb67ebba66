// What a runtime needs to know about a loaded model, with every default applied and durations in
// milliseconds, so that no runtime (the web demo, the evaluation page, the CLI) re-reads the model
// file and re-derives a default or a duration syntax of its own. Documented in
// docs/model-format.md, "Describing a model".
#pragma once
#include "leadscore/json.h"
#include "leadscore/model.h"

namespace leadscore {

/// The model as the engine runs it:
/// {"id", "version", "fingerprint",
///  "fields": [{"name","label","type","required","values"?,"column"?}],
///  "bands": [{"id","label","action","from","to"}],
///  "checks": {"section": true|false (false: the defaults of a model without "checks"),
///             "fields": {name: kind}, "rendered_at_field", "min_fill_seconds", "require_fill_time",
///             "country_field", "free_email", "quality": {...}, "group"|null, "points", "spam_blocks_score"},
///  "engagement": null | {"event_types": [{"id","label","activity"}],
///             "groups": [{"id","label","decay"}], "rules": [{"id","label","kind","group","decay"}]},
///  "routing": null | {"strong_within_ms"|null, "score_dead_band", "grade_dead_band",
///             "rules": [{"id","action","reason","bands","grade": {"min","max"}|null (an open end null),
///                        "strong_action"|null,"quality"}], "default": {"id":"default","action","reason"}}}
/// A decay is null or {"age": null|{"kind":"half_life","half_life_ms"}|{"kind":"linear","percent","per_ms"},
/// "inactivity": null|{"after_ms","points","every_ms"|null}} (a rule's null age inherits its group's).
Json describe_model(const Model& model);

}  // namespace leadscore
