// The form module (`leadscore/form`): what a signup page needs, and nothing else, so that the
// browser downloads little. Scoring, the form checks, submissions and their verification; no
// calibration, evaluation, accounts, JsonLogic playground or model linting, whose code wasm-ld
// then leaves out.
#include <emscripten/bind.h>

#include "module_common.h"

EMSCRIPTEN_BINDINGS(leadscore_form) { leadscore::wasm::register_common(); }
