#include "analytics/history_cells.h"

#include <cmath>
#include <cstdlib>

namespace leadscore::history_detail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> lowered_trimmed(const std::vector<std::string>& list) {
  std::vector<std::string> out;
  for (const auto& s : list) out.push_back(lower(trim_cell(s)));
  return out;
}

}  // namespace

std::string_view trim_cell(std::string_view cell) {
  std::size_t b = 0, e = cell.size();
  while (b < e && is_space(cell[b])) ++b;
  while (e > b && is_space(cell[e - 1])) --e;
  return cell.substr(b, e - b);
}

bool parse_number(std::string_view s, double& out) {
  // Syntax first (strtod alone would accept hex, "inf", "nan" and leading blanks).
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == start) return false;
  }
  if (i != s.size()) return false;
  // strtod is correctly rounded in glibc and in Emscripten's musl: the same double everywhere.
  const std::string copy(s);
  const double v = std::strtod(copy.c_str(), nullptr);
  if (!std::isfinite(v)) return false;
  out = v;
  return true;
}

MissingCells::MissingCells(const std::vector<std::string>& missing_values) {
  for (const auto& v : missing_values) values_.emplace_back(trim_cell(v));
}

bool MissingCells::operator()(std::string_view trimmed) const {
  if (trimmed.empty()) return true;
  for (const auto& v : values_)
    if (trimmed == v) return true;
  return false;
}

OutcomeValues::OutcomeValues(const std::vector<std::string>& positive, const std::vector<std::string>& negative)
    : positive_(lowered_trimmed(positive)), negative_(lowered_trimmed(negative)) {}

int OutcomeValues::classify(std::string_view cell) const {
  const std::string v = lower(trim_cell(cell));
  if (v.empty()) return -1;
  for (const auto& p : positive_)
    if (v == p) return 1;
  for (const auto& n : negative_)
    if (v == n) return 0;
  return -1;
}

void LineList::add(std::size_t line) {
  ++count_;
  if (lines_.size() < keep_) lines_.push_back(line);
}

std::string LineList::describe() const {
  std::string out = std::to_string(count_) + (count_ == 1 ? " record (line " : " records (");
  if (count_ > 1) out += count_ > lines_.size() ? "first lines " : "lines ";
  for (std::size_t i = 0; i < lines_.size(); ++i) out += (i ? ", " : "") + std::to_string(lines_[i]);
  return out + ")";
}

}  // namespace leadscore::history_detail
