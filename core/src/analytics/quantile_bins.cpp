// Quantile edges by exact sorted positions: no interpolation, so no floating-point arithmetic on
// the values at all and the same edges in every runtime.
#include "analytics/quantile_bins.h"

#include <algorithm>

namespace leadscore {

std::vector<double> quantile_edges(std::vector<double> values, int bins) {
  std::vector<double> edges;
  if (values.empty() || bins < 2) return edges;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  const double lowest = values.front();
  for (std::size_t k = 1; k < static_cast<std::size_t>(bins); ++k) {
    const double candidate = values[k * n / static_cast<std::size_t>(bins)];
    if (candidate <= lowest) continue;  // bin 0 would be empty
    if (!edges.empty() && candidate <= edges.back()) continue;  // duplicate
    edges.push_back(candidate);
  }
  return edges;
}

std::size_t bin_of(const std::vector<double>& edges, double v) {
  return static_cast<std::size_t>(std::upper_bound(edges.begin(), edges.end(), v) - edges.begin());
}

}  // namespace leadscore
