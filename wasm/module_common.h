// What both wasm modules register: the Outcome value, the Scorer methods a signup form needs
// (load, info, score, scoreMany, checkField, checkLead, submission, verify) and the defaultModel
// and version functions. The full module adds its own methods and functions to these.
#pragma once
#include <emscripten/bind.h>

#include "handle_binding.h"
#include "scorer.h"

namespace leadscore::wasm {

/// Call from a module's EMSCRIPTEN_BINDINGS block; returns the Scorer's bindings to add methods to.
HandleType<Scorer> register_common();

}  // namespace leadscore::wasm
