// The constant parts of a result, as JSON text. A model's rules, bands, groups, grade criteria
// and identity look the same in every result it gives, so ModelBuilder writes their text once
// when the model is parsed and write_result() appends it as is (docs/architecture.md). Written
// with the same helpers as the rest of the result, so the bytes cannot differ from writing them
// lead by lead (tests/js/result-bytes.test.mjs).
#pragma once
#include <optional>
#include <string>

#include "io/json_text.h"
#include "leadscore/grading.h"
#include "leadscore/model.h"

namespace leadscore {

/// A fit rule's contribution object: {"group","kind":"rule","label","points","rule"}.
std::string rule_result_text(const FitRule& rule);
/// The completeness rule's contribution object for its field number `field`.
std::string completeness_result_text(const CompletenessRule& rule, std::size_t field);
/// The constant middle of an event rule's contribution lines (EngagementRule::event_line_text).
std::string event_line_text(const Engagement& engagement, const EngagementRule& rule);
/// The end of the event lines of an event type (EventType::line_tail).
std::string event_line_tail(const EventType& type);
/// A band object: {"action","id","label"}.
std::string band_result_text(const Band& band);
/// A group object up to its points: {"id":...,"label":...[,"max":...][,"min":...],
std::string group_result_head(const GroupSpec& group);
/// A grade step up to its state: {"criterion":...,"label":...
std::string criterion_result_head(const GradeCriterion& criterion);
/// A plain model's "model" object: {"fingerprint","id","version"}.
std::string model_result_text(const Model& model);

/// Centipoints as every result writes them: whole points as integers ("30"), others as the
/// shortest decimal of c / 100 ("12.5").
void append_points(std::string& out, Centipoints points);
/// An object's "max" and "min" cap members, when set, in key order ("max" sorts first).
void write_caps(json_text::ObjectWriter& object, const std::optional<Centipoints>& min,
                const std::optional<Centipoints>& max);

}  // namespace leadscore
