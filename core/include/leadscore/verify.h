// Server-side verification: a back end recomputes a score a browser (or any client) submitted and
// says whether it matches (docs/verify.md).
#pragma once
#include "leadscore/error.h"
#include "leadscore/json.h"
#include "leadscore/score.h"

namespace leadscore {

/// The submission format version written by make_submission().
constexpr const char* kSubmissionFormat = "leadscore-submission/1";

/// Scores `lead` and packs inputs, result and model identity into a submission:
/// {"format", "model": {"id","version","fingerprint"}, "inputs": {"lead","now","lang",
/// "events"?,"feedback"?,"previous"?}, "result"}. Errors: those of score().
Expected<Json> make_submission(const Model& model, const Json& lead, const ScoreOptions& options);

/// Recomputes the submission's result with `model` and compares it with the submitted one:
/// {"status":"match"} | {"status":"mismatch","field":<JSON pointer>,"expected","received"} |
/// {"status":"model_mismatch","expected":<fingerprint>,"received":<fingerprint>}.
/// Errors: "submission_invalid" (with the pointer of what is malformed) and those of score().
Expected<Json> verify(const Model& model, const Json& submission);

/// make_submission() and verify() with a table of input readers (leadscore/score_readers.h); the
/// overloads above use all_score_readers().
Expected<Json> make_submission(const Model& model, const Json& lead, const ScoreOptions& options,
                               const ScoreReaders& readers);
Expected<Json> verify(const Model& model, const Json& submission, const ScoreReaders& readers);

}  // namespace leadscore
