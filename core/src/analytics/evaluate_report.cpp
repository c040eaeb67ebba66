// Deciles, bands and period volumes for evaluate(). Counts are integers; every ratio is computed
// once from integers and rounded to 4 decimals, so the JSON is the same in every runtime.
#include "analytics/evaluate_report.h"

#include <algorithm>
#include <numeric>

#include "leadscore/time.h"
#include "analytics/metrics.h"

namespace leadscore::evaluation_detail {

Json ratio_json(double x, double y) { return y == 0 ? Json(nullptr) : Json(round_to(x / y, 4)); }

namespace {
// Lift = rate / overall rate, where both are ratios of counts: (c / n) / (C / N) = c * N / (n * C).
Json lift_json(std::uint64_t c, std::uint64_t n, std::uint64_t all_c, std::uint64_t all_n) {
  if (n == 0 || all_c == 0) return Json(nullptr);
  return Json(round_to(static_cast<double>(c) * static_cast<double>(all_n) / (static_cast<double>(n) * static_cast<double>(all_c)), 4));
}
}  // namespace

Json deciles_json(const EvaluationRows& rows, bool key_is_probability, std::uint64_t conversions) {
  const std::size_t n = rows.size();
  // 4 bytes per record (a 1,000,000-row file: 4 MB); uint32 suffices below evaluate()'s row cap.
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), std::uint32_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return rows.key[a] > rows.key[b]; });
  Json out = Json::array();
  std::uint64_t cumulative = 0;
  for (std::size_t d = 1; d <= 10; ++d) {
    const std::size_t from = (d - 1) * n / 10, to = d * n / 10;
    std::uint64_t c = 0;
    int lo = 101, hi = -1;
    double probability_sum = 0;  // summed in sorted order: fixed, so the mean is reproducible
    for (std::size_t i = from; i < to; ++i) {
      const std::uint32_t r = order[i];
      c += rows.outcome[r];
      lo = std::min<int>(lo, rows.score[r]);
      hi = std::max<int>(hi, rows.score[r]);
      probability_sum += rows.key[r];
    }
    cumulative += c;
    const std::uint64_t count = to - from;
    Json entry = Json::object();
    entry["decile"] = d;
    entry["count"] = count;
    entry["conversions"] = c;
    entry["rate"] = ratio_json(static_cast<double>(c), static_cast<double>(count));
    entry["lift"] = lift_json(c, count, conversions, n);
    entry["cumulative_conversions"] = cumulative;
    entry["gain"] = ratio_json(static_cast<double>(cumulative), static_cast<double>(conversions));
    entry["score_min"] = count ? Json(lo) : Json(nullptr);
    entry["score_max"] = count ? Json(hi) : Json(nullptr);
    entry["mean_probability"] = key_is_probability && count ? Json(round_to(probability_sum / static_cast<double>(count), 4)) : Json(nullptr);
    out.push_back(std::move(entry));
  }
  return out;
}

Json bands_json(const std::vector<Band>& bands, const EvaluationRows& rows, std::uint64_t conversions) {
  std::vector<std::uint64_t> count(bands.size()), conv(bands.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows.band[i] >= bands.size()) continue;
    ++count[rows.band[i]];
    conv[rows.band[i]] += rows.outcome[i];
  }
  Json out = Json::array();
  for (std::size_t b = 0; b < bands.size(); ++b) {
    Json entry = Json::object();
    entry["id"] = bands[b].id;
    entry["label"] = bands[b].label;
    entry["count"] = count[b];
    entry["share"] = ratio_json(static_cast<double>(count[b]), static_cast<double>(rows.size()));
    entry["conversions"] = conv[b];
    entry["rate"] = ratio_json(static_cast<double>(conv[b]), static_cast<double>(count[b]));
    entry["lift"] = lift_json(conv[b], count[b], conversions, rows.size());
    out.push_back(std::move(entry));
  }
  return out;
}

Json periods_items_json(const std::vector<Band>& bands, const EvaluationRows& rows, Period unit, std::int64_t first,
                        std::int64_t last) {
  const std::size_t span = static_cast<std::size_t>(last - first + 1);
  std::vector<std::uint64_t> count(span), conv(span), band_count(span * bands.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::size_t p = static_cast<std::size_t>(rows.period[i] - first);
    ++count[p];
    conv[p] += rows.outcome[i];
    if (rows.band[i] < bands.size()) ++band_count[p * bands.size() + rows.band[i]];
  }
  Json items = Json::array();
  for (std::size_t p = 0; p < span; ++p) {
    const std::int64_t period = first + static_cast<std::int64_t>(p);
    Json per_band = Json::object();
    for (std::size_t b = 0; b < bands.size(); ++b) per_band[bands[b].id] = band_count[p * bands.size() + b];
    Json entry = Json::object();
    entry["period"] = period_label(period, unit);
    entry["start"] = format_date(period_start_day(period, unit));
    entry["count"] = count[p];
    entry["conversions"] = conv[p];
    entry["bands"] = std::move(per_band);
    items.push_back(std::move(entry));
  }
  return items;
}

}  // namespace leadscore::evaluation_detail
