// The fixed model the scoring and check targets use: the bundled default model (fields, rules,
// completeness, engagement, checks, grading, routing), loaded once per process.
#pragma once
#include <utility>

#include "fuzz_support.h"
#include "leadscore/model.h"

namespace leadscore::fuzz {

inline const Model& default_model() {
  static const Model model = [] {
    auto parsed = Model::parse(default_model_text());
    require(parsed.ok(), "the bundled default model loads");
    return std::move(parsed).value();
  }();
  return model;
}

}  // namespace leadscore::fuzz
