// See calibration_summary.h.
#include "calibration_summary.h"

#include <cstdio>
#include <string>

#include "report_table.h"

namespace leadscore::cli {
namespace {

std::string metric(const Json& metrics, const char* set, const char* key, int decimals) {
  const Json entry = metrics.is_object() ? metrics.value(set, Json()) : Json();
  return entry.is_object() ? fixed_text(entry.value(key, Json()), decimals) : "-";
}

std::string ms_text(double ms) {
  char text[32];
  std::snprintf(text, sizeof text, ms < 10 ? "%.1f" : "%.0f", ms);
  return text;
}

std::string phase_ms(const PhaseTimes& times, const char* phase) {
  for (const auto& [name, ms] : times)
    if (name == phase) return ms_text(ms);
  return "-";
}

}  // namespace

void write_warnings(std::ostream& err, const Json& warnings) {
  if (!warnings.is_array()) return;
  for (const Json& w : warnings)
    err << "warning: " << text_at(w, "code") << " at " << text_at(w, "path") << ": " << text_at(w, "message") << "\n";
}

// "numeric (3): a, b, c" then "categorical (19): ...": the kind every feature column was read as
// (decided from the whole file; --numeric / --categorical override it).
void write_column_kinds(std::ostream& err, const Json& columns) {
  if (!columns.is_array()) return;
  for (const char* kind : {"numeric", "categorical"}) {
    std::string names;
    std::size_t count = 0;
    for (const Json& c : columns) {
      if (text_at(c, "kind") != kind) continue;
      names += (count++ ? ", " : "") + text_at(c, "name");
    }
    if (count > 0) err << kind << " (" << count << "): " << names << "\n";
  }
}

// Explainable boosting: its terms, what the pairs add, the rule count and the logistic method's
// figures on the same test rows.
void write_ebm_summary(std::ostream& err, const Calibration& c, const PhaseTimes& times) {
  const Json terms = c.fit.value("terms", Json::array());
  const Json pairs = c.fit.value("interactions", Json::array());
  err << "fit: explainable boosting, " << text_at(c.fit, "rounds") << " rounds over " << terms.size()
      << " columns, then " << text_at(c.fit, "interaction_rounds") << " over " << pairs.size() << " pairs (best of "
      << text_at(c.fit, "pairs_ranked") << " ranked) in " << phase_ms(times, "fit") << " ms\n";
  for (const Json& pair : pairs) {
    const Json columns = pair.value("columns", Json::array());
    err << "  pair: " << (columns.size() == 2 ? columns[0].get<std::string>() + " x " + columns[1].get<std::string>()
                                                       : std::string("-"))
        << " (ranking gain " << fixed_text(pair.value("gain", Json()), 1) << ", importance "
        << fixed_text(pair.value("importance", Json()), 3) << ")\n";
  }
  std::size_t pair_rules = 0, rules = 0;
  for (const Json& rule : c.model.value("rules", Json::array())) {
    ++rules;
    if (text_at(rule, "group").rfind("pair", 0) == 0) ++pair_rules;
  }
  err << "exported: " << rules << " rules (" << rules - pair_rules << " for the columns, " << pair_rules
      << " for the pairs)\n";
}

void write_logistic_fit(std::ostream& err, const Calibration& c, const PhaseTimes& times) {
  const bool converged = c.fit.is_object() && c.fit.value("converged", Json(false)) == Json(true);
  char gradient[64] = "-";
  if (c.fit.is_object() && c.fit.value("gradient_max", Json()).is_number())
    std::snprintf(gradient, sizeof gradient, "%.2g", c.fit["gradient_max"].get<double>());
  err << "fit: " << text_at(c.fit, "iterations") << " Newton iterations, "
      << (converged ? "converged" : "NOT converged (raise --max-iterations or --l2)") << " (max gradient "
      << gradient << ") in " << phase_ms(times, "fit") << " ms\n";
}

// "bands (test rows): cold 0-41 912 leads 49.4 %, 8.1 % converted; ...; score 0: 0.9 %".
void write_band_volumes(std::ostream& err, const Json& m) {
  const Json bands = m.value("bands", Json());
  if (!bands.is_array()) return;
  err << "bands (test rows):";
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const Json& b = bands[i];
    const Json share = b.value("share", Json()), rate = b.value("rate", Json());
    err << (i ? "; " : " ") << text_at(b, "id") << ' ' << text_at(b, "from") << '-' << text_at(b, "to") << ' '
        << text_at(b, "count") << " leads " << (share.is_number() ? fixed_text(Json(share.get<double>() * 100), 1) + " %" : "-")
        << ", " << (rate.is_number() ? fixed_text(Json(rate.get<double>() * 100), 1) + " %" : "-") << " converted";
  }
  const Json zero = m.value("zero_score_share", Json());
  err << "; score 0: " << (zero.is_number() ? fixed_text(Json(zero.get<double>() * 100), 1) + " %" : "-") << "\n";
}

