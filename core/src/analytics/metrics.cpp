#include "analytics/metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "analytics/detmath.h"

namespace leadscore {

std::optional<double> roc_auc(const std::vector<double>& key, const std::vector<std::uint8_t>& outcome) {
  const std::size_t n = std::min(key.size(), outcome.size());
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key[a] < key[b]; });
  // Mann-Whitney: sum of the positives' mid-ranks (1-based), ties sharing their average rank.
  double positive_rank_sum = 0;
  double positives = 0;
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    double tied_positives = 0;
    while (j < n && key[order[j]] == key[order[i]]) tied_positives += outcome[order[j++]] ? 1 : 0;
    const double mid_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
    positive_rank_sum += tied_positives * mid_rank;
    positives += tied_positives;
    i = j;
  }
  const double negatives = static_cast<double>(n) - positives;
  if (positives == 0 || negatives == 0) return std::nullopt;
  return (positive_rank_sum - positives * (positives + 1) / 2) / (positives * negatives);
}

std::optional<double> log_loss(const std::vector<double>& probability, const std::vector<std::uint8_t>& outcome) {
  const std::size_t n = std::min(probability.size(), outcome.size());
  if (n == 0) return std::nullopt;
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double p = std::min(std::max(probability[i], 1e-15), 1 - 1e-15);
    sum -= outcome[i] ? det_log(p) : det_log(1 - p);
  }
  return sum / static_cast<double>(n);
}

std::optional<double> brier_score(const std::vector<double>& probability, const std::vector<std::uint8_t>& outcome) {
  const std::size_t n = std::min(probability.size(), outcome.size());
  if (n == 0) return std::nullopt;
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double d = probability[i] - (outcome[i] ? 1.0 : 0.0);
    sum += d * d;
  }
  return sum / static_cast<double>(n);
}

namespace {
Json number_or_null(const std::optional<double>& v) { return v ? Json(round_to(*v, 6)) : Json(nullptr); }
}  // namespace

Json metrics_json(const std::vector<double>& key, const std::vector<double>& probability,
                  const std::vector<std::uint8_t>& outcome) {
  Json out = Json::object();
  out["auc"] = number_or_null(roc_auc(key, outcome));
  out["log_loss"] = probability.empty() ? Json(nullptr) : number_or_null(log_loss(probability, outcome));
  out["brier"] = probability.empty() ? Json(nullptr) : number_or_null(brier_score(probability, outcome));
  return out;
}

Json reliability_json(const std::vector<double>& probability, const std::vector<std::uint8_t>& outcome) {
  constexpr int kBins = 10;
  double predicted[kBins] = {}, observed[kBins] = {};
  std::size_t count[kBins] = {};
  const std::size_t n = std::min(probability.size(), outcome.size());
  for (std::size_t i = 0; i < n; ++i) {
    const double p = probability[i];
    if (!(p >= 0 && p <= 1)) continue;
    const int bin = std::min(kBins - 1, static_cast<int>(p * kBins));
    predicted[bin] += p;
    observed[bin] += outcome[i] ? 1 : 0;
    ++count[bin];
  }
  Json table = Json::array();
  for (int b = 0; b < kBins; ++b) {
    if (count[b] == 0) continue;
    const double rows = static_cast<double>(count[b]);
    table.push_back(Json{{"from", round_to(b / 10.0, 1)}, {"to", round_to((b + 1) / 10.0, 1)}, {"count", count[b]},
                         {"predicted", round_to(predicted[b] / rows, 4)}, {"observed", round_to(observed[b] / rows, 4)}});
  }
  return table;
}

std::optional<double> calibration_error(const Json& reliability) {
  double weighted = 0, rows = 0;
  for (const Json& bin : reliability) {
    const double count = bin["count"].get<double>();
    weighted += count * std::fabs(bin["predicted"].get<double>() - bin["observed"].get<double>());
    rows += count;
  }
  if (rows == 0) return std::nullopt;
  return weighted / rows;
}

double round_to(double x, int decimals) {
  if (!std::isfinite(x)) return x;
  double scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  return std::round(x * scale) / scale;
}

}  // namespace leadscore
