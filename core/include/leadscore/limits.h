// Bounds that keep a hostile model or input from hanging or exhausting the engine. Each is a count
// of work or size, never a time, so a call fails at the same point natively and in WebAssembly.
// docs/limits.md gives the defaults, what one unit of work is and what the bounds guarantee.
#pragma once
#include <cstddef>
#include <cstdint>

namespace leadscore {

struct Limits {
  /// Deepest JSON nesting accepted in a model or a lead (checked before anything recursive runs).
  std::size_t max_json_depth = 128;
  /// Units of work one JsonLogic evaluation may do: each node visited and each item an iteration
  /// walks, each array element or object member copied or scanned, each 16 bytes of text copied,
  /// converted or scanned (docs/limits.md); exceeding it fails that condition with
  /// "logic_budget_exceeded" (a rule's warning rule_failed).
  std::uint64_t max_logic_steps = 1000000;
  /// Largest string or array one JsonLogic operation may build (characters or elements); a value
  /// nested deeper than max_json_depth is too large as well ("logic_value_too_large").
  std::size_t max_logic_value_size = 1 << 20;
  /// Units of work one lead's score may do across every condition it evaluates (fit rules,
  /// persona conditions, engagement rules on each event, grade criteria, strong actions) and every
  /// (event, rule) pair and counted event of its engagement; exceeding it fails the lead with
  /// "lead_budget_exceeded". Validating a model spends the same amount ("model_budget_exceeded").
  std::uint64_t max_lead_work = 8000000;
  /// Largest model or lead text accepted, in bytes.
  std::size_t max_document_bytes = 16u << 20;
  /// Most events one lead may carry; more fails that lead with "too_many_events".
  std::size_t max_events = 100000;
};

}  // namespace leadscore
