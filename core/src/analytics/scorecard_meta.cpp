#include "analytics/scorecard_meta.h"

#include <algorithm>
#include <cmath>

#include "analytics/detmath.h"

namespace leadscore::fit_detail {

std::string field_slug(std::string_view header, std::set<std::string>& taken) {
  std::string slug;
  for (char ch : header) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z') slug += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug += static_cast<char>(c);
    else if (!slug.empty() && slug.back() != '_') slug += '_';
  }
  while (!slug.empty() && slug.back() == '_') slug.pop_back();
  if (slug.empty()) slug = "field";
  if (slug[0] >= '0' && slug[0] <= '9') slug = "_" + slug;
  if (slug.size() > 120) slug.resize(120);
  std::string name = slug;
  for (int n = 2; taken.count(name) != 0; ++n) name = slug + "_" + std::to_string(n);
  taken.insert(name);
  return name;
}

Json options_json(const CalibrationOptions& o) {
  Json out = Json::object();
  out["outcome"] = o.outcome;
  out["positive"] = o.positive;
  out["negative"] = o.negative;
  out["columns"] = o.columns;
  out["ignore"] = o.ignore;
  out["categorical"] = o.categorical;
  out["numeric"] = o.numeric;
  out["missing_values"] = o.missing_values;
  out["date_column"] = o.date_column.empty() ? Json(nullptr) : Json(o.date_column);
  out["test_every"] = o.test_every;
  // The other split rules only when used (they win over test_every), so that earlier exports keep
  // their bytes.
  if (o.test_fraction > 0) {
    out["test_fraction"] = o.test_fraction;
    out["test_seed"] = o.test_seed;
  }
  if (!o.test_from.empty()) out["test_from"] = o.test_from;
  // The method's settings only for the new method, so that logistic exports keep their bytes.
  if (o.method == CalibrationOptions::Method::Ebm) {
    out["method"] = "ebm";
    out["interactions"] = o.interactions;
    out["shape_bins"] = o.shape_bins;
    out["rounds"] = o.rounds;
    out["interaction_rounds"] = o.interaction_rounds;
    out["learning_rate"] = o.learning_rate;
  }
  out["numeric_mode"] = o.numeric_mode == CalibrationOptions::NumericMode::Bins ? "bins" : "standardize";
  out["bins"] = o.bins;
  out["min_count"] = o.min_count;
  out["l2"] = o.l2;
  out["max_iterations"] = o.max_iterations;
  out["tolerance"] = o.tolerance;
  out["points_to_double_odds"] = o.points_to_double_odds;
  out["scale"] = o.scale == CalibrationOptions::Scale::Training ? "training" : "odds";
  out["bands"] = o.bands == CalibrationOptions::Bands::Shares ? "shares" : "fixed";
  if (o.bands == CalibrationOptions::Bands::Shares) out["band_shares"] = o.band_shares;
  return out;
}

namespace {
Json band(const char* id, const char* label, const char* action, int from, int to) {
  return Json{{"id", id}, {"label", label}, {"action", action}, {"from", from}, {"to", to}};
}
}  // namespace

Json calibrated_model(const CalibrationOptions& options, const History& history, std::string_view source_name,
                      std::size_t train_rows, const std::string& description, Json fields, Json groups, Json rules,
                      double reference_log_odds) {
  const double pdo = options.points_to_double_odds;
  const double factor = pdo / kLn2;
  const double even = -std::round(reference_log_odds * factor);
  const double half_range = pdo * (det_log(19) / kLn2);  // odds 19:1 is log2(19) doublings
  Json model = Json::object();
  model["format_version"] = 1;
  model["id"] = options.model_id;
  model["version"] = options.model_version;
  model["description"] = description;
  model["fields"] = std::move(fields);
  model["groups"] = std::move(groups);
  model["rules"] = std::move(rules);
  model["scale"] = Json{{"min", static_cast<long long>(std::round(even - half_range))},
                        {"max", static_cast<long long>(std::round(even + half_range))}};
  model["bands"] = Json::array({band("cold", "Cold", "nurture", 0, 29), band("warm", "Warm", "review", 30, 69),
                                band("hot", "Hot", "call", 70, 100)});
  model["probability"] = Json{{"even_odds_points", static_cast<long long>(even)}, {"points_to_double_odds", pdo}};
  std::size_t test_rows = 0;
  for (std::uint8_t t : history.is_test) test_rows += t;
  std::string last_date;
  for (const std::string& d : history.dates) last_date = std::max(last_date, d);
  model["x-calibration"] = Json{
      {"source", file_name_only(source_name)},
      {"options", options_json(options)},
      {"rows", Json{{"total", history.rows()}, {"train", train_rows}, {"test", test_rows}}},
      {"metrics", nullptr},
      {"date", last_date.empty() ? Json(nullptr) : Json(last_date)}};
  return model;
}

std::string file_name_only(std::string_view source) {
  const std::size_t slash = source.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? source : source.substr(slash + 1));
}

}  // namespace leadscore::fit_detail
