// See ebm_fit.h. The steps (docs/calibration.md, "Explainable boosting"):
//  1. intercept = log-odds of the training conversion rate;
//  2. `rounds` times, each column in turn: the gradient and curvature of the log loss summed per
//     bin, a Newton step per bin (categorical; and the "(missing)" bin) or a piecewise-constant step
//     of at most 3 pieces over the ordered bins (numeric: keeps the shape smooth), times the
//     learning rate;
//  3. every pair of columns, each cut into at most 16 groups of bins, scored by the best single
//     2x2 split of the residuals (FAST: Lou et al., "Accurate intelligible models with pairwise
//     interactions", KDD 2013); the best `interactions` pairs with a positive gain are kept;
//  4. `interaction_rounds` times, each kept pair in turn: the best 2x2 step on its table, with at
//     most 3 distinct cuts per column over all rounds, so a table has at most 4 x 4 cells.
#include "analytics/ebm_fit.h"

#include <algorithm>
#include <cmath>

#include "analytics/detmath.h"

namespace leadscore::ebm_detail {

namespace {

// The log-odds of every training record and their exponentials. A step multiplies e^z by the
// exponential of the step (one det_exp per bin instead of one per record and column); e^z is
// recomputed from z at the start of every round, so rounding cannot drift far.
struct Margins {
  std::vector<double> z, e;
  void refresh() {
    e.resize(z.size());
    for (std::size_t i = 0; i < z.size(); ++i) e[i] = det_exp(z[i]);
  }
  // The loss gradient (p - y) and curvature p (1 - p) of record i.
  void residual(std::size_t i, std::uint8_t y, double& g, double& h) const {
    const double p = e[i] > 1e300 ? 1.0 : e[i] / (1.0 + e[i]);
    g = p - (y ? 1.0 : 0.0);
    h = p * (1 - p);
  }
  // Adds step[code[i]] to every record's log-odds.
  template <class Code>
  void add(const std::vector<Code>& code, const std::vector<double>& step) {
    std::vector<double> factor(step.size());
    for (std::size_t k = 0; k < step.size(); ++k) factor[k] = det_exp(step[k]);
    for (std::size_t i = 0; i < z.size(); ++i) {
      z[i] += step[code[i]];
      e[i] *= factor[code[i]];
    }
  }
};

double leaf_score(double g, double h) { return g * g / (h + kLeafL2); }
double leaf_value(double g, double h) { return -g / (h + kLeafL2); }

// A step over `n` ordered bins with at most kShapeLeaves pieces: greedy best split of the piece
// that gains most, each side keeping kMinLeafCurvature. `step` gets the value of each bin.
void ordered_step(const double* G, const double* H, std::size_t n, double* step) {
  std::vector<double> pg(n + 1, 0.0), ph(n + 1, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    pg[i + 1] = pg[i] + G[i];
    ph[i + 1] = ph[i] + H[i];
  }
  auto score = [&](std::size_t a, std::size_t b) { return leaf_score(pg[b] - pg[a], ph[b] - ph[a]); };
  std::vector<std::size_t> starts{0};  // piece k is [starts[k], starts[k+1] or n)
  for (int leaves = 1; leaves < kShapeLeaves; ++leaves) {
    double best = 0;
    std::size_t best_cut = 0;
    for (std::size_t k = 0; k < starts.size(); ++k) {
      const std::size_t a = starts[k], b = k + 1 < starts.size() ? starts[k + 1] : n;
      const double whole = score(a, b);
      for (std::size_t c = a + 1; c < b; ++c) {
        if (ph[c] - ph[a] < kMinLeafCurvature || ph[b] - ph[c] < kMinLeafCurvature) continue;
        const double gain = score(a, c) + score(c, b) - whole;
        if (gain > best) {
          best = gain;
          best_cut = c;
        }
      }
    }
    if (best_cut == 0) break;
    starts.insert(std::upper_bound(starts.begin(), starts.end(), best_cut), best_cut);
  }
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::size_t a = starts[k], b = k + 1 < starts.size() ? starts[k + 1] : n;
    const double v = leaf_value(pg[b] - pg[a], ph[b] - ph[a]);
    for (std::size_t i = a; i < b; ++i) step[i] = v;
  }
}

// Groups consecutive entries of `order` (bins) by their cumulative training count into at most
// `k` groups of about equal count, numbered from `first_id`; returns the next free id.
std::uint16_t group_by_count(const std::vector<std::size_t>& order, const std::vector<std::size_t>& counts,
                             std::size_t k, std::uint16_t first_id, std::vector<std::uint16_t>& group_of) {
  std::size_t total = 0;
  for (std::size_t b : order) total += counts[b];
  std::size_t cumulative = 0, previous = 0;
  std::uint16_t id = first_id;
  bool started = false;
  for (std::size_t b : order) {
    cumulative += counts[b];
    const std::size_t raw = total == 0 || cumulative == 0 ? 0 : (cumulative * k - 1) / total;
    if (started && raw != previous) ++id;
    started = true;
    previous = raw;
    group_of[b] = id;
  }
  return started ? static_cast<std::uint16_t>(id + 1) : first_id;
}

// How a column enters pairs: numeric, "(missing)" alone then the value bins in order; categorical,
// the bins in the order of their shape values (so that a cut separates low from high).
std::vector<std::uint16_t> pair_groups(const ShapeColumn& column, const std::vector<double>& shape,
                                       std::size_t& groups) {
  std::vector<std::uint16_t> group_of(column.bins(), 0);
  std::vector<std::size_t> order;
  if (column.numeric) {
    for (std::size_t b = 1; b < column.bins(); ++b) order.push_back(b);
    groups = group_by_count(order, column.counts, kPairGroups - 1, 1, group_of);
  } else {
    for (std::size_t b = 0; b < column.bins(); ++b) order.push_back(b);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return shape[a] < shape[b]; });
    groups = group_by_count(order, column.counts, kPairGroups, 0, group_of);
  }
  return group_of;
}

