// See ebm_export.h. A pair table is constant between its cuts (every step cut it at the same few
// places), so it is exported per block of groups, not per group: at most 4 x 4 rules a pair.
#include "analytics/ebm_export.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "analytics/detmath.h"
#include "analytics/metrics.h"
#include "analytics/rule_conditions.h"
#include "analytics/scorecard_meta.h"

namespace leadscore::ebm_detail {

namespace {

using fit_detail::missing_when;
using fit_detail::number_text;
using fit_detail::other_when;
using fit_detail::range_label;
using fit_detail::range_when;
using fit_detail::var_of;

// A set of bins of one column as a condition and a label.
struct Condition {
  Json when;
  std::string label;
};

Json any_of(std::vector<Json> parts) {
  if (parts.size() == 1) return std::move(parts.front());
  return Json{{"or", std::move(parts)}};
}

// The named levels of a categorical column (what "(other)" is not).
Json listed_levels(const ShapeColumn& column) {
  Json listed = Json::array();
  for (std::size_t b = 1; b < column.bins(); ++b)
    if (b != column.other_bin) listed.push_back(column.labels[b]);
  return listed;
}

// Numeric bins lo..hi (1-based value bins, consecutive) as a range.
Condition value_range(const ShapeColumn& column, const std::string& field, const std::string& header,
                      const CalibrationOptions& o, std::size_t lo, std::size_t hi) {
  const std::size_t last = column.bins() - 1;
  const double from = lo == 1 ? column.lowest : column.edges[lo - 2];
  const double to = hi == last ? column.highest : column.edges[hi - 1];
  return {range_when(field, o, from, to, lo == 1, hi == last), header + " in " + range_label(from, to, hi == last)};
}

// Any set of bins of a column.
Condition bins_condition(const ShapeColumn& column, const std::vector<std::size_t>& bins, const std::string& field,
                         const std::string& header, const CalibrationOptions& o) {
  std::vector<Json> parts;
  std::vector<std::string> names;
  const bool missing = std::find(bins.begin(), bins.end(), std::size_t{0}) != bins.end();
  if (missing) {
    parts.push_back(missing_when(field, o));
    names.push_back(kMissingLevel);
  }
  if (column.numeric) {
    // Value bins come as one consecutive run (groups are runs in value order).
    std::size_t lo = 0, hi = 0;
    for (std::size_t b : bins)
      if (b != 0) {
        lo = lo == 0 ? b : std::min(lo, b);
        hi = std::max(hi, b);
      }
    if (lo != 0) {
      Condition range = value_range(column, field, header, o, lo, hi);
      parts.push_back(std::move(range.when));
      names.push_back(range.label.substr(header.size() + 4));  // after "<header> in "
    }
    std::string label = header + (names.size() == 1 && !missing ? " in " : ": ");
    for (std::size_t i = 0; i < names.size(); ++i) label += (i ? " or " : "") + names[i];
    return {any_of(std::move(parts)), label};
  }
  Json levels = Json::array();
  bool other = false;
  for (std::size_t b : bins) {
    if (b == 0) continue;
    if (b == column.other_bin) other = true;
    else levels.push_back(column.labels[b]);
  }
  if (levels.size() == 1) parts.push_back(Json{{"==", Json::array({var_of(field), levels[0]})}});
  else if (!levels.empty()) parts.push_back(Json{{"in", Json::array({var_of(field), levels})}});
  if (other) parts.push_back(other_when(field, o, listed_levels(column)));
  for (const Json& level : levels) names.push_back(level.get<std::string>());
  if (other) names.push_back(kOtherLevel);
  // A readable label: the first three names and how many more.
  std::string label = header + ": ";
  for (std::size_t i = 0; i < names.size() && i < 3; ++i) label += (i ? ", " : "") + names[i];
  if (names.size() > 3) label += " and " + std::to_string(names.size() - 3) + " more";
  return {any_of(std::move(parts)), label};
}

std::size_t most_frequent(const std::vector<std::size_t>& counts) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < counts.size(); ++i)
    if (counts[i] > counts[best]) best = i;
  return best;
}

// The blocks of a pair side: groups between consecutive cuts, as lists of bins.
std::vector<std::vector<std::size_t>> blocks(const std::vector<std::uint16_t>& group_of, std::size_t groups,
                                             const std::vector<std::size_t>& cuts) {
  std::vector<std::size_t> block_of_group(groups, 0);
  std::size_t block = 0;
  for (std::size_t g = 0; g < groups; ++g) {
    block_of_group[g] = block;
    if (std::binary_search(cuts.begin(), cuts.end(), g)) ++block;
  }
  std::vector<std::vector<std::size_t>> out(block + 1);
  for (std::size_t bin = 0; bin < group_of.size(); ++bin) out[block_of_group[group_of[bin]]].push_back(bin);
  return out;
}

