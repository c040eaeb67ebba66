// Loading the model named by --model: a file the CLI reads whole (models are small and bounded
// by Limits::max_document_bytes), then Model::parse.
#pragma once
#include <optional>
#include <string>

#include "leadscore/model.h"

namespace leadscore::cli {

struct LoadedModel {
  std::optional<Model> model;
  int exit_code = 0;  ///< kExitIo when the file cannot be read, kExitUsage when it is invalid
  Error error;        ///< set when !model ("model_unreadable" or the core's load error)
};

LoadedModel load_model_file(const std::string& path);

/// "leadscore: ..." line for stderr describing a load failure.
std::string describe_model_error(const std::string& path, const Error& error);

/// load_model_file() for the commands that only need the model: a failure is described on stderr
/// and gives nullopt with `exit_code` set; lint warnings of a loaded model go to stderr once. `data_path` (--data): a data pack file for the model's
/// checks instead of the built-in pack (docs/data-packs.md).
std::optional<Model> load_model_or_report(const std::string& path, int& exit_code,
                                          const std::optional<std::string>& data_path = std::nullopt);

}  // namespace leadscore::cli
