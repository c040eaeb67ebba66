// What a runtime needs to know about a loaded model, with every default applied and durations in
// milliseconds, so that no runtime (the web demo, the evaluation page, the CLI) re-reads the model
// file and re-derives a default or a duration syntax of its own. Documented in
// docs/model-format.md, "Describing a model".
#pragma once
#include "leadscore/error.h"
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

/// How the routing matrix treated a scored lead, row by row, so that a page can show "why this
/// route" without re-implementing first-match routing. `result` is an explain result of `model`:
/// route.band, route.grade, route.strong_actions and quality.verdict are what routing read; for a
/// model set, model.persona.id says whose matrix it was. Returns
/// {"rule": the row that decided, "rows": [{"rule", "action", "holds", "state"}]} for every rule
/// and then "default", where `holds` says whether the row's conditions hold for this lead and
/// `state` is "matched" (the row that decided), "no_match" (tried, a condition failed) or
/// "not_reached" (after the deciding row: first match wins). This is the matrix's answer; a sales
/// verdict may still override it (result.route.overridden). Errors: "routing_missing" (the model,
/// or the persona's model, has no routing), "result_invalid" at the pointer of a missing or wrong
/// value of `result`.
Expected<Json> describe_route(const Model& model, const Json& result);

}  // namespace leadscore
