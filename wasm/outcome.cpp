// See outcome.h.
#include "outcome.h"

#include "leadscore/json.h"

namespace leadscore::wasm {
namespace {

// The text behind the latest successful Outcome (wasm is single-threaded; one text at a time).
std::string& latest_text() {
  static std::string text;
  return text;
}

}  // namespace

Outcome success(std::string json) {
  std::string& text = latest_text();
  text = std::move(json);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  return Outcome{true, emscripten::val(emscripten::typed_memory_view(text.size(), bytes)), "", "", ""};
}
Outcome failure(const Error& e) { return Outcome{false, emscripten::val::undefined(), e.code, e.path, e.message}; }

std::string error_json(const Error& e) {
  return leadscore::dump_json(Json{{"error", {{"code", e.code}, {"path", e.path}, {"message", e.message}}}});
}

}  // namespace leadscore::wasm
