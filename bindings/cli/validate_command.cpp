// See validate_command.h. The JSON form mirrors the JS API's validateModel():
// {"ok":bool,"error"?:{code,path,message},"findings":[{code,severity,path,message}]}.
#include "validate_command.h"

#include <iostream>

#include "exit_codes.h"
#include "leadscore/lint.h"
#include "model_file.h"

namespace leadscore::cli {
namespace {

Json finding_json(const LintFinding& f) {
  return Json::object(
      {{"code", f.code}, {"severity", f.severity}, {"path", f.path}, {"message", f.message}});
}

}  // namespace

int run_validate(const ValidateArgs& args) {
  LoadedModel loaded = load_model_file(args.model_path);
  if (!loaded.model && loaded.exit_code == kExitIo) {
    std::cerr << describe_model_error(args.model_path, loaded.error) << '\n';
    return kExitIo;
  }
  if (!loaded.model) {
    if (args.json) {
      const Error& e = loaded.error;
      Json out = Json::object();
      out["ok"] = false;
      out["error"] = Json::object({{"code", e.code}, {"path", e.path}, {"message", e.message}});
      out["findings"] = Json::array();
      std::cout << dump_json(out) << '\n';
    } else {
      std::cout << describe_model_error(args.model_path, loaded.error) << '\n';
    }
    return kExitUsage;
  }

  const std::vector<LintFinding> findings = validate_model(*loaded.model);
  bool warnings = false;
  for (const auto& f : findings) warnings = warnings || f.severity == "warning";

  if (args.json) {
    Json out = Json::object();
    out["ok"] = true;
    out["findings"] = Json::array();
    for (const auto& f : findings) out["findings"].push_back(finding_json(f));
    std::cout << dump_json(out) << '\n';
  } else {
    for (const auto& f : findings) {
      std::cout << f.severity << ' ' << f.code << ' ' << f.path << ": " << f.message << '\n';
    }
    const Model& m = *loaded.model;
    std::cout << args.model_path << ": model \"" << m.id() << "\" version " << m.version()
              << (findings.empty() ? ": no findings"
                                   : ": " + std::to_string(findings.size()) + " finding(s)")
              << '\n';
  }
  std::cout.flush();
  if (!std::cout) return kExitIo;
  return warnings ? kExitRecordErrors : kExitOk;
}

}  // namespace leadscore::cli
