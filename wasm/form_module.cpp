// The form module (`leadscore/form`): what a signup page needs, and nothing else, so that the
// browser downloads little. Scoring, the form checks, submissions and their verification; no
// calibration, evaluation, accounts, JsonLogic playground or model linting, whose code wasm-ld
// then leaves out. Its scores read no sales feedback and no previous result (inputs a CRM has,
// a signup page never): they fail with "not_in_form_module", and their readers stay out too.
#include <emscripten/bind.h>

#include "module_common.h"

namespace leadscore::wasm {
const leadscore::ScoreReaders& module_score_readers() { return leadscore::form_score_readers(); }
}  // namespace leadscore::wasm

EMSCRIPTEN_BINDINGS(leadscore_form) { leadscore::wasm::register_common(); }
