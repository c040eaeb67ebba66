// Scoring a lead against a compiled Model. The result is a JSON value whose serialisation by
// dump_json() is byte-identical natively and in WebAssembly for the same model, lead and `now`.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/checks.h"
#include "leadscore/error.h"
#include "leadscore/event_list.h"
#include "leadscore/json.h"
#include "leadscore/lead_record.h"
#include "leadscore/model.h"
#include "leadscore/score_readers.h"
#include "leadscore/score_result.h"

namespace leadscore {

struct ScoreOptions {
  /// The instant the score is computed for (ISO-8601 with offset). Required: the core never reads
  /// a clock, so the same inputs always give the same result.
  std::string now;
  /// The lead's events: a JSON array of {"type", "at", "props"?} (docs/model-format.md,
  /// "Engagement"), in any order. Not owned; must outlive the call. nullptr = no events.
  const Json* events = nullptr;
  /// The language of form-check messages in the result (models with a "checks" section).
  Language language = Language::En;
  /// Sales feedback: {"adjustments": [{by, at, points | grade, reason, expires?}], "verdict"?:
  /// {by, at, value: "qualified" | "disqualified", reason}} (docs/feedback.md). Not owned.
  const Json* feedback = nullptr;
  /// An earlier result of the same lead: the result then reports band and grade changes
  /// ("tracking", docs/routing.md). Not owned.
  const Json* previous = nullptr;
  /// How much the result says: Detail::Explain (everything, the default) or Detail::Summary
  /// (docs/model-format.md, "Summary result"). A summary score also skips building the parts only
  /// an explain result shows.
  Detail detail = Detail::Explain;
  // Last, so that aggregate initialisations written before it stay valid.
  /// Instead of `events`: the lead's events read into an EventList (what a batch job does, with
  /// no JSON tree per event: leadscore/event_list.h). Same results, warnings and errors as the
  /// same events in `events`. Not owned; must outlive the call. When set, `events` is ignored.
  const EventList* event_list = nullptr;
};

/// Scores one lead (a JSON object of field values) and its events. Bad field values and unusable
/// events do not fail the score: they become warnings and are left out. Errors: "lead_not_object",
/// "now_missing", "now_invalid", "events_not_array", "too_many_events", "json_too_deep",
/// "feedback_invalid", "previous_invalid".
/// Result layout: docs/model-format.md, "Result". A convenience over score_into() + write_result():
/// the tree is parsed from the written text, so hot paths should call those two directly.
Expected<Json> score(const Model& model, const Json& lead, const ScoreOptions& options);

/// Scores one lead into `out`, reusing its buffers (clear() first). Returns the error, or nullopt
/// when `out` holds the result. Same errors as score(). Write it with write_result().
std::optional<Error> score_into(const Model& model, const Json& lead, const ScoreOptions& options,
                                ScoreResult& out);

/// The same for a lead held by a LeadRecord: a batch job parses each line into one reused record
/// (LeadRecord::parse) and scores it without building a JSON tree.
std::optional<Error> score_into(const Model& model, const LeadRecord& lead, const ScoreOptions& options,
                                ScoreResult& out);

/// The same with a table of input readers (leadscore/score_readers.h): with form_score_readers(),
/// sales feedback and a previous result fail with "not_in_form_module", and a program that only
/// scores this way does not link their readers. The overloads above use all_score_readers().
std::optional<Error> score_into(const Model& model, const LeadRecord& lead, const ScoreOptions& options,
                                ScoreResult& out, const ScoreReaders& readers);
/// score() with a table of input readers.
Expected<Json> score(const Model& model, const Json& lead, const ScoreOptions& options, const ScoreReaders& readers);

/// The lead's own id, the one rule every part uses (events join, account contacts, reports): its
/// "id", else its "lead_id", whichever comes first as a string or a number; nullptr when neither
/// (or when `lead` is not an object).
const Json* lead_id_value(const Json& lead);
const Json* lead_id_value(const LeadRecord& lead);

/// Converts one CSV record into a lead object: header names map to cell strings; empty cells are
/// left out (a missing value). Field types are applied later by score().
Json lead_from_row(const std::vector<std::string>& header, const std::vector<std::string>& cells);

/// Converts one row of an events CSV (`lead_id,type,at,<prop>...`) into an event object: the
/// "type" and "at" cells become those keys, every other non-empty cell except "lead_id" becomes a
/// string in "props" (absent when there is none). Empty type/at cells are left out, so score()
/// reports them as an invalid event.
Json event_from_row(const std::vector<std::string>& header, const std::vector<std::string>& cells);

}  // namespace leadscore