// The best 2x2 split of a pair table's gradient sums: cuts after group i of the first column and
// after group j of the second, restricted to `allowed` cuts once a side has kPairCutsPerSide.
struct QuadSplit {
  bool found = false;
  std::size_t i = 0, j = 0;
  double score = 0;
  double g[4] = {0, 0, 0, 0}, h[4] = {0, 0, 0, 0};  // quadrants: (low, low), (low, high), (high, low), (high, high)
};

class PairTable {
 public:
  PairTable(std::size_t rows, std::size_t cols) : rows_(rows), cols_(cols), g_(rows * cols), h_(rows * cols) {}
  void clear() {
    std::fill(g_.begin(), g_.end(), 0.0);
    std::fill(h_.begin(), h_.end(), 0.0);
  }
  void add(std::size_t cell, double g, double h) {
    g_[cell] += g;
    h_[cell] += h;
  }
  QuadSplit best_split(const std::vector<std::size_t>* cuts_first, const std::vector<std::size_t>* cuts_second) const {
    const std::size_t w = cols_ + 1;
    std::vector<double> sg((rows_ + 1) * w, 0.0), sh((rows_ + 1) * w, 0.0);
    for (std::size_t i = 0; i < rows_; ++i)
      for (std::size_t j = 0; j < cols_; ++j) {
        sg[(i + 1) * w + j + 1] = g_[i * cols_ + j] + sg[i * w + j + 1] + sg[(i + 1) * w + j] - sg[i * w + j];
        sh[(i + 1) * w + j + 1] = h_[i * cols_ + j] + sh[i * w + j + 1] + sh[(i + 1) * w + j] - sh[i * w + j];
      }
    QuadSplit best;
    const auto candidates = [](std::size_t n, const std::vector<std::size_t>* cuts) {
      std::vector<std::size_t> out;
      if (cuts != nullptr && cuts->size() >= static_cast<std::size_t>(kPairCutsPerSide)) return *cuts;
      for (std::size_t k = 0; k + 1 < n; ++k) out.push_back(k);
      return out;
    };
    const double tg = sg[rows_ * w + cols_], th = sh[rows_ * w + cols_];
    for (std::size_t i : candidates(rows_, cuts_first)) {
      for (std::size_t j : candidates(cols_, cuts_second)) {
        QuadSplit s;
        s.g[0] = sg[(i + 1) * w + j + 1];
        s.h[0] = sh[(i + 1) * w + j + 1];
        s.g[1] = sg[(i + 1) * w + cols_] - s.g[0];
        s.h[1] = sh[(i + 1) * w + cols_] - s.h[0];
        s.g[2] = sg[rows_ * w + j + 1] - s.g[0];
        s.h[2] = sh[rows_ * w + j + 1] - s.h[0];
        s.g[3] = tg - s.g[0] - s.g[1] - s.g[2];
        s.h[3] = th - s.h[0] - s.h[1] - s.h[2];
        if (s.h[0] < kMinLeafCurvature || s.h[1] < kMinLeafCurvature || s.h[2] < kMinLeafCurvature ||
            s.h[3] < kMinLeafCurvature)
          continue;
        s.score = leaf_score(s.g[0], s.h[0]) + leaf_score(s.g[1], s.h[1]) + leaf_score(s.g[2], s.h[2]) +
                  leaf_score(s.g[3], s.h[3]);
        if (!best.found || s.score > best.score) {
          s.found = true;
          s.i = i;
          s.j = j;
          best = s;
        }
      }
    }
    if (best.found) best.score -= leaf_score(tg, th);  // the gain over no split
    return best;
  }

