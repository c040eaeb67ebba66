// The JsonLogic evaluator: json-logic-js 2.0 semantics over compiled nodes, bounded by the units of
// work of Limits::max_logic_steps (and of the caller's WorkBudget) and by the size of the values
// it builds (docs/limits.md). Internal to the core: logic_eval.cpp walks the nodes,
// logic_operators.cpp applies the operators to evaluated operands.
#pragma once
#include <cstdint>
#include <new>
#include <optional>
#include <vector>

#include "leadscore/logic.h"
#include "leadscore/work_budget.h"
#include "logic/js_value.h"
#include "logic/logic_node.h"

namespace leadscore::logic_detail {

// A value during evaluation: borrowed from the data or the rule, or owned (computed). Undefined
// when neither. Borrowing builds no JSON value at all: most values are read, not computed.
class Val {
 public:
  Val() = default;
  static Val borrow(const Json& v) { Val r; r.ref_ = &v; return r; }
  static Val own(Json v) { Val r; r.owned_.emplace(std::move(v)); return r; }
  const Json& get() const { return ref_ != nullptr ? *ref_ : owned_ ? *owned_ : undefined(); }
  bool borrowed() const { return ref_ != nullptr; }
  /// The owned value, moved out (only when !borrowed()); undefined when there is none.
  Json release() && { return owned_ ? std::move(*owned_) : undefined(); }

 private:
  static const Json& undefined() {
    static const Json kUndefined = js::undefined();
    return kUndefined;
  }
  std::optional<Json> owned_;
  const Json* ref_ = nullptr;
};

// The operand values of one node: up to four without a heap allocation (nearly every node has
// one to three operands; a vector per node was a malloc and a free per node evaluated).
class ValList {
 public:
  explicit ValList(std::size_t expected) : on_heap_(expected > kInline) {
    if (on_heap_) heap_.reserve(expected);
  }
  ~ValList() {
    for (std::size_t i = 0; i < size_; ++i) inline_at(i)->~Val();
  }
  ValList(const ValList&) = delete;
  ValList& operator=(const ValList&) = delete;
  void push_back(Val&& v) {
    if (on_heap_) {
      heap_.push_back(std::move(v));
    } else {
      new (inline_at(size_)) Val(std::move(v));  // only the values pushed are ever built
      ++size_;
    }
  }
  std::size_t size() const { return on_heap_ ? heap_.size() : size_; }
  bool empty() const { return size() == 0; }
  const Val& operator[](std::size_t i) const { return begin()[i]; }
  const Val* begin() const { return on_heap_ ? heap_.data() : inline_at(0); }
  const Val* end() const { return begin() + size(); }

 private:
  static constexpr std::size_t kInline = 4;
  Val* inline_at(std::size_t i) { return reinterpret_cast<Val*>(storage_) + i; }
  const Val* inline_at(std::size_t i) const { return reinterpret_cast<const Val*>(storage_) + i; }
  bool on_heap_;
  std::size_t size_ = 0;
  alignas(Val) unsigned char storage_[kInline * sizeof(Val)];
  std::vector<Val> heap_;
};

class Evaluator {
 public:
  /// `slots`: the lead the rule reads at its own level (null: it reads the data it is given).
  /// `budget`: the caller's budget across evaluations (null: only this evaluation's limit).
  Evaluator(const Limits& limits, const FieldSlots* slots, WorkBudget* budget);
  // The data a rule applied to slots starts from: the slots' object, built only when read whole.
  static const Json& lead_data(const FieldSlots& slots) { return slots.object_; }
  bool failed() const { return !error_.code.empty(); }
  const Error& error() const { return error_; }

  Val eval(const Node& node, const Json& data) {
    if (!step()) return Val();
    return eval_counted(node, data);
  }
  // eval() after its step for the node itself.
  Val eval_counted(const Node& node, const Json& data);
  // js::truthy(eval(node, data).get()), without building the value where only its truthiness
  // matters (and, or, !, !!, missing of slot-bound keys, comparisons). The same steps are counted
  // in the same order; only the copies of a built value are not (nothing is copied).
  bool eval_truthy(const Node& node, const Json& data);

  /// A value to keep: an owned one is moved, a borrowed one copied once its size is paid for.
  Json take(Val&& value);
  /// Adds the units this evaluation used to the caller's budget; call once, at the end.
  void settle();

 protected:
  // (Protected: the community edition's evaluator, community_evaluator.h, walks its own nodes
  // with the same accounting and reuses the classic operators it shares.)
  // Counted on every node: the usual case inline, the failure out of line. steps_ never passes
  // cap_ (whatever the limits a host sets, nothing overflows).
  bool step() {
    if (!failed() && steps_ < cap_) {
      ++steps_;
      return true;
    }
    return over_budget();
  }
  // Bulk work (copies, conversions, scans): out of line, one call site each instead of a copy
  // of the check (the wasm modules are downloaded; the work it guards dwarfs a call).
  __attribute__((noinline)) bool charge(std::uint64_t units) {
    if (failed()) return false;
    if (units <= cap_ - steps_) {
      steps_ += units;
      return true;
    }
    steps_ = cap_;
    return over_budget();
  }
  /// Units left before the cap (what a measure need not look beyond).
  std::uint64_t room() const { return cap_ - steps_; }
  /// Pays for copying `value` (its size); false (failed) when over the budget or too deep.
  bool charge_copy(const Json& value);
  bool over_budget();
  void fail(const char* code, std::string message) {
    if (!failed()) error_ = Error{code, "", std::move(message)};
  }
  bool check_size(std::size_t size);

  // Whether `data` is the lead's slots (the rule's own level, not an item of map/filter...).
  bool at_lead(const Json& data) const { return slots_ != nullptr && &data == &slots_->object_; }
  // Makes the lead's object readable as `data` (builds it in place when the rule reads it whole).
  void need_object(const Json& data) const {
    if (at_lead(data)) slots_->object();
  }

  const Json* const* plain_operands(const Node& node, const Json& data);
  bool compare_plain(const Node& node, const Json* const* operands, bool& answer);
  Val eval_if(const Node& node, const Json& data);
  Val eval_and_or(const Node& node, const Json& data);
  Val eval_iteration(const Node& node, const Json& data);
  Val eval_reduce(const Node& node, const Json& data);
  Val apply_operator(Op op, const ValList& v, const Json& data);
  Val var(const Json& path, const Json& fallback, const Json& data);
  Json missing(const std::vector<const Json*>& keys, const Json& data);

  const Limits& limits_;
  const FieldSlots* slots_;
  WorkBudget* budget_;
  std::uint64_t cap_;         // the smaller of the evaluation's limit and what the budget has left
  bool budget_binds_ = false;  // the cap is the caller's budget: running over it spends the budget
  const Json* operands_[3] = {nullptr, nullptr, nullptr};  // plain_operands(): used at once, never nested
  std::uint64_t steps_ = 0;
  Error error_;
};

/// An array in a rule (`[{"var": "a"}, 1]`): each element evaluated in order by the edition's
/// evaluator (Evaluator or CommunityEvaluator), copied into a new array.
template <class Edition>
Val eval_array(Edition& evaluator, const Node& node, const Json& data) {
  Json out = Json::array();
  out.get_ref<Json::array_t&>().reserve(node.args.size());
  for (const auto& a : node.args) {
    Json value = evaluator.take(evaluator.eval(a, data));
    if (evaluator.failed()) return Val();
    out.push_back(std::move(value));
  }
  return Val::own(std::move(out));
}

}  // namespace leadscore::logic_detail
