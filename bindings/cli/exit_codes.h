// The CLI's exit codes, one place so help text, commands and tests agree.
#pragma once

namespace leadscore::cli {

enum ExitCode : int {
  kExitOk = 0,            ///< every record scored / model clean (infos allowed)
  kExitRecordErrors = 1,  ///< score: some records were error records; validate: warnings found
  kExitUsage = 2,         ///< bad command line, or the model is invalid
  kExitIo = 3,            ///< a file could not be opened, read or written
};

}  // namespace leadscore::cli
