// See report_table.h.
#include "report_table.h"

#include <cstdio>
#include <string>
#include <vector>

#include "output.h"

namespace leadscore::cli {
namespace {

constexpr std::size_t kMaxValueWidth = 40;

// Code points, not bytes: column headers and values are often accented (CSV exports in French).
std::size_t display_width(const std::string& text) {
  std::size_t n = 0;
  for (const unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Cut at a code point boundary so a shortened value stays valid UTF-8.
std::string shorten(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) return text;
  std::size_t kept = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (kept == width - 3) break;
      ++kept;
    }
  }
  return text.substr(0, i) + "...";
}

std::string number_cell(const Json& v) { return v.is_number() ? dump_json(v) : ""; }

std::string signed_points(const Json& v) {
  if (!v.is_number()) return "";
  const std::string text = dump_json(v);
  return v.get<double>() > 0 ? "+" + text : text;
}

std::string interval_text(const Json& low, const Json& high) {
  if (!low.is_number() || !high.is_number()) return "";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.1f-%.1f %%", low.get<double>() * 100, high.get<double>() * 100);
  return buffer;
}

}  // namespace

std::string text_at(const Json& object, const char* key) {
  if (!object.is_object()) return "";
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : dump_json(*it);
}

std::string pad(const std::string& text, std::size_t width, bool right) {
  const std::size_t w = display_width(text);
  if (w >= width) return text;
  return right ? std::string(width - w, ' ') + text : text + std::string(width - w, ' ');
}

std::string percent_text(const Json& rate) {
  if (!rate.is_number()) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.1f %%", rate.get<double>() * 100);
  return buffer;
}

std::string fixed_text(const Json& value, int decimals) {
  if (!value.is_number()) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value.get<double>());
  return buffer;
}

void write_report_table(std::ostream& out, const Json& report) {
  const Json rows = report.value("rows", Json::object());
  const Json overall = report.value("overall", Json::object());
  const Json method = report.value("method", Json::object());
  out << "Close rates over " << text_at(rows, "train") << " training rows (" << text_at(rows, "test")
      << " test rows left out, " << text_at(rows, "total") << " in all)\n"
      << "Overall: " << text_at(overall, "conversions") << " conversions of " << text_at(overall, "count")
      << " = " << percent_text(overall.value("rate", Json())) << "\n"
      << "CI: Wilson 95 %; * = the interval excludes the overall rate. Points = (shrunk rate - overall)"
      << " x 100 x " << dump_json(method.value("points_per_percentage_point", Json(1)))
      << ", shrunk toward the overall rate with prior strength "
      << dump_json(method.value("prior_strength", Json(20))) << ".\n";
  for (const Json& column : report.value("columns", Json::array())) {
    const Json values = column.value("values", Json::array());
    std::size_t width = 5;
    for (const Json& v : values) width = std::max(width, display_width(shorten(text_at(v, "value"), kMaxValueWidth)));
    width = std::min(width, kMaxValueWidth);
    out << "\n" << text_at(column, "name") << " (" << text_at(column, "kind") << ")\n";
    out << "  " << pad("value", width, false) << "  " << pad("count", 8, true) << "  " << pad("conv", 8, true)
        << "  " << pad("rate", 9, true) << "   " << pad("lift", 5, true) << "  " << pad("95 % CI", 15, true)
        << "  " << pad("points", 6, true) << "\n";
    for (const Json& v : values) {
      const bool significant = v.value("significant", Json(false)) == Json(true);
      out << "  " << pad(shorten(text_at(v, "value"), kMaxValueWidth), width, false) << "  "
          << pad(number_cell(v.value("count", Json())), 8, true) << "  "
          << pad(number_cell(v.value("conversions", Json())), 8, true) << "  "
          << pad(percent_text(v.value("rate", Json())), 9, true) << (significant ? " * " : "   ")
          << pad(fixed_text(v.value("lift", Json()), 2), 5, true) << "  "
          << pad(interval_text(v.value("ci_low", Json()), v.value("ci_high", Json())), 15, true) << "  "
          << pad(signed_points(v.value("points", Json())), 6, true) << "\n";
    }
  }
  const Json warnings = report.value("warnings", Json::array());
  if (!warnings.empty()) out << "\n";
  for (const Json& w : warnings)
    out << "warning: " << text_at(w, "code") << " at " << text_at(w, "path") << ": " << text_at(w, "message") << "\n";
}

void write_report_csv(std::ostream& out, const Json& report) {
  static const std::vector<const char*> kNumbers{"from", "to", "count", "conversions", "rate", "lift",
                                                 "ci_low", "ci_high", "shrunk_rate", "points"};
  out << "column,kind,value";
  for (const char* key : kNumbers) out << ',' << key;
  out << ",significant\n";
  for (const Json& column : report.value("columns", Json::array())) {
    const std::string prefix = csv_cell(text_at(column, "name")) + "," + csv_cell(text_at(column, "kind")) + ",";
    for (const Json& v : column.value("values", Json::array())) {
      out << prefix << csv_cell(text_at(v, "value"));
      for (const char* key : kNumbers) out << ',' << number_cell(v.value(key, Json()));
      out << ',' << (v.value("significant", Json(false)) == Json(true) ? "true" : "false") << "\n";
    }
  }
}

}  // namespace leadscore::cli
