// Exponential and logarithm computed with + - * / only, so the result is the same to the bit
// natively (glibc) and in WebAssembly (musl): the libm versions differ in the last bit now and then
// (../shared/docs/toolchain-notes.md). Accurate to a few ulp, which is all calibration needs.
#pragma once

namespace leadscore {

/// 2^x. Overflow gives +inf, underflow 0; NaN stays NaN.
double det_exp2(double x);
/// e^x.
double det_exp(double x);
/// Natural logarithm; x <= 0 gives -inf (0) or NaN (negative).
double det_log(double x);
/// 1 / (1 + e^-z), computed without overflow for large |z|.
double det_logistic(double z);
/// log(1 + e^z) without overflow (the logistic loss).
double det_log1p_exp(double z);

inline constexpr double kLn2 = 0.6931471805599453;  // ln 2, correctly rounded

}  // namespace leadscore
