// `leadscore check`: the model's form checks on every record of a file or stdin, one output line
// each (the same record-in/record-out rules as `score`).
#pragma once
#include <memory>

#include "args.h"
#include "output.h"

namespace leadscore::cli {

/// Runs the command; returns the process exit code (see exit_codes.h).
int run_check(const CheckArgs& args);

/// CSV for `check`: line,id,verdict,quality,findings,codes,error_code. `codes` lists the distinct
/// finding codes in finding order, joined by ';' ("email_free;name_case").
std::unique_ptr<RecordFormatter> make_check_csv_formatter();

}  // namespace leadscore::cli
