// calibrate(): read the history, report close rates, fit, export, and measure the export. The
// exported model is scored through score() exactly as a user would score it, so the reported
// "test_exported" figures (and what rounding to whole points costs) are the ones a user gets.
#include <string>
#include <vector>

#include "analytics/detmath.h"
#include "analytics/leak_check.h"
#include "leadscore/calibrate.h"
#include "leadscore/model.h"
#include "leadscore/score.h"
#include "analytics/logistic_design.h"
#include "analytics/metrics.h"

namespace leadscore {

namespace {

struct Split {
  std::vector<double> log_odds, probability;
  std::vector<std::uint8_t> outcome;
};

Json warning(const std::string& code, const std::string& path, const std::string& message) {
  return Json{{"code", code}, {"path", path}, {"message", message}};
}

// Levels and bins whose training rows all converted or none did: their weight is held only by the
// L2 penalty, so their points say more about l2 than about the data.
void separating_warnings(const LogisticFit& fit, const fit_detail::Design& design, const History& history,
                         Json& warnings) {
  std::vector<std::size_t> conversions(fit.features.size(), 0);
  std::vector<fit_detail::Active> active;
  for (std::size_t row = 0; row < history.rows(); ++row) {
    if (row < history.is_test.size() && history.is_test[row]) continue;
    fit_detail::active_features(design, history, row, active);
    for (const auto& a : active) conversions[static_cast<std::size_t>(a.feature)] += history.outcome[row];
  }
  for (std::size_t i = 0; i < fit.features.size(); ++i) {
    const Feature& f = fit.features[i];
    if (f.kind == Feature::Kind::Linear || f.count < 10) continue;
    if (conversions[i] != 0 && conversions[i] != f.count) continue;
    const std::string& column = history.columns[f.column].name;
    warnings.push_back(warning("separating_value", "/columns/" + pointer_token(column),
                               "the value " + f.value + " of column " + column + " has " + std::to_string(f.count) +
                                   " training rows and " + (conversions[i] == 0 ? "no" : "only") +
                                   " conversions; its points rest on the l2 penalty"));
  }
}

Json split_metrics(const Split& s) {
  if (s.outcome.empty()) return nullptr;
  return metrics_json(s.log_odds, s.probability, s.outcome);
}

}  // namespace

Expected<Calibration> calibrate(std::istream& csv, const CalibrationOptions& options,
                                std::string_view source_name, const CalibrationPhaseHook& on_phase) {
  auto phase = [&](std::string_view name) {
    if (on_phase) on_phase(name);
  };
  phase("read");
  auto read = read_history(csv, options);
  if (!read) return read.error();
  const History& history = read.value();
  Calibration out;
  phase("report");
  out.report = close_rate_report(history, options);
  // Leak warnings read the training rows as the report does (they go after the read's warnings).
  Json leaks = Json::array();
  leak_warnings(history, leaks);
  phase("fit");
  auto fitted = fit_logistic(history, options);
  if (!fitted) return fitted.error();
  const LogisticFit& fit = fitted.value();
  out.fit = fit_json(fit, history, options);
  // The fit's own diagnostics belong to its phase (the warnings keep their place in the list).
  const fit_detail::Design design = fit_detail::design_from_features(fit.features, history);
  Json separating = Json::array();
  separating_warnings(fit, design, history, separating);
  phase("export");
  auto exported = export_scorecard(fit, history, options, source_name);
  if (!exported) return exported.error();
  out.model = std::move(exported).value();

  Split train, test;
  for (std::size_t row = 0; row < history.rows(); ++row) {
    Split& s = row < history.is_test.size() && history.is_test[row] ? test : train;
    const double z = fit_detail::design_log_odds(design, history, row, fit.weights, fit.intercept);
    s.log_odds.push_back(z);
    s.probability.push_back(det_logistic(z));
    s.outcome.push_back(history.outcome[row]);
  }

  // The export through the public scoring path.
  phase("score_test");
  auto model = Model::from_json(out.model);
  if (!model)
    return Error{"export_invalid", model.error().path,
                 "the exported model does not load (" + model.error().code + "): " + model.error().message};
  std::vector<double> exported_probability;
  ScoreOptions score_options;
  score_options.now = "1970-01-01T00:00:00Z";
  score_options.detail = Detail::Summary;  // the probability is all it reads
  ScoreResult result;
  LeadRecord lead;  // one record for every row: its buffers serve the next
  for (std::size_t row = 0; row < history.rows(); ++row) {
    if (!(row < history.is_test.size() && history.is_test[row])) continue;
    history_lead_into(history, row, lead);
    if (score_into(model.value(), lead, score_options, result) || !result.probability)
      return Error{"export_invalid", "", "the exported model did not score a test row"};
    exported_probability.push_back(*result.probability);
  }

  Json metrics = Json::object();
  metrics["train"] = split_metrics(train);
  metrics["test"] = split_metrics(test);
  metrics["test_exported"] =
      test.outcome.empty() ? Json(nullptr) : metrics_json(exported_probability, exported_probability, test.outcome);
  const auto test_auc = roc_auc(test.log_odds, test.outcome);
  const auto exported_auc = roc_auc(exported_probability, test.outcome);
  metrics["rounding_auc_cost"] = test_auc && exported_auc ? Json(round_to(*test_auc - *exported_auc, 6)) : Json(nullptr);
  out.metrics = metrics;
  out.model["x-calibration"]["metrics"] = std::move(metrics);

  out.warnings = history.warnings.is_array() ? history.warnings : Json::array();
  for (Json& w : leaks) out.warnings.push_back(std::move(w));
  if (!fit.converged)
    out.warnings.push_back(warning("not_converged", "/max_iterations",
                                   "the fit stopped after " + std::to_string(fit.iterations) +
                                       " iterations before its gradient reached the tolerance"));
  for (Json& w : separating) out.warnings.push_back(std::move(w));
  phase("done");
  return out;
}

}  // namespace leadscore
