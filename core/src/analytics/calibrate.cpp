// calibrate(): read the history, report close rates, fit by the chosen method, export, and measure
// the export. The exported model is scored through score() exactly as a user would score it, so
// the reported "test_exported" figures (and what rounding to whole points costs) are the ones a
// user gets.
#include <string>
#include <vector>

#include "analytics/detmath.h"
#include "analytics/ebm_export.h"
#include "analytics/leak_check.h"
#include "analytics/logistic_design.h"
#include "analytics/metrics.h"
#include "analytics/score_scale.h"
#include "leadscore/calibrate.h"
#include "leadscore/model.h"
#include "leadscore/score.h"

namespace leadscore {

namespace {

using Phase = std::function<void(std::string_view)>;

// What a method hands back: its report, the exported model and the log-odds it gives every
// record before rounding to points.
struct Fitted {
  Json fit;
  Json model;
  std::vector<double> log_odds;
  Json warnings = Json::array();
  Json extra_metrics = Json::object();  // method-specific figures, merged into the metrics
};

struct Split {
  std::vector<double> log_odds, probability;
  std::vector<std::uint8_t> outcome;
};

bool is_test(const History& history, std::size_t row) { return row < history.is_test.size() && history.is_test[row]; }

Json warning(const std::string& code, const std::string& path, const std::string& message) {
  return Json{{"code", code}, {"path", path}, {"message", message}};
}

Split test_split(const History& history, const std::vector<double>& log_odds) {
  Split s;
  for (std::size_t row = 0; row < history.rows(); ++row) {
    if (!is_test(history, row)) continue;
    s.log_odds.push_back(log_odds[row]);
    s.probability.push_back(det_logistic(log_odds[row]));
    s.outcome.push_back(history.outcome[row]);
  }
  return s;
}

Json split_metrics(const Split& s) {
  if (s.outcome.empty()) return nullptr;
  return metrics_json(s.log_odds, s.probability, s.outcome);
}

// Levels and bins whose training rows all converted or none did: their weight is held only by the
// L2 penalty, so their points say more about l2 than about the data.
void separating_warnings(const LogisticFit& fit, const fit_detail::Design& design, const History& history,
                         Json& warnings) {
  std::vector<std::size_t> conversions(fit.features.size(), 0);
  std::vector<fit_detail::Active> active;
  for (std::size_t row = 0; row < history.rows(); ++row) {
    if (is_test(history, row)) continue;
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

// What the exported model gives every test row, through the public scoring path.
struct TestScores {
  std::vector<double> probability;
  std::vector<int> score;
  std::vector<std::size_t> band;  // index into the model's bands
};

Expected<TestScores> score_test_rows(const Json& model_json, const History& history) {
  auto model = Model::from_json(model_json);
  if (!model)
    return Error{"export_invalid", model.error().path,
                 "the exported model does not load (" + model.error().code + "): " + model.error().message};
  TestScores out;
  ScoreOptions score_options;
  score_options.now = "1970-01-01T00:00:00Z";
  score_options.detail = Detail::Summary;  // the probability is all it reads
  ScoreResult result;
  LeadRecord lead;  // one record for every row: its buffers serve the next
  for (std::size_t row = 0; row < history.rows(); ++row) {
    if (!is_test(history, row)) continue;
    history_lead_into(history, row, lead);
    if (score_into(model.value(), lead, score_options, result) || !result.probability)
      return Error{"export_invalid", "", "the exported model did not score a test row"};
    out.probability.push_back(*result.probability);
    out.score.push_back(result.score);
    out.band.push_back(static_cast<std::size_t>(result.band - model.value().bands().data()));
  }
  return out;
}

// The band volumes of scored rows: per band of the model its score range, leads, share,
// conversions and conversion rate.
Json band_volumes(const Json& model, const TestScores& scores, const std::vector<std::uint8_t>& outcome) {
  const Json& bands = model["bands"];
  std::vector<std::size_t> count(bands.size(), 0), conversions(bands.size(), 0);
  for (std::size_t i = 0; i < scores.band.size(); ++i) {
    ++count[scores.band[i]];
    conversions[scores.band[i]] += outcome[i];
  }
  Json out = Json::array();
  const double rows = static_cast<double>(scores.band.size());
  for (std::size_t b = 0; b < bands.size(); ++b) {
    const double n = static_cast<double>(count[b]);
    out.push_back(Json{{"id", bands[b]["id"]}, {"from", bands[b]["from"]}, {"to", bands[b]["to"]}, {"count", count[b]},
                       {"share", rows > 0 ? Json(round_to(n / rows, 4)) : Json(nullptr)},
                       {"conversions", conversions[b]},
                       {"rate", count[b] > 0 ? Json(round_to(static_cast<double>(conversions[b]) / n, 4)) : Json(nullptr)}});
  }
  return out;
}

// Test figures of exported probabilities: AUC, log loss, Brier, the reliability table and the
// calibration error (null without test rows).
Json exported_figures(const std::vector<double>& probability, const std::vector<std::uint8_t>& outcome) {
  if (outcome.empty()) return nullptr;
  Json figures = metrics_json(probability, probability, outcome);
  figures["reliability"] = reliability_json(probability, outcome);
  const auto error = calibration_error(figures["reliability"]);
  figures["calibration_error"] = error ? Json(round_to(*error, 4)) : Json(nullptr);
  return figures;
}

std::vector<double> logistic_log_odds(const LogisticFit& fit, const fit_detail::Design& design, const History& history) {
  std::vector<double> z(history.rows());
  for (std::size_t row = 0; row < history.rows(); ++row)
    z[row] = fit_detail::design_log_odds(design, history, row, fit.weights, fit.intercept);
  return z;
}

Expected<Fitted> fit_by_logistic(const History& history, const CalibrationOptions& options, std::string_view source,
                                 const Phase& phase) {
  phase("fit");
  auto fitted = fit_logistic(history, options);
  if (!fitted) return fitted.error();
  const LogisticFit& fit = fitted.value();
  Fitted out;
  out.fit = fit_json(fit, history, options);
  const fit_detail::Design design = fit_detail::design_from_features(fit.features, history);
  separating_warnings(fit, design, history, out.warnings);
  if (!fit.converged)
    out.warnings.insert(out.warnings.begin(),
                        warning("not_converged", "/max_iterations",
                                "the fit stopped after " + std::to_string(fit.iterations) +
                                    " iterations before its gradient reached the tolerance"));
  out.log_odds = logistic_log_odds(fit, design, history);
  phase("export");
  auto exported = export_scorecard(fit, history, options, source);
  if (!exported) return exported.error();
  out.model = std::move(exported).value();
  return out;
}

// Explainable boosting, and for comparison the shapes alone ("test_shapes_only") and the logistic
// method's exported model on the same test rows ("logistic").
Expected<Fitted> fit_by_ebm(const History& history, const CalibrationOptions& options, std::string_view source,
                            const Phase& phase) {
  phase("fit");
  auto fitted = ebm_detail::fit_ebm(history, options);
  if (!fitted) return fitted.error();
  const ebm_detail::EbmFit& fit = fitted.value();
  Fitted out;
  out.fit = ebm_detail::ebm_fit_json(fit, history, options);
  out.log_odds.resize(history.rows());
  std::vector<double> shapes_only(history.rows());
  for (std::size_t row = 0; row < history.rows(); ++row) {
    out.log_odds[row] = ebm_detail::ebm_log_odds(fit, row, true);
    shapes_only[row] = ebm_detail::ebm_log_odds(fit, row, false);
  }
  phase("export");
  auto exported = ebm_detail::export_ebm(fit, history, options, source);
  if (!exported) return exported.error();
  out.model = std::move(exported).value();
  phase("compare");
  out.extra_metrics["test_shapes_only"] = split_metrics(test_split(history, shapes_only));
  // The logistic method's exported model on the same test rows (nothing when it cannot be fitted,
  // e.g. more one-hot features than max_features).
  out.extra_metrics["logistic"] = nullptr;
  if (auto logistic = fit_logistic(history, options)) {
    auto model = export_scorecard(logistic.value(), history, options, source);
    if (!model) return model.error();
    auto scored = score_test_rows(model.value(), history);
    if (!scored) return scored.error();
    out.extra_metrics["logistic"] = exported_figures(scored.value().probability, test_split(history, out.log_odds).outcome);
  }
  return out;
}

}  // namespace

Expected<Calibration> calibrate(std::istream& csv, const CalibrationOptions& options,
                                std::string_view source_name, const CalibrationPhaseHook& on_phase) {
  const Phase phase = [&](std::string_view name) {
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
  auto fitted = options.method == CalibrationOptions::Method::Ebm ? fit_by_ebm(history, options, source_name, phase)
                                                                   : fit_by_logistic(history, options, source_name, phase);
  if (!fitted) return fitted.error();
  Fitted& fit = fitted.value();
  out.fit = std::move(fit.fit);
  out.model = std::move(fit.model);
  // Part of the export: the scale and bands from the training leads' points.
  if (auto scaled = fit_detail::fit_scale_and_bands(out.model, history, options); !scaled) return scaled.error();

  Split train;
  for (std::size_t row = 0; row < history.rows(); ++row) {
    if (is_test(history, row)) continue;
    train.log_odds.push_back(fit.log_odds[row]);
    train.probability.push_back(det_logistic(fit.log_odds[row]));
    train.outcome.push_back(history.outcome[row]);
  }
  const Split test = test_split(history, fit.log_odds);

  // The export through the public scoring path.
  phase("score_test");
  auto scored = score_test_rows(out.model, history);
  if (!scored) return scored.error();
  const std::vector<double>& exported_probability = scored.value().probability;

  Json metrics = Json::object();
  metrics["train"] = split_metrics(train);
  metrics["test"] = split_metrics(test);
  metrics["test_exported"] =
      test.outcome.empty() ? Json(nullptr) : metrics_json(exported_probability, exported_probability, test.outcome);
  const auto test_auc = roc_auc(test.log_odds, test.outcome);
  const auto exported_auc = roc_auc(exported_probability, test.outcome);
  metrics["rounding_auc_cost"] = test_auc && exported_auc ? Json(round_to(*test_auc - *exported_auc, 6)) : Json(nullptr);
  // How well the exported probabilities are calibrated on the test rows (the training rows when
  // there is no test set).
  const Json figures = test.outcome.empty() ? exported_figures(train.probability, train.outcome)
                                             : exported_figures(exported_probability, test.outcome);
  metrics["reliability"] = figures["reliability"];
  metrics["calibration_error"] = figures["calibration_error"];
  // Band volumes and leads at score 0 on the test rows: whether the scale and bands fit the base rate.
  if (!test.outcome.empty()) {
    metrics["bands"] = band_volumes(out.model, scored.value(), test.outcome);
    std::size_t zero = 0;
    for (int score : scored.value().score) zero += score == 0 ? 1 : 0;
    metrics["zero_score_share"] = round_to(static_cast<double>(zero) / static_cast<double>(test.outcome.size()), 4);
  } else {
    metrics["bands"] = nullptr;
    metrics["zero_score_share"] = nullptr;
  }
  for (auto it = fit.extra_metrics.begin(); it != fit.extra_metrics.end(); ++it) metrics[it.key()] = it.value();
  out.metrics = metrics;
  out.model["x-calibration"]["metrics"] = std::move(metrics);

  out.warnings = history.warnings.is_array() ? history.warnings : Json::array();
  for (Json& w : leaks) out.warnings.push_back(std::move(w));
  for (Json& w : fit.warnings) out.warnings.push_back(std::move(w));
  phase("done");
  return out;
}

}  // namespace leadscore
