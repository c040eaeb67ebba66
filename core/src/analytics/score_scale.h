// The exported model's score scale and bands, fitted to the training leads (docs/calibration.md,
// "Scale and bands"): with a low base rate the fixed scale (probability 5 % to 95 %) leaves most
// leads at 0 and the fixed bands leave the hot band nearly empty. Internal to the core.
#pragma once
#include "leadscore/calibrate.h"

namespace leadscore::fit_detail {

/// Rewrites `model`'s "scale" (options.scale == Training) and "bands" (options.bands == Shares)
/// from the points the model gives the training rows, scored through the public path. Leaves the
/// model as exported for Odds and Fixed. Errors: export_invalid (the model does not load).
Expected<bool> fit_scale_and_bands(Json& model, const History& history, const CalibrationOptions& options);

}  // namespace leadscore::fit_detail