// Training rows per table cell of a pair.
std::vector<std::size_t> pair_counts(const EbmFit& fit, const PairTerm& pair) {
  std::vector<std::size_t> counts(pair.values.size(), 0);
  for (std::size_t row : fit.binned.train)
    ++counts[pair.cell(fit.binned.codes[pair.first][row], fit.binned.codes[pair.second][row])];
  return counts;
}

Json rule(const std::string& id, const std::string& label, const std::string& group, long long points, Json when) {
  return Json{{"id", id}, {"label", label}, {"group", group}, {"points", points}, {"when", std::move(when)}};
}

// Mean absolute deviation of a term from its mean over the training rows: how much it moves a
// lead's log-odds on average (the "importance" of explainable boosting).
double importance(const std::vector<double>& values, const std::vector<std::size_t>& counts) {
  double total = 0, mean = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    mean += values[i] * static_cast<double>(counts[i]);
    total += static_cast<double>(counts[i]);
  }
  if (total == 0) return 0;
  mean /= total;
  double spread = 0;
  for (std::size_t i = 0; i < values.size(); ++i) spread += std::fabs(values[i] - mean) * static_cast<double>(counts[i]);
  return spread / total;
}

}  // namespace

Expected<Json> export_ebm(const EbmFit& fit, const History& history, const CalibrationOptions& options,
                          std::string_view source_name) {
  if (!(options.points_to_double_odds > 0))
    return Error{"options_invalid", "/points_to_double_odds", "\"points_to_double_odds\" must be above 0"};
  const double factor = options.points_to_double_odds / kLn2;
  const BinnedHistory& b = fit.binned;
  std::set<std::string> taken;
  std::vector<std::string> field(b.columns.size());
  for (std::size_t c = 0; c < b.columns.size(); ++c) field[c] = fit_detail::field_slug(history.columns[b.columns[c].column].name, taken);
  std::vector<bool> used(b.columns.size(), false);
  Json groups = Json::array(), rules = Json::array();
  double reference_log_odds = fit.intercept;

  for (std::size_t c = 0; c < b.columns.size(); ++c) {
    const ShapeColumn& column = b.columns[c];
    const std::vector<double>& shape = fit.shapes[c];
    const std::string& header = history.columns[column.column].name;
    const std::string& f = field[c];
    const std::size_t reference = most_frequent(column.counts);
    reference_log_odds += shape[reference];
    std::vector<long long> points(column.bins());
    for (std::size_t k = 0; k < column.bins(); ++k)
      points[k] = static_cast<long long>(std::round((shape[k] - shape[reference]) * factor));
    Json column_rules = Json::array();
    const auto add = [&](long long p, Condition condition) {
      if (p == 0) return;
      column_rules.push_back(rule(f + "." + std::to_string(column_rules.size() + 1), condition.label, f, p,
                                  std::move(condition.when)));
    };
    if (column.numeric) {
      for (std::size_t lo = 1; lo < column.bins();) {
        std::size_t hi = lo;
        while (hi + 1 < column.bins() && points[hi + 1] == points[lo]) ++hi;
        add(points[lo], value_range(column, f, header, options, lo, hi));
        lo = hi + 1;
      }
      add(points[0], {missing_when(f, options), header + ": " + kMissingLevel});
    } else {
      for (std::size_t k = 0; k < column.bins(); ++k) add(points[k], bins_condition(column, {k}, f, header, options));
    }
    if (column_rules.empty()) continue;
    used[c] = true;
    groups.push_back(Json{{"id", f}, {"label", header}});
    for (Json& r : column_rules) rules.push_back(std::move(r));
  }

  for (std::size_t p = 0; p < fit.pairs.size(); ++p) {
    const PairTerm& pair = fit.pairs[p];
    const std::vector<std::size_t> counts = pair_counts(fit, pair);
    const std::size_t reference = most_frequent(counts);
    reference_log_odds += pair.values[reference];
    const ShapeColumn& a = b.columns[pair.first];
    const ShapeColumn& c2 = b.columns[pair.second];
    const std::string& header_a = history.columns[a.column].name;
    const std::string& header_b = history.columns[c2.column].name;
    std::string id = "pair." + field[pair.first] + "." + field[pair.second];
    if (id.size() > 128) id = "pair." + std::to_string(p + 1);
    const auto blocks_a = blocks(pair.group_of_first, pair.groups_first, pair.cuts_first);
    const auto blocks_b = blocks(pair.group_of_second, pair.groups_second, pair.cuts_second);
    Json pair_rules = Json::array();
    for (const auto& block_a : blocks_a) {
      if (block_a.empty()) continue;
      for (const auto& block_b : blocks_b) {
        if (block_b.empty()) continue;
        const double v = pair.values[pair.cell(static_cast<std::uint16_t>(block_a.front()),
                                               static_cast<std::uint16_t>(block_b.front()))];
        const long long points = static_cast<long long>(std::round((v - pair.values[reference]) * factor));
        if (points == 0) continue;
        Condition ca = bins_condition(a, block_a, field[pair.first], header_a, options);
        Condition cb = bins_condition(c2, block_b, field[pair.second], header_b, options);
        pair_rules.push_back(rule(id + "." + std::to_string(pair_rules.size() + 1), ca.label + " and " + cb.label, id,
                                  points, Json{{"and", Json::array({std::move(ca.when), std::move(cb.when)})}}));
      }
    }
    if (pair_rules.empty()) continue;
    used[pair.first] = used[pair.second] = true;
    groups.push_back(Json{{"id", id}, {"label", header_a + " \xC3\x97 " + header_b}});
    for (Json& r : pair_rules) rules.push_back(std::move(r));
  }

  Json fields = Json::array();
  for (std::size_t c = 0; c < b.columns.size(); ++c) {
    if (!used[c]) continue;
    const std::string& header = history.columns[b.columns[c].column].name;
    fields.push_back(Json{{"name", field[c]}, {"label", header}, {"column", header},
                          {"type", b.columns[c].numeric ? "number" : "string"}});
  }
  if (groups.empty()) groups.push_back(Json{{"id", "fit"}, {"label", "Fit"}});
  const std::string description =
      "Calibrated by leadscore on " + fit_detail::file_name_only(source_name) +
      ": explainable boosting (a shape per column and " + std::to_string(fit.pairs.size()) +
      " pairwise interactions) on " + std::to_string(fit.train_rows) + " training rows, " +
      number_text(options.points_to_double_odds) + " points double the odds of conversion.";
  return fit_detail::calibrated_model(options, history, source_name, fit.train_rows, description, std::move(fields),
                                      std::move(groups), std::move(rules), reference_log_odds);
}

