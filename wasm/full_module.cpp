// The full module (`leadscore`): the form module's API plus accounts, evaluation, calibration,
// JsonLogic evaluation and model linting.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <sstream>
#include <string>

#include "leadscore/leadscore.h"
#include "module_common.h"

namespace leadscore::wasm {

const leadscore::ScoreReaders& module_score_readers() { return leadscore::all_score_readers(); }

namespace {

/// {"value": v}, or {"thrown": v, "message": m} when a community-edition rule raised an error
/// it did not catch (the caller's own data: JS hands it back on the LeadscoreError).
Outcome evaluate_logic(const std::string& rule_text, const std::string& data_text, const std::string& edition_name) {
  leadscore::LogicEdition edition = leadscore::LogicEdition::Classic;
  if (!leadscore::logic_edition_from_name(edition_name, edition))
    return failure({"unknown_logic_edition", "/edition", "the edition is \"classic\" or \"community-2025\""});
  auto rule = leadscore::parse_json(rule_text, "the rule");
  if (!rule) return failure(rule.error());
  auto data = leadscore::parse_json(data_text, "the data");
  if (!data) return failure(data.error());
  auto logic = leadscore::Logic::compile(rule.value(), "", leadscore::Limits{}, nullptr, edition);
  if (!logic) return failure(logic.error());
  leadscore::Json thrown;
  auto value = logic.value().apply(data.value(), nullptr, &thrown);
  if (!value && value.error().code == "logic_thrown")
    return success(leadscore::dump_json(leadscore::Json{{"thrown", thrown}, {"message", value.error().message}}));
  if (!value) return failure(value.error());
  return success(leadscore::dump_json(leadscore::Json{{"value", std::move(value).value()}}));
}

/// Calibrates from a historical CSV (text) with the JSON options of docs/calibration.md: returns
/// {report, fit, model, metrics, warnings}; with "report_only": the close-rate report alone.
/// `on_phase` is a JS function (or undefined) called with each phase name as it starts ("read",
/// "report", "fit", "export", "compare" (ebm), "score_test", "done"), so JavaScript can time them.
Outcome calibrate(const std::string& csv_text, const std::string& options_text, bool report_only,
                  emscripten::val on_phase) {
  auto options_json = leadscore::parse_json(options_text, "the calibration options");
  if (!options_json) return failure(options_json.error());
  auto options = leadscore::calibration_options_from_json(options_json.value());
  if (!options) return failure(options.error());
  std::istringstream csv(csv_text);
  if (report_only) {
    auto history = leadscore::read_history(csv, options.value());
    if (!history) return failure(history.error());
    return success(leadscore::dump_json(leadscore::close_rate_report(history.value(), options.value())));
  }
  leadscore::CalibrationPhaseHook hook;
  if (on_phase.typeOf().as<std::string>() == "function")
    hook = [&on_phase](std::string_view phase) { on_phase(std::string(phase)); };
  auto result = leadscore::calibrate(csv, options.value(), "history.csv", hook);
  if (!result) return failure(result.error());
  const auto& c = result.value();
  return success(leadscore::dump_json(Json{{"report", c.report}, {"fit", c.fit}, {"model", c.model},
                                          {"metrics", c.metrics}, {"warnings", c.warnings}}));
}

/// The first `max_records` records of a CSV text as the engine reads them (leadscore/csv.h).
Outcome preview_csv(const std::string& csv_text, double max_records) {
  std::istringstream csv(csv_text);
  const std::size_t n = max_records >= 0 && max_records <= 1000 ? static_cast<std::size_t>(max_records) : 1000;
  auto preview = leadscore::preview_csv(csv, n);
  if (!preview) return failure(preview.error());
  return success(leadscore::dump_json(preview.value()));
}

Outcome validate_model(const std::string& model_text) {
  auto model = leadscore::Model::parse(model_text);
  if (!model) return failure(model.error());
  Json findings = Json::array();
  for (const auto& f : leadscore::validate_model(model.value()))
    findings.push_back({{"code", f.code}, {"severity", f.severity}, {"path", f.path}, {"message", f.message}});
  return success(leadscore::dump_json(findings));
}

}  // namespace
}  // namespace leadscore::wasm

EMSCRIPTEN_BINDINGS(leadscore) {
  using namespace leadscore::wasm;
  register_common()
      .method<&Scorer::describe>("describe")
      .method<&Scorer::score_many>("scoreMany")
      .method<&Scorer::score_account>("scoreAccount")
      .method<&Scorer::evaluate>("evaluate")
      .method<&Scorer::describe_route>("describeRoute");
  emscripten::function("calibrate", &calibrate);
  emscripten::function("evaluateLogic", &evaluate_logic);
  emscripten::function("validateModel", &validate_model);
  emscripten::function("previewCsv", &preview_csv);
}
