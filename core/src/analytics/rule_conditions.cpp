#include "analytics/rule_conditions.h"

namespace leadscore::fit_detail {

Json var_of(const std::string& field) { return Json{{"var", field}}; }
Json negation(Json x) { return Json{{"!", std::move(x)}}; }

Json missing_when(const std::string& field, const CalibrationOptions& options) {
  Json missing = Json{{"missing", Json::array({field})}};
  if (options.missing_values.empty()) return missing;
  return Json{{"or", Json::array({missing, Json{{"in", Json::array({var_of(field), options.missing_values})}}})}};
}

Json present_conditions(const std::string& field, const CalibrationOptions& options) {
  Json present = Json::array({negation(Json{{"missing", Json::array({field})}})});
  if (!options.missing_values.empty())
    present.push_back(negation(Json{{"in", Json::array({var_of(field), options.missing_values})}}));
  return present;
}

Json range_when(const std::string& field, const CalibrationOptions& options, double from, double to,
                bool open_below, bool open_above) {
  Json all = present_conditions(field, options);
  if (!open_below) all.push_back(Json{{">=", Json::array({var_of(field), from})}});
  if (!open_above) all.push_back(Json{{"<", Json::array({var_of(field), to})}});
  return Json{{"and", all}};
}

Json other_when(const std::string& field, const CalibrationOptions& options, const Json& listed) {
  Json all = present_conditions(field, options);
  all.push_back(negation(Json{{"in", Json::array({var_of(field), listed})}}));
  return Json{{"and", all}};
}

std::string number_text(double v) { return dump_json(Json(v)); }

std::string range_label(double from, double to, bool last) {
  return "[" + number_text(from) + ", " + number_text(to) + (last ? "]" : ")");
}

}  // namespace leadscore::fit_detail