 private:
  std::size_t rows_, cols_;
  std::vector<double> g_, h_;
};

void insert_sorted(std::vector<std::size_t>& cuts, std::size_t cut) {
  const auto at = std::lower_bound(cuts.begin(), cuts.end(), cut);
  if (at == cuts.end() || *at != cut) cuts.insert(at, cut);
}

bool all_finite(const EbmFit& fit) {
  if (!std::isfinite(fit.intercept)) return false;
  for (const auto& shape : fit.shapes)
    for (double v : shape)
      if (!std::isfinite(v)) return false;
  for (const PairTerm& pair : fit.pairs)
    for (double v : pair.values)
      if (!std::isfinite(v)) return false;
  return true;
}

}  // namespace

Expected<EbmFit> fit_ebm(const History& history, const CalibrationOptions& options) {
  auto binned = bin_history(history, options);
  if (!binned) return binned.error();
  EbmFit fit;
  fit.binned = std::move(binned).value();
  const BinnedHistory& b = fit.binned;
  const std::size_t n = b.train.size();
  fit.train_rows = n;
  std::vector<std::uint8_t> y(n);
  std::size_t positives = 0;
  for (std::size_t i = 0; i < n; ++i) positives += (y[i] = history.outcome[b.train[i]] ? 1 : 0);
  if (positives == 0 || positives == n)
    return Error{"outcome_one_class", "/outcome", "the training rows hold a single outcome"};
  fit.intercept = det_log(static_cast<double>(positives) / static_cast<double>(n - positives));

  // The bin of every training record, column by column (the loops below read only these).
  std::vector<std::vector<std::uint16_t>> codes(b.columns.size(), std::vector<std::uint16_t>(n));
  for (std::size_t c = 0; c < b.columns.size(); ++c)
    for (std::size_t i = 0; i < n; ++i) codes[c][i] = b.codes[c][b.train[i]];

  Margins m;
  m.z.assign(n, fit.intercept);
  fit.shapes.resize(b.columns.size());
  for (std::size_t c = 0; c < b.columns.size(); ++c) fit.shapes[c].assign(b.columns[c].bins(), 0.0);
  std::vector<double> G, H, step;
  for (int round = 0; round < options.rounds; ++round) {
    m.refresh();
    for (std::size_t c = 0; c < b.columns.size(); ++c) {
      const std::size_t bins = b.columns[c].bins();
      G.assign(bins, 0.0);
      H.assign(bins, 0.0);
      for (std::size_t i = 0; i < n; ++i) {
        double g, h;
        m.residual(i, y[i], g, h);
        G[codes[c][i]] += g;
        H[codes[c][i]] += h;
      }
      step.assign(bins, 0.0);
      if (b.columns[c].numeric) {
        step[0] = leaf_value(G[0], H[0]);
        if (bins > 1) ordered_step(&G[1], &H[1], bins - 1, &step[1]);
      } else {
        for (std::size_t k = 0; k < bins; ++k) step[k] = leaf_value(G[k], H[k]);
      }
      for (std::size_t k = 0; k < bins; ++k) {
        step[k] *= options.learning_rate;
        fit.shapes[c][k] += step[k];
      }
      m.add(codes[c], step);
    }
  }

  // Rank the pairs on the residuals of the shapes.
  std::vector<std::vector<std::uint16_t>> group_of(b.columns.size());
  std::vector<std::size_t> groups(b.columns.size(), 0);
  for (std::size_t c = 0; c < b.columns.size(); ++c) group_of[c] = pair_groups(b.columns[c], fit.shapes[c], groups[c]);
  std::vector<PairTerm> candidates;
  if (options.interactions > 0) {
    m.refresh();
    for (std::size_t first = 0; first < b.columns.size(); ++first) {
      for (std::size_t second = first + 1; second < b.columns.size(); ++second) {
        PairTable table(groups[first], groups[second]);
        for (std::size_t i = 0; i < n; ++i) {
          double g, h;
          m.residual(i, y[i], g, h);
          table.add(group_of[first][codes[first][i]] * groups[second] + group_of[second][codes[second][i]], g, h);
        }
        const QuadSplit split = table.best_split(nullptr, nullptr);
        if (!split.found || !(split.score > 0)) continue;
        PairTerm pair;
        pair.first = first;
        pair.second = second;
        pair.group_of_first = group_of[first];
        pair.group_of_second = group_of[second];
        pair.groups_first = groups[first];
        pair.groups_second = groups[second];
        pair.values.assign(groups[first] * groups[second], 0.0);
        pair.gain = split.score;
        candidates.push_back(std::move(pair));
      }
    }
  }
  fit.pairs_ranked = candidates.size();
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const PairTerm& a, const PairTerm& b) { return a.gain > b.gain; });
  if (candidates.size() > options.interactions) candidates.resize(options.interactions);
  fit.pairs = std::move(candidates);

  // Boost the kept pairs.
  std::vector<std::vector<std::size_t>> cells(fit.pairs.size(), std::vector<std::size_t>(n));
  for (std::size_t p = 0; p < fit.pairs.size(); ++p)
    for (std::size_t i = 0; i < n; ++i)
      cells[p][i] = fit.pairs[p].cell(codes[fit.pairs[p].first][i], codes[fit.pairs[p].second][i]);
  for (int round = 0; !fit.pairs.empty() && round < options.interaction_rounds; ++round) {
    m.refresh();
    for (std::size_t p = 0; p < fit.pairs.size(); ++p) {
      PairTerm& pair = fit.pairs[p];
      PairTable table(pair.groups_first, pair.groups_second);
      for (std::size_t i = 0; i < n; ++i) {
        double g, h;
        m.residual(i, y[i], g, h);
        table.add(cells[p][i], g, h);
      }
      const QuadSplit split = table.best_split(&pair.cuts_first, &pair.cuts_second);
      if (!split.found) continue;
      insert_sorted(pair.cuts_first, split.i);
      insert_sorted(pair.cuts_second, split.j);
      double quadrant[4];
      for (int q = 0; q < 4; ++q) quadrant[q] = options.learning_rate * leaf_value(split.g[q], split.h[q]);
      std::vector<double> step(pair.values.size());
      for (std::size_t gi = 0; gi < pair.groups_first; ++gi)
        for (std::size_t gj = 0; gj < pair.groups_second; ++gj) {
          const std::size_t cell = gi * pair.groups_second + gj;
          step[cell] = quadrant[(gi > split.i ? 2 : 0) + (gj > split.j ? 1 : 0)];
          pair.values[cell] += step[cell];
        }
      m.add(cells[p], step);
    }
  }
  if (!all_finite(fit)) return Error{"fit_failed", "", "the boosting produced a value that is not a finite number"};
  return fit;
}

double ebm_log_odds(const EbmFit& fit, std::size_t row, bool with_pairs) {
  double z = fit.intercept;
  for (std::size_t c = 0; c < fit.shapes.size(); ++c) z += fit.shapes[c][fit.binned.codes[c][row]];
  if (!with_pairs) return z;
  for (const PairTerm& pair : fit.pairs)
    z += pair.values[pair.cell(fit.binned.codes[pair.first][row], fit.binned.codes[pair.second][row])];
  return z;
}

}  // namespace leadscore::ebm_detail
