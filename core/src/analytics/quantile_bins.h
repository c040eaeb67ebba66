// Quantile bins for numeric history columns, shared by the close-rate report (close_rate.cpp) and
// the logistic fit's design (so a report bin and a fitted bin are the same interval).
#pragma once
#include <cstddef>
#include <vector>

namespace leadscore {

/// Interior cut points of `bins` quantile bins over `values` (training values, NaN already left
/// out; any order; taken by value because it is sorted here).
///
/// Definition (exact, integer positions, no interpolation): sort ascending, n = values.size();
/// candidate k (k = 1..bins-1) is sorted[floor(k * n / bins)]; candidates equal to the minimum
/// are dropped (they would leave bin 0 empty) and duplicates are removed. The result is strictly
/// increasing, has at most bins-1 entries, and is empty when n == 0, bins < 2 or all values are
/// equal. Every bin it defines holds at least one of the given values.
///
/// A value v goes to bin k = number of edges <= v (bin_of()), i.e. bin 0 = (-inf, e0),
/// bin k = [e(k-1), e(k)), last bin = [e(last), +inf). Reports show the first bin from the
/// training minimum and the last to the training maximum.
std::vector<double> quantile_edges(std::vector<double> values, int bins);

/// The bin of a (non-NaN) value: the number of edges <= v (binary search).
std::size_t bin_of(const std::vector<double>& edges, double v);

}  // namespace leadscore