void write_calibration_summary(std::ostream& err, const Calibration& c, const PhaseTimes& times) {
  const Json rows = c.report.is_object() ? c.report.value("rows", Json::object()) : Json::object();
  const bool ebm = c.fit.is_object() && c.fit.value("method", Json()) == Json("ebm");
  const Json features = c.fit.is_object() ? c.fit.value(ebm ? "terms" : "features", Json::array()) : Json::array();
  err << "rows: " << text_at(rows, "train") << " train, " << text_at(rows, "test") << " test ("
      << text_at(rows, "total") << " in all); " << (features.is_array() ? features.size() : 0)
      << (ebm ? " columns\n" : " features\n");
  write_column_kinds(err, c.report.is_object() ? c.report.value("columns", Json::array()) : Json::array());
  if (ebm) write_ebm_summary(err, c, times);
  else write_logistic_fit(err, c, times);
  double total = 0;
  err << "time:";
  for (std::size_t i = 0; i < times.size(); ++i) {
    err << (i ? ", " : " ") << (times[i].first == "score_test" ? "test scoring" : times[i].first) << ' '
        << ms_text(times[i].second) << " ms";
    total += times[i].second;
  }
  err << "; " << ms_text(total) << " ms in all\n";

  const Json& m = c.metrics;
  const Json test = m.is_object() ? m.value("test", Json()) : Json();
  if (test.is_object()) {
    err << "test AUC " << metric(m, "test", "auc", 4) << " (continuous) vs " << metric(m, "test_exported", "auc", 4)
        << " (exported points): rounding costs " << fixed_text(m.value("rounding_auc_cost", Json()), 4) << "\n"
        << "test log loss " << metric(m, "test", "log_loss", 4) << " (exported "
        << metric(m, "test_exported", "log_loss", 4) << "), Brier " << metric(m, "test", "brier", 4) << "\n"
        << "calibration error " << fixed_text(m.value("calibration_error", Json()), 4)
        << " (exported, test rows; reliability table in the fit report)\n";
    write_band_volumes(err, m);
    if (ebm) {
      err << "shapes alone: test AUC " << metric(m, "test_shapes_only", "auc", 4) << "; the pairs add "
          << fixed_text(m.value("test", Json()).value("auc", Json()).is_number() &&
                                m.value("test_shapes_only", Json()).value("auc", Json()).is_number()
                            ? Json(m["test"]["auc"].get<double>() - m["test_shapes_only"]["auc"].get<double>())
                            : Json(),
                        4)
          << "\n";
      err << "logistic on the same rows: test AUC " << metric(m, "logistic", "auc", 4) << ", log loss "
          << metric(m, "logistic", "log_loss", 4) << ", calibration error " << metric(m, "logistic", "calibration_error", 4)
          << " (exported)\n";
    }
  } else {
    err << "no test set (--test-every 0): train AUC " << metric(m, "train", "auc", 4) << ", log loss "
        << metric(m, "train", "log_loss", 4) << "\n";
  }
  write_warnings(err, c.warnings);
}

}  // namespace leadscore::cli
