// Fuzz target model_parse: the input is a model file's text. What loads is linted and described,
// and its canonical form (the text its fingerprint covers) must load again to the same fingerprint.
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "leadscore/describe.h"
#include "leadscore/lint.h"
#include "leadscore/model.h"

namespace leadscore::fuzz {

void model_parse(std::string_view input) {
  auto model = Model::parse(input, fuzz_limits());
  if (!model.ok()) {
    require(!model.error().code.empty(), "a refused model has an error code");
    return;
  }
  const auto findings = validate_model(model.value());
  for (const auto& finding : findings) require(!finding.code.empty(), "a lint finding has a code");
  const std::string description = dump_json(describe_model(model.value()));
  require(!description.empty(), "describe_model writes something");

  const std::string canonical = dump_json(model.value().document());
  auto again = Model::parse(canonical, fuzz_limits());
  require(again.ok(), "the canonical form of a model that loads loads too");
  require_equal(again.value().fingerprint(), model.value().fingerprint(),
                "the canonical form has the model's fingerprint");
}

}  // namespace leadscore::fuzz
