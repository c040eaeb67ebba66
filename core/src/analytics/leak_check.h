// Leak warnings for calibration (docs/calibration.md, "Leaking columns"): a column that alone
// ranks the training rows almost perfectly, or a common value that only ever meets one outcome,
// is most likely filled after the outcome was known (a sales status, a call's duration), which
// makes a pre-contact score look far better than it will be. Internal to the core.
#pragma once
#include "leadscore/calibrate.h"
#include "leadscore/json.h"

namespace leadscore {

/// A single column's ROC AUC above this (on the training rows) is a suspected leak.
inline constexpr double kLeakAuc = 0.85;
/// A value met by at least this share of the training rows, all with one outcome, is one too.
inline constexpr double kLeakPureShare = 0.05;

/// Appends "leak_suspected" warnings ({code, path: "/columns/<header>", message with the figure})
/// for the columns of `history` that look like leaks, in column order.
void leak_warnings(const History& history, Json& warnings);

}  // namespace leadscore
