// See module_common.h.
#include "module_common.h"

#include <string>

namespace leadscore::wasm {
namespace {

std::string default_model() { return std::string(leadscore::default_model_text()); }
std::string library_version() { return leadscore::kLibraryVersion; }

}  // namespace

emscripten::class_<Scorer> register_common() {
  emscripten::value_object<Outcome>("Outcome")
      .field("ok", &Outcome::ok)
      .field("json", &Outcome::json)
      .field("code", &Outcome::code)
      .field("path", &Outcome::path)
      .field("message", &Outcome::message);
  emscripten::function("defaultModel", &default_model);
  emscripten::function("version", &library_version);
  emscripten::class_<DataHandle>("DataPack").constructor<>().function("load", &DataHandle::load);
  emscripten::class_<Scorer> scorer("Scorer");
  scorer.constructor<>()
      .function("load", &Scorer::load)
      .function("info", &Scorer::info)
      .function("score", &Scorer::score)
      .function("checkField", &Scorer::check_field)
      .function("checkLead", &Scorer::check_lead)
      .function("submission", &Scorer::submission)
      .function("verify", &Scorer::verify)
      .function("useData", &Scorer::use_data)
      .function("dataInfo", &Scorer::data_info);
  return scorer;
}

}  // namespace leadscore::wasm
