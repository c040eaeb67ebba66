#include "analytics/scorecard_meta.h"

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
  out["numeric_mode"] = o.numeric_mode == CalibrationOptions::NumericMode::Bins ? "bins" : "standardize";
  out["bins"] = o.bins;
  out["min_count"] = o.min_count;
  out["l2"] = o.l2;
  out["max_iterations"] = o.max_iterations;
  out["tolerance"] = o.tolerance;
  out["points_to_double_odds"] = o.points_to_double_odds;
  return out;
}

std::string file_name_only(std::string_view source) {
  const std::size_t slash = source.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? source : source.substr(slash + 1));
}

}  // namespace leadscore::fit_detail
