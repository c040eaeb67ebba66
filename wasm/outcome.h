// What every call of the wasm module returns to JavaScript, and the helpers that build it. Shared
// by both modules (full_module.cpp, form_module.cpp).
#pragma once
#include <emscripten/val.h>

#include <string>

#include "leadscore/error.h"

namespace leadscore::wasm {

/// What every call returns to JavaScript: when ok, `json` is the result text's UTF-8 bytes as a
/// view into the module's memory (valid until the next call: bindings/js/errors.mjs decodes it at
/// once with TextDecoder), else code/path/message. A view rather than a std::string because
/// Emscripten 3.1.6's embind turns a std::string into a JS string by scanning every byte for NUL
/// in JavaScript first: most of the glue's time on a 4 KB result.
struct Outcome {
  bool ok = false;
  emscripten::val json = emscripten::val::undefined();
  std::string code;
  std::string path;
  std::string message;
};

/// A successful call: `json` views `text`, kept in a static buffer until the next success.
Outcome success(std::string text);
/// A failed call: the error's code, path and message.
Outcome failure(const Error& e);
/// {"error":{"code","path","message"}} as JSON text (a failing lead of a batch).
std::string error_json(const Error& e);

}  // namespace leadscore::wasm
