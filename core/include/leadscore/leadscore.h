// Umbrella header: the whole public C++ API of leadscore.
#pragma once
#include "leadscore/account.h"
#include "leadscore/csv.h"
#include "leadscore/error.h"
#include "leadscore/json.h"
#include "leadscore/limits.h"
#include "leadscore/lint.h"
#include "leadscore/logic.h"
#include "leadscore/model.h"
#include "leadscore/score.h"
#include "leadscore/time.h"
#include "leadscore/verify.h"
#include "leadscore/version.h"
