// See model_file.h.
#include "model_file.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "exit_codes.h"
#include "leadscore/lint.h"

namespace leadscore::cli {

LoadedModel load_model_file(const std::string& path) {
  LoadedModel out;
  if (path.empty()) {  // no --model: the bundled default model (it always parses)
    out.model = Model::parse(default_model_text()).value();
    return out;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    out.exit_code = kExitIo;
    out.error = {"model_unreadable", "", "cannot open the model file"};
    return out;
  }
  const std::size_t limit = Limits{}.max_document_bytes;
  std::string text;
  char buffer[1 << 16];
  while (file.read(buffer, sizeof buffer) || file.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(file.gcount()));
    if (text.size() > limit) {
      out.exit_code = kExitUsage;
      out.error = {"model_too_large", "",
                   "the model file is larger than " + std::to_string(limit) + " bytes"};
      return out;
    }
  }
  if (file.bad()) {
    out.exit_code = kExitIo;
    out.error = {"model_unreadable", "", "reading the model file failed"};
    return out;
  }
  auto parsed = Model::parse(text);
  if (!parsed) {
    out.exit_code = kExitUsage;
    out.error = parsed.error();
    return out;
  }
  out.model = std::move(parsed).value();
  return out;
}

std::string describe_model_error(const std::string& path, const Error& error) {
  std::string line = "leadscore: invalid model " + path + ": ";
  if (error.code == "model_unreadable") line = "leadscore: " + path + ": ";
  if (!error.path.empty()) line += error.path + ": ";
  return line + error.message + " (" + error.code + ")";
}

std::optional<Model> load_model_or_report(const std::string& path, int& exit_code,
                                          const std::optional<std::string>& data_path) {
  LoadedModel loaded = load_model_file(path);
  if (!loaded.model) {
    std::cerr << describe_model_error(path, loaded.error) << '\n';
    exit_code = loaded.exit_code;
    return std::nullopt;
  }
  // --data, else $LEADSCORE_DATA (npx leadscore sets it to the package's full pack), else the
  // built-in pack.
  std::optional<std::string> data_file = data_path;
  if (!data_file) {
    const char* env = std::getenv("LEADSCORE_DATA");
    if (env != nullptr && *env != '\0') data_file = env;
  }
  if (data_file) {
    const std::string& data_path_text = *data_file;
    std::ifstream file(data_path_text, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    if (!file.is_open() || file.bad()) {
      std::cerr << "leadscore: " << data_path_text << ": cannot read the data pack (data_unreadable)\n";
      exit_code = kExitIo;
      return std::nullopt;
    }
    auto pack = load_data(bytes.str());
    if (!pack) {
      std::cerr << "leadscore: " << data_path_text << ": " << (pack.error().path.empty() ? "" : pack.error().path + ": ")
                << pack.error().message << " (" << pack.error().code << ")\n";
      exit_code = kExitUsage;
      return std::nullopt;
    }
    loaded.model->use_data(pack.value());
  }
  // What `validate` would warn about (a misspelt variable, an unreachable routing rule...), once
  // per run, before any record: scoring with such a model usually gives wrong scores silently.
  for (const LintFinding& finding : validate_model(*loaded.model))
    if (finding.severity == "warning")
      std::cerr << "leadscore: model warning " << finding.code << " at " << finding.path << ": " << finding.message
                << " (leadscore validate --model lists them)\n";
  return std::move(loaded.model);
}

}  // namespace leadscore::cli
