// L2-penalised logistic regression by Newton's method (docs/scorecard.md, "Logistic regression").
//
// Every record has at most one active feature per column, so one record adds (k+1)(k+2)/2 terms
// to the Hessian (k = columns) however many features there are; the dense solve is then
// (features+1)^3/6, bounded by max_features. Sums run over records in file order and over
// features in index order: the same bits natively and in wasm.
#include <algorithm>
#include <cmath>

#include "analytics/cholesky.h"
#include "analytics/detmath.h"
#include "leadscore/calibrate.h"
#include "analytics/logistic_design.h"

namespace leadscore {

namespace {

using fit_detail::Active;
using fit_detail::Design;

// The penalised objective at (intercept = w[0], weights = w[1..]); with `gradient` and `hessian`
// (upper triangle, row-major, (d x d)) when they are not null.
double evaluate(const Design& design, const History& history, const std::vector<std::size_t>& train,
                const std::vector<double>& w, double l2, std::vector<double>* gradient,
                std::vector<double>* hessian) {
  const std::size_t d = w.size();
  if (gradient) gradient->assign(d, 0.0);
  if (hessian) hessian->assign(d * d, 0.0);
  std::vector<Active> active;
  double loss = 0;
  for (std::size_t row : train) {
    fit_detail::active_features(design, history, row, active);
    double z = w[0];
    for (const Active& a : active) z += w[static_cast<std::size_t>(a.feature) + 1] * a.value;
    const bool y = history.outcome[row] != 0;
    // log(1 + e^-z) when converted, log(1 + e^z) when not: no cancellation for large |z|.
    loss += y ? det_log1p_exp(-z) : det_log1p_exp(z);
    if (!gradient) continue;
    const double p = det_logistic(z);
    const double residual = p - (y ? 1.0 : 0.0);
    const double curvature = p * (1 - p);
    std::vector<double>& g = *gradient;
    std::vector<double>& h = *hessian;
    g[0] += residual;
    h[0] += curvature;
    // Active features come in increasing index order (features are sorted by column), so
    // (i, j) with i <= j is always in the upper triangle.
    for (std::size_t m = 0; m < active.size(); ++m) {
      const std::size_t i = static_cast<std::size_t>(active[m].feature) + 1;
      const double cv = curvature * active[m].value;
      g[i] += residual * active[m].value;
      h[i] += cv;  // (0, i)
      double* h_row = &h[i * d];
      for (std::size_t n = m; n < active.size(); ++n)
        h_row[static_cast<std::size_t>(active[n].feature) + 1] += cv * active[n].value;
    }
  }
  double penalty = 0;
  for (std::size_t i = 1; i < d; ++i) penalty += w[i] * w[i];
  if (gradient) {
    for (std::size_t i = 1; i < d; ++i) {
      (*gradient)[i] += l2 * w[i];
      (*hessian)[i * d + i] += l2;
    }
  }
  return loss + l2 / 2 * penalty;
}

double max_abs(const std::vector<double>& v) {
  double m = 0;
  for (double x : v) m = std::max(m, std::fabs(x));
  return m;
}

bool all_finite(const std::vector<double>& v) {
  for (double x : v)
    if (!std::isfinite(x)) return false;
  return true;
}

Error fit_failed(const std::string& why) {
  return Error{"fit_failed", "", "the logistic fit failed: " + why + "; try a larger l2"};
}

}  // namespace

Expected<LogisticFit> fit_logistic(const History& history, const CalibrationOptions& options) {
  auto built = fit_detail::build_design(history, options);
  if (!built) return built.error();
  const Design& design = built.value();
  std::vector<std::size_t> train;
  std::size_t positives = 0;
  for (std::size_t row = 0; row < history.rows(); ++row) {
    if (row < history.is_test.size() && history.is_test[row]) continue;
    train.push_back(row);
    positives += history.outcome[row] ? 1 : 0;
  }
  if (positives == 0 || positives == train.size())
    return Error{"outcome_one_class", "", "the training rows need both converted and not converted leads"};

  const std::size_t d = design.features.size() + 1;
  std::vector<double> w(d, 0.0);
  // Start from the base rate: the intercept alone is then already optimal.
  w[0] = det_log(static_cast<double>(positives) / static_cast<double>(train.size() - positives));
  const double l2 = options.l2;
  const double threshold = options.tolerance * std::max(1.0, static_cast<double>(train.size()));

  LogisticFit fit;
  fit.train_rows = train.size();
  std::vector<double> gradient, hessian, step, candidate(d);
  double objective = evaluate(design, history, train, w, l2, &gradient, &hessian);
  for (;;) {
    if (!std::isfinite(objective) || !all_finite(gradient)) return fit_failed("a value is not finite");
    fit.gradient_max = max_abs(gradient);
    if (fit.gradient_max <= threshold) {
      fit.converged = true;
      break;
    }
    if (fit.iterations >= options.max_iterations) break;
    step = gradient;
    if (!fit_detail::cholesky_solve(hessian, d, step) || !all_finite(step))
      return fit_failed("the Hessian is not positive definite");
    // Step halving: the full Newton step first, halved until the objective does not increase.
    double t = 1;
    double next = objective;
    bool moved = false;
    for (int halvings = 0; halvings <= 40; ++halvings, t /= 2) {
      for (std::size_t i = 0; i < d; ++i) candidate[i] = w[i] - t * step[i];
      next = evaluate(design, history, train, candidate, l2, nullptr, nullptr);
      if (next <= objective) {
        moved = true;
        break;
      }
    }
    if (!moved) break;  // no decrease in floating point: as close as this arithmetic gets
    w = candidate;
    ++fit.iterations;
    fit.objective_history.push_back(next);
    objective = evaluate(design, history, train, w, l2, &gradient, &hessian);
  }
  fit.objective = objective;
  fit.intercept = w[0];
  fit.weights.assign(w.begin() + 1, w.end());
  fit.features = design.features;
  return fit;
}

double fit_log_odds(const LogisticFit& fit, const History& history, std::size_t row) {
  const Design design = fit_detail::design_from_features(fit.features, history);
  return fit_detail::design_log_odds(design, history, row, fit.weights, fit.intercept);
}

Json fit_json(const LogisticFit& fit, const History& history, const CalibrationOptions& options) {
  Json features = Json::array();
  for (std::size_t i = 0; i < fit.features.size(); ++i) {
    const Feature& f = fit.features[i];
    Json item = Json::object();
    item["column"] = f.column < history.columns.size() ? history.columns[f.column].name : "";
    item["kind"] = f.kind == Feature::Kind::Level ? "level" : f.kind == Feature::Kind::Bin ? "bin" : "linear";
    item["value"] = f.value;
    if (f.kind == Feature::Kind::Bin && !f.missing_bin) {
      item["from"] = f.from;
      item["to"] = f.to;
    }
    if (f.kind == Feature::Kind::Linear) {
      item["mean"] = f.mean;
      item["sd"] = f.sd;
      item["median"] = f.median;
    }
    item["count"] = f.count;
    item["weight"] = i < fit.weights.size() ? fit.weights[i] : 0.0;
    features.push_back(std::move(item));
  }
  Json out = Json::object();
  out["method"] = "logistic_l2_newton";
  out["l2"] = options.l2;
  out["numeric_mode"] = options.numeric_mode == CalibrationOptions::NumericMode::Bins ? "bins" : "standardize";
  out["rows"] = fit.train_rows;
  out["converged"] = fit.converged;
  out["iterations"] = fit.iterations;
  out["gradient_max"] = fit.gradient_max;
  out["objective"] = fit.objective;
  out["objective_history"] = fit.objective_history;
  out["intercept"] = fit.intercept;
  out["features"] = std::move(features);
  return out;
}

}  // namespace leadscore
