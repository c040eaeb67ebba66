#include "analytics/cholesky.h"

#include <cmath>

namespace leadscore::fit_detail {

bool cholesky_solve(std::vector<double>& a, std::size_t n, std::vector<double>& b) {
  // Mirror the upper triangle into the lower one, which then holds L (A = L L^T) row by row, so
  // the inner products below run over contiguous memory.
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j) a[i * n + j] = a[j * n + i];
  for (std::size_t j = 0; j < n; ++j) {
    double* row_j = &a[j * n];
    double pivot = row_j[j];
    for (std::size_t k = 0; k < j; ++k) pivot -= row_j[k] * row_j[k];
    if (!(pivot > 0) || !std::isfinite(pivot)) return false;
    const double diagonal = std::sqrt(pivot);
    row_j[j] = diagonal;
    for (std::size_t i = j + 1; i < n; ++i) {
      double* row_i = &a[i * n];
      double sum = row_i[j];
      for (std::size_t k = 0; k < j; ++k) sum -= row_i[k] * row_j[k];
      row_i[j] = sum / diagonal;
    }
  }
  // L y = b, then L^T x = y.
  for (std::size_t i = 0; i < n; ++i) {
    double sum = b[i];
    for (std::size_t k = 0; k < i; ++k) sum -= a[i * n + k] * b[k];
    b[i] = sum / a[i * n + i];
  }
  for (std::size_t i = n; i-- > 0;) {
    double sum = b[i];
    for (std::size_t k = i + 1; k < n; ++k) sum -= a[k * n + i] * b[k];
    b[i] = sum / a[i * n + i];
  }
  return true;
}

}  // namespace leadscore::fit_detail
