// See module_common.h.
#include "module_common.h"

#include <string>

namespace leadscore::wasm {
namespace {

std::string default_model() { return std::string(leadscore::default_model_text()); }
std::string library_version() { return leadscore::kLibraryVersion; }

Outcome use_data(std::uintptr_t scorer, std::uintptr_t data) {
  return object_at<Scorer>(scorer).use_data(object_at<DataHandle>(data));
}

}  // namespace

HandleType<Scorer> register_common() {
  emscripten::value_object<Outcome>("Outcome")
      .field("ok", &Outcome::ok)
      .field("json", &Outcome::json)
      .field("code", &Outcome::code)
      .field("path", &Outcome::path)
      .field("message", &Outcome::message);
  emscripten::function("defaultModel", &default_model);
  emscripten::function("version", &library_version);
  HandleType<DataHandle>("DataPack").method<&DataHandle::load>("load");
  HandleType<Scorer> scorer("Scorer");
  scorer.method<&Scorer::load>("load")
      .method<&Scorer::info>("info")
      .method<&Scorer::score>("score")
      .method<&Scorer::check_field>("checkField")
      .method<&Scorer::check_lead>("checkLead")
      .method<&Scorer::submission>("submission")
      .method<&Scorer::verify>("verify")
      .function("useData", &use_data)
      .method<&Scorer::data_info>("dataInfo");
  return scorer;
}

}  // namespace leadscore::wasm
