// `leadscore validate`: load a model and print its lint findings.
#pragma once
#include "args.h"

namespace leadscore::cli {

/// Exit 0 when the model is clean or has only infos, 1 with warnings, 2 when it does not load,
/// 3 when the file cannot be read.
int run_validate(const ValidateArgs& args);

}  // namespace leadscore::cli
