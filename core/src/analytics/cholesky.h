// Dense Cholesky factorisation and solve for the Newton step of the logistic fit. Internal to the
// core. Only + - * / and sqrt, in a fixed order, so the bits are the same natively and in wasm.
#pragma once
#include <cstddef>
#include <vector>

namespace leadscore::fit_detail {

/// Solves A x = b for a symmetric positive definite n x n matrix given row-major in `a` (only the
/// upper triangle, i <= j, is read; `a` is overwritten by the factor). Returns false when A is
/// not positive definite (a pivot <= 0 or not finite); `b` then holds garbage.
bool cholesky_solve(std::vector<double>& a, std::size_t n, std::vector<double>& b);

}  // namespace leadscore::fit_detail