Json ebm_fit_json(const EbmFit& fit, const History& history, const CalibrationOptions& options) {
  const BinnedHistory& b = fit.binned;
  Json terms = Json::array();
  for (std::size_t c = 0; c < b.columns.size(); ++c) {
    const ShapeColumn& column = b.columns[c];
    Json bins = Json::array();
    for (std::size_t k = 0; k < column.bins(); ++k)
      bins.push_back(Json{{"bin", column.labels[k]}, {"count", column.counts[k]},
                          {"log_odds", round_to(fit.shapes[c][k], 6)}});
    terms.push_back(Json{{"column", history.columns[column.column].name},
                         {"kind", column.numeric ? "numeric" : "categorical"},
                         {"importance", round_to(importance(fit.shapes[c], column.counts), 6)},
                         {"bins", std::move(bins)}});
  }
  Json pairs = Json::array();
  for (const PairTerm& pair : fit.pairs) {
    const std::vector<std::size_t> counts = pair_counts(fit, pair);
    Json cuts = Json::object();
    pairs.push_back(Json{{"columns", Json::array({history.columns[b.columns[pair.first].column].name,
                                                  history.columns[b.columns[pair.second].column].name})},
                         {"gain", round_to(pair.gain, 6)},
                         {"importance", round_to(importance(pair.values, counts), 6)},
                         {"cells", pair.values.size()},
                         {"cuts", Json::array({pair.cuts_first.size(), pair.cuts_second.size()})}});
  }
  return Json{{"method", "ebm"},
              {"intercept", round_to(fit.intercept, 9)},
              {"rounds", options.rounds},
              {"interaction_rounds", options.interaction_rounds},
              {"learning_rate", options.learning_rate},
              {"train_rows", fit.train_rows},
              {"pairs_ranked", fit.pairs_ranked},
              {"terms", std::move(terms)},
              {"interactions", std::move(pairs)}};
}

}  // namespace leadscore::ebm_detail
