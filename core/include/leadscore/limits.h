// Bounds that keep a hostile model or input from hanging or exhausting the engine.
#pragma once
#include <cstddef>
#include <cstdint>

namespace leadscore {

struct Limits {
  /// Deepest JSON nesting accepted in a model or a lead (checked before anything recursive runs).
  std::size_t max_json_depth = 128;
  /// Operations one JsonLogic evaluation may perform (each node visit and each element an operation
  /// walks counts one); exceeding it fails that rule with "logic_budget_exceeded".
  std::uint64_t max_logic_steps = 1000000;
  /// Largest string or array one JsonLogic operation may build (characters or elements).
  std::size_t max_logic_value_size = 1 << 20;
  /// Largest model or lead text accepted, in bytes.
  std::size_t max_document_bytes = 16u << 20;
  /// Most events one lead may carry; more fails that lead with "too_many_events".
  std::size_t max_events = 100000;
};

}  // namespace leadscore
