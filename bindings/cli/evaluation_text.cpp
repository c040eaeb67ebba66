// See evaluation_text.h. Every figure printed is read from the JSON (rounded for display only),
// so the text never disagrees with `--format json`.
#include "evaluation_text.h"

#include <string>
#include <vector>

#include "report_table.h"

namespace leadscore::cli {
namespace {

Json at(const Json& object, const char* key) {
  return object.is_object() ? object.value(key, Json()) : Json();
}

std::string lift_text(const Json& lift) { return lift.is_number() ? fixed_text(lift, 2) + "x" : "-"; }

// ", test rows only (every 5th record; 7392 held out)" when a test split chose the rows.
std::string split_text(const Json& split) {
  if (!split.is_object()) return "";
  const std::string rule = text_at(split, "rule");
  std::string which = rule == "every"      ? "every " + text_at(split, "every") + "th record"
                      : rule == "fraction" ? "a share of " + text_at(split, "fraction") + ", seed " + text_at(split, "seed")
                                           : "dated from " + text_at(split, "from");
  return ", test rows only (" + which + "; " + text_at(split, "held_out") + " held out)";
}

void write_header(std::ostream& out, const Json& e) {
  const Json model = at(e, "model"), rows = at(e, "rows"), overall = at(e, "overall"), metrics = at(e, "metrics");
  out << "Model " << text_at(model, "id") << " " << text_at(model, "version") << " (" << text_at(model, "fingerprint")
      << ")\n"
      << "Rows: " << text_at(rows, "total") << " read, " << text_at(rows, "scored") << " scored, "
      << text_at(rows, "errors") << " errors" << split_text(at(rows, "split")) << "\n"
      << "Overall: " << text_at(overall, "conversions") << " conversions of " << text_at(overall, "count") << " = "
      << percent_text(at(overall, "rate")) << "\n"
      << "Ranked by " << text_at(e, "ranking") << ": ROC AUC " << fixed_text(at(metrics, "auc"), 4) << ", log loss "
      << fixed_text(at(metrics, "log_loss"), 4) << ", Brier " << fixed_text(at(metrics, "brier"), 4) << "\n";
}

void write_deciles(std::ostream& out, const Json& e) {
  const Json deciles = at(e, "deciles");
  if (!deciles.is_array() || deciles.empty()) return;
  out << "\nDeciles (1 = highest scores)\n  decile  " << pad("leads", 7, true) << "  " << pad("conv", 7, true) << "  "
      << pad("rate", 8, true) << "  " << pad("lift", 6, true) << "  " << pad("gain", 8, true) << "  "
      << pad("scores", 9, true) << "  " << pad("mean p", 8, true) << "\n";
  for (const Json& d : deciles) {
    const std::string scores = text_at(d, "score_min") + "-" + text_at(d, "score_max");
    const Json mean = at(d, "mean_probability");
    out << "  " << pad(text_at(d, "decile"), 6, true) << "  " << pad(text_at(d, "count"), 7, true) << "  "
        << pad(text_at(d, "conversions"), 7, true) << "  " << pad(percent_text(at(d, "rate")), 8, true) << "  "
        << pad(lift_text(at(d, "lift")), 6, true) << "  " << pad(percent_text(at(d, "gain")), 8, true) << "  "
        << pad(scores, 9, true) << "  " << pad(mean.is_number() ? percent_text(mean) : "-", 8, true) << "\n";
  }
}

void write_bands(std::ostream& out, const Json& e) {
  const Json bands = at(e, "bands");
  if (!bands.is_array() || bands.empty()) return;
  std::size_t width = 4;
  for (const Json& b : bands) width = std::max(width, text_at(b, "id").size());
  out << "\nBands\n  " << pad("band", width, false) << "  " << pad("leads", 7, true) << "  " << pad("share", 8, true)
      << "  " << pad("conv", 7, true) << "  " << pad("rate", 8, true) << "  " << pad("lift", 6, true) << "\n";
  for (const Json& b : bands)
    out << "  " << pad(text_at(b, "id"), width, false) << "  " << pad(text_at(b, "count"), 7, true) << "  "
        << pad(percent_text(at(b, "share")), 8, true) << "  " << pad(text_at(b, "conversions"), 7, true) << "  "
        << pad(percent_text(at(b, "rate")), 8, true) << "  " << pad(lift_text(at(b, "lift")), 6, true) << "\n";
}

void write_periods(std::ostream& out, const Json& e) {
  const Json periods = at(e, "periods");
  const Json items = at(periods, "items");
  if (!items.is_array()) return;
  std::vector<std::string> band_ids;
  for (const Json& b : at(e, "bands")) band_ids.push_back(text_at(b, "id"));
  out << "\nLeads per " << text_at(periods, "unit") << " (column " << text_at(periods, "column") << ")\n  "
      << pad("period", 8, false) << "  " << pad("start", 10, false) << "  " << pad("leads", 7, true) << "  "
      << pad("conv", 7, true);
  for (const std::string& id : band_ids) out << "  " << pad(id, 7, true);
  out << "\n";
  for (const Json& p : items) {
    out << "  " << pad(text_at(p, "period"), 8, false) << "  " << pad(text_at(p, "start"), 10, false) << "  "
        << pad(text_at(p, "count"), 7, true) << "  " << pad(text_at(p, "conversions"), 7, true);
    const Json counts = at(p, "bands");
    for (const std::string& id : band_ids) {
      const std::string n = text_at(counts, id.c_str());
      out << "  " << pad(n.empty() ? "0" : n, std::max<std::size_t>(7, id.size()), true);
    }
    out << "\n";
  }
}

void write_capacity(std::ostream& out, const Json& e) {
  const Json c = at(e, "capacity");
  if (!c.is_object()) return;
  const std::string per = text_at(c, "per");
  const std::string stated = per == "percent" ? text_at(c, "count") + " %"
                             : per == "all"   ? text_at(c, "count") + " in all"
                                              : text_at(c, "count") + "/" + per;
  out << "\nCapacity " << stated << ": ";
  if (!at(c, "threshold_score").is_number()) {
    out << "no score threshold fits (even the top score gives too many leads)\n";
    return;
  }
  out << "score >= " << text_at(c, "threshold_score") << " gives " << text_at(c, "leads") << " leads over "
      << text_at(c, "periods") << " period(s) (" << fixed_text(at(c, "leads_per_period"), 1) << " per period), "
      << text_at(c, "conversions") << " conversions: recall " << percent_text(at(c, "recall")) << ", rate "
      << percent_text(at(c, "rate")) << "\n";
}

void write_problems(std::ostream& out, const Json& e) {
  const Json errors = at(e, "errors");
  if (errors.is_array() && !errors.empty()) {
    out << "\nErrors (" << text_at(at(e, "rows"), "errors") << " records not used; the first " << errors.size()
        << " listed)\n";
    for (const Json& err : errors)
      out << "  line " << text_at(err, "line") << ": " << text_at(err, "code") << ": " << text_at(err, "message") << "\n";
  }
  const Json warnings = at(e, "warnings");
  if (warnings.is_array() && !warnings.empty()) out << "\n";
  if (warnings.is_array())
    for (const Json& w : warnings)
      out << "warning: " << text_at(w, "code") << " at " << text_at(w, "path") << ": " << text_at(w, "message") << "\n";
}

}  // namespace

void write_evaluation_text(std::ostream& out, const Json& evaluation) {
  write_header(out, evaluation);
  write_deciles(out, evaluation);
  write_bands(out, evaluation);
  write_periods(out, evaluation);
  write_capacity(out, evaluation);
  write_problems(out, evaluation);
}

}  // namespace leadscore::cli
