// See score_scale.h. Definitions (integer positions, no interpolation; n training rows sorted by
// their exported points, ties in file order):
//  - scale "training": min = points at position floor(0.01 (n-1)) minus 1, max = points at
//    position ceil(0.99 (n-1)) plus 1: only leads below the 1st percentile score 0 and only leads
//    above the 99th score 100;
//  - bands "shares": warm starts at the score of the lead at position ceil(cold share x n), hot at
//    the score of the lead at position ceil((cold + warm) share x n); leads tied with a threshold
//    lead go to the upper band, so a band holds about, not exactly, its share.
#include "analytics/score_scale.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "leadscore/model.h"
#include "leadscore/score.h"

namespace leadscore::fit_detail {

namespace {

struct Scored {
  std::size_t row;
  Centipoints points;
};

Expected<Model> load(const Json& model) {
  auto loaded = Model::from_json(model);
  if (!loaded)
    return Error{"export_invalid", loaded.error().path,
                 "the exported model does not load (" + loaded.error().code + "): " + loaded.error().message};
  return loaded;
}

ScoreOptions summary_options() {
  ScoreOptions o;
  o.now = "1970-01-01T00:00:00Z";
  o.detail = Detail::Summary;
  return o;
}

Expected<ScoreResult> score_row(const Model& model, const History& history, std::size_t row) {
  LeadRecord lead;
  history_lead_into(history, row, lead);
  ScoreResult result;
  if (score_into(model, lead, summary_options(), result))
    return Error{"export_invalid", "", "the exported model did not score a training row"};
  return result;
}

Json band(const char* id, const char* label, const char* action, long long from, long long to) {
  return Json{{"id", id}, {"label", label}, {"action", action}, {"from", from}, {"to", to}};
}

long long whole_points(Centipoints c, bool up) {
  const long long q = c / 100, r = c % 100;
  if (r == 0) return q;
  return up ? (c > 0 ? q + 1 : q) : (c < 0 ? q - 1 : q);
}

}  // namespace

Expected<bool> fit_scale_and_bands(Json& model, const History& history, const CalibrationOptions& options) {
  const bool scale = options.scale == CalibrationOptions::Scale::Training;
  const bool bands = options.bands == CalibrationOptions::Bands::Shares;
  if (!scale && !bands) return false;
  auto provisional = load(model);
  if (!provisional) return provisional.error();
  std::vector<Scored> train;
  {
    ScoreResult result;
    LeadRecord lead;
    const ScoreOptions o = summary_options();
    for (std::size_t row = 0; row < history.rows(); ++row) {
      if (row < history.is_test.size() && history.is_test[row]) continue;
      history_lead_into(history, row, lead);
      if (score_into(provisional.value(), lead, o, result))
        return Error{"export_invalid", "", "the exported model did not score a training row"};
      train.push_back({row, result.points});
    }
  }
  if (train.empty()) return false;
  std::stable_sort(train.begin(), train.end(), [](const Scored& a, const Scored& b) { return a.points < b.points; });
  const std::size_t n = train.size();
  if (scale) {
    const std::size_t low = (n - 1) / 100;                        // floor(0.01 (n-1))
    const std::size_t high = std::min(n - 1, ((n - 1) * 99 + 99) / 100);  // ceil(0.99 (n-1))
    model["scale"] = Json{{"min", whole_points(train[low].points, false) - 1},
                          {"max", whole_points(train[high].points, true) + 1}};
  }
  if (bands) {
    auto scaled = load(model);
    if (!scaled) return scaled.error();
    const double cold = options.band_shares[0] / 100, warm = options.band_shares[1] / 100;
    auto score_at = [&](double share) -> Expected<long long> {
      const std::size_t position = std::min(n - 1, static_cast<std::size_t>(std::ceil(share * static_cast<double>(n))));
      auto r = score_row(scaled.value(), history, train[position].row);
      if (!r) return r.error();
      return static_cast<long long>(r.value().score);
    };
    auto warm_from = score_at(cold);
    if (!warm_from) return warm_from.error();
    auto hot_from = score_at(cold + warm);
    if (!hot_from) return hot_from.error();
    // Three non-empty score ranges whatever the ties: 0 .. w-1, w .. h-1, h .. 100.
    long long w = std::clamp(warm_from.value(), 1LL, 99LL);
    long long h = std::clamp(hot_from.value(), w + 1, 100LL);
    model["bands"] = Json::array({band("cold", "Cold", "nurture", 0, w - 1), band("warm", "Warm", "review", w, h - 1),
                                  band("hot", "Hot", "call", h, 100)});
  }
  return true;
}

}  // namespace leadscore::fit_detail
