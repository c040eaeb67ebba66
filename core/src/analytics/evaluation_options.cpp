// Evaluation options: the JSON object of docs/evaluation.md ("Options") and the CLI's capacity text
// ("200/week"). Every failure is "options_invalid" at the JSON pointer of the value at fault; the
// messages name keys, never cell values.
#include <cmath>
#include <string>
#include <utility>

#include "analytics/test_split.h"
#include "leadscore/evaluate.h"
#include "leadscore/time.h"

namespace leadscore {
namespace {

Error invalid(const std::string& pointer, const std::string& message) { return Error{"options_invalid", pointer, message}; }

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string trim(const std::string& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && is_space(s[a])) ++a;
  while (b > a && is_space(s[b - 1])) --b;
  return s.substr(a, b - a);
}

// A plain decimal number ("200", "12.5"): digits only, so "1e9", "-3" and "0x10" are refused.
// Parsed digit by digit with * and + so the value is the same in every runtime.
bool parse_decimal(const std::string& s, double& out) {
  if (s.empty() || s.size() > 15) return false;
  double whole = 0, scale = 1;
  bool dot = false, digit = false;
  for (char c : s) {
    if (c == '.' && !dot) { dot = true; continue; }
    if (c < '0' || c > '9') return false;
    digit = true;
    if (dot) scale *= 10;
    whole = whole * 10 + (c - '0');
  }
  if (!digit) return false;
  out = whole / scale;
  return true;
}

bool valid_per(const std::string& per) { return per == "week" || per == "month" || per == "all" || per == "percent"; }

// Capacity counts above this are surely a typo; keeping them bounded keeps the arithmetic exact.
constexpr double kMaxCapacity = 1e12;

Expected<std::vector<std::string>> string_list(const Json& value, const std::string& pointer) {
  if (!value.is_array() || value.empty()) return invalid(pointer, "must be a non-empty array of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string()) return invalid(pointer + "/" + std::to_string(i), "must be a string");
    out.push_back(value[i].get<std::string>());
  }
  return out;
}

Expected<std::string> non_empty_string(const Json& value, const std::string& pointer) {
  if (!value.is_string() || value.get<std::string>().empty()) return invalid(pointer, "must be a non-empty string");
  return value.get<std::string>();
}

}  // namespace

Expected<std::pair<double, std::string>> parse_capacity(const std::string& text) {
  const std::string t = trim(text);
  std::string number = t, per = "all";
  if (!t.empty() && t.back() == '%') {
    number = trim(t.substr(0, t.size() - 1));
    per = "percent";
  } else if (const auto slash = t.find('/'); slash != std::string::npos) {
    number = trim(t.substr(0, slash));
    per = trim(t.substr(slash + 1));
    if (!valid_per(per) || per == "percent")
      return invalid("/capacity", "the capacity period must be week, month or all (\"200/week\")");
  }
  double count = 0;
  if (!parse_decimal(number, count) || count > kMaxCapacity)
    return invalid("/capacity", "expected a capacity such as 200/week, 50/month, 300 (whole file) or 15%");
  if (per == "percent" && count > 100) return invalid("/capacity", "a percentage capacity must be between 0 and 100");
  return std::make_pair(count, per);
}

Expected<EvaluationOptions> evaluation_options_from_json(const Json& options) {
  if (!options.is_object()) return invalid("", "the evaluation options must be a JSON object");
  EvaluationOptions out;
  bool capacity_given = false;
  for (auto it = options.begin(); it != options.end(); ++it) {
    const std::string& key = it.key();
    const Json& value = it.value();
    const std::string pointer = "/" + key;
    if (key == "outcome" || key == "date_column") {
      auto s = non_empty_string(value, pointer);
      if (!s) return s.error();
      (key == "outcome" ? out.outcome : out.date_column) = s.value();
    } else if (key == "positive" || key == "negative") {
      auto list = string_list(value, pointer);
      if (!list) return list.error();
      (key == "positive" ? out.positive : out.negative) = std::move(list).value();
    } else if (key == "period") {
      if (value == "week") out.period = EvaluationOptions::Period::Week;
      else if (value == "month") out.period = EvaluationOptions::Period::Month;
      else return invalid(pointer, "must be \"week\" or \"month\"");
    } else if (key == "capacity") {
      capacity_given = true;
      if (value.is_string()) {
        auto parsed = parse_capacity(value.get<std::string>());
        if (!parsed) return parsed.error();
        out.capacity_count = parsed.value().first;
        out.capacity_per = parsed.value().second;
      } else if (value.is_object()) {
        for (auto m = value.begin(); m != value.end(); ++m)
          if (m.key() != "count" && m.key() != "per") return invalid(pointer + "/" + m.key(), "unknown key (expected count and per)");
        const auto count = value.find("count");
        if (count == value.end() || !count->is_number() || !std::isfinite(count->get<double>()) ||
            count->get<double>() < 0 || count->get<double>() > kMaxCapacity)
          return invalid(pointer + "/count", "must be a number of leads, 0 or more");
        const auto per = value.find("per");
        if (per == value.end() || !per->is_string() || !valid_per(per->get<std::string>()))
          return invalid(pointer + "/per", "must be \"week\", \"month\", \"all\" or \"percent\"");
        out.capacity_count = count->get<double>();
        out.capacity_per = per->get<std::string>();
        if (out.capacity_per == "percent" && out.capacity_count > 100)
          return invalid(pointer + "/count", "a percentage capacity must be between 0 and 100");
      } else {
        return invalid(pointer, "must be {\"count\", \"per\"} or a text such as \"200/week\"");
      }
    } else if (key == "now") {
      if (!value.is_string() || !parse_instant(value.get<std::string>()))
        return invalid(pointer, "must be an ISO-8601 instant with an offset, e.g. 2026-11-23T00:00:00Z");
      out.now = value.get<std::string>();
    } else if (key == "delimiter") {
      if (value != "," && value != ";") return invalid(pointer, "must be \",\" or \";\"");
      out.delimiter = value.get<std::string>()[0];
    } else if (key == "test_every" || key == "test_seed") {
      const double d = value.is_number() ? value.get<double>() : -1;
      if (!(d >= 0 && d <= (key == "test_every" ? 1e9 : 9007199254740991.0)) || std::floor(d) != d)
        return invalid(pointer, "must be a whole number, 0 or more");
      if (key == "test_every") out.test_every = static_cast<std::size_t>(d);
      else out.test_seed = static_cast<std::uint64_t>(d);
    } else if (key == "test_fraction") {
      if (!value.is_number()) return invalid(pointer, "must be a number above 0 and below 1");
      out.test_fraction = value.get<double>();
    } else if (key == "test_from") {
      auto s = non_empty_string(value, pointer);
      if (!s) return s.error();
      out.test_from = s.value();
    } else {
      return invalid(pointer, "unknown option (expected outcome, positive, negative, date_column, period, capacity, now, "
                              "delimiter, test_every, test_fraction, test_seed, test_from)");
    }
  }
  if (out.outcome.empty()) return invalid("/outcome", "the outcome column is required");
  if (capacity_given && (out.capacity_per == "week" || out.capacity_per == "month") && out.date_column.empty())
    return invalid("/capacity", "a capacity per " + out.capacity_per + " needs date_column (which date each lead came in)");
  if (auto split = TestSplit::make(out.test_every, out.test_fraction, out.test_seed, out.test_from,
                                   !out.date_column.empty(), true);
      !split)
    return split.error();
  return out;
}

}  // namespace leadscore
