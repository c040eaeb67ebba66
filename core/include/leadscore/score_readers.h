// Which of a score's optional inputs a build reads. Sales feedback (docs/feedback.md) and an
// earlier result ("previous", docs/routing.md) come from a CRM, never from a signup page; their
// readers are about 4 KB of the browser's form module after gzip. score_into(), make_submission()
// and verify() take the readers as a table, so that a build which only ever passes
// form_score_readers() leaves that code out when it links (wasm/form_module.cpp does).
#pragma once

namespace leadscore {

/// A table of input readers (opaque): pass one of the two below.
struct ScoreReaders;

/// Every input: what score(), score_into(), make_submission() and verify() without a table use.
const ScoreReaders& all_score_readers();

/// The inputs a signup page has (the lead, its events, the instant, the language). A score given
/// sales feedback or a previous result fails with "not_in_form_module" at "/feedback" or
/// "/previous" (under "/inputs" in verify()); nothing else differs from all_score_readers().
const ScoreReaders& form_score_readers();

}  // namespace leadscore
