// Evaluating compiled JsonLogic with json-logic-js 2.0 semantics, bounded in steps and value size.
#include <array>
#include <new>
#include <optional>
#include <algorithm>
#include <cmath>
#include <limits>

#include "logic/js_value.h"
#include "leadscore/logic.h"
#include "logic/logic_node.h"
#include "logic/logic_predicate.h"

namespace leadscore {
namespace logic_detail {
namespace {

// A result that either borrows a value that outlives the evaluation (a literal of the rule, a part
// of the data) or owns a computed one; borrowing avoids copying data on every `var`.
// A value during evaluation: borrowed from the data or the rule, or owned (computed). Undefined
// when neither. Borrowing builds no JSON value at all: most values are read, not computed.
class Val {
 public:
  Val() = default;
  static Val borrow(const Json& v) { Val r; r.ref_ = &v; return r; }
  static Val own(Json v) { Val r; r.owned_.emplace(std::move(v)); return r; }
  const Json& get() const { return ref_ != nullptr ? *ref_ : owned_ ? *owned_ : undefined(); }
  Json take() && { return ref_ != nullptr ? *ref_ : owned_ ? std::move(*owned_) : undefined(); }

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

bool js_falsy_plain(const Json& v) {  // JavaScript's `!v` (no JsonLogic rule for empty arrays)
  return !(v.is_array() || js::truthy(v));
}

}  // namespace

bool is_comparison(Op op) {
  switch (op) {
    case Op::Eq:
    case Op::Ne:
    case Op::StrictEq:
    case Op::StrictNe:
    case Op::Gt:
    case Op::Ge:
    case Op::Lt:
    case Op::Le:
    case Op::In: return true;
    default: return false;
  }
}

// The comparisons and `in`, on evaluated operands; `c` is the third operand (undefined when
// absent), which only < and <= read ("between").
bool comparison(Op op, const Json& a, const Json& b, const Json& c) {
  switch (op) {
    case Op::Eq: return js::loose_equals(a, b);
    case Op::Ne: return !js::loose_equals(a, b);
    case Op::StrictEq: return js::strict_equals(a, b);
    case Op::StrictNe: return !js::strict_equals(a, b);
    case Op::Gt: return js::compare(a, b) == js::Order::Greater;
    case Op::Ge: {
      const js::Order o = js::compare(a, b);
      return o == js::Order::Greater || o == js::Order::Equal;
    }
    case Op::Lt:
    case Op::Le: {
      auto holds = [op](const Json& x, const Json& y) {
        const js::Order o = js::compare(x, y);
        return o == js::Order::Less || (op == Op::Le && o == js::Order::Equal);
      };
      if (js::is_undefined(c)) return holds(a, b);
      return holds(a, b) && holds(b, c);
    }
    case Op::In:
      if (js_falsy_plain(b)) return false;
      if (b.is_string()) return b.get_ref<const std::string&>().find(js::to_string(a)) != std::string::npos;
      if (b.is_array()) {
        for (const auto& e : b)
          if (js::strict_equals(e, a)) return true;
      }
      return false;
    default: return false;
  }
}

class Evaluator {
 public:
  explicit Evaluator(const Limits& limits, const FieldSlots* slots = nullptr) : limits_(limits), slots_(slots) {}
  // The data a rule applied to slots starts from: the slots' object, built only when read whole.
  static const Json& lead_data(const FieldSlots& slots) { return slots.object_; }
  bool failed() const { return !error_.code.empty(); }
  const Error& error() const { return error_; }

  Val eval(const Node& node, const Json& data) {
    if (!step()) return Val();
    return eval_counted(node, data);
  }

  // eval() after its step for the node itself.
  Val eval_counted(const Node& node, const Json& data) {
    switch (node.op) {
      case Op::Literal: return Val::borrow(node.literal);
      case Op::Array: {
        Json out = Json::array();
        for (const auto& a : node.args) {
          Val v = eval(a, data);
          if (failed()) return Val();
          out.push_back(std::move(v).take());
        }
        return Val::own(std::move(out));
      }
      case Op::If: return eval_if(node, data);
      case Op::And:
      case Op::Or: return eval_and_or(node, data);
      case Op::Map:
      case Op::Filter:
      case Op::All:
      case Op::None:
      case Op::Some: return eval_iteration(node, data);
      case Op::Reduce: return eval_reduce(node, data);
      case Op::Var:
        // {"var": "field"} on a lead's slots: the slot (bound at compile time) or, unbound, the
        // field found by name; null when absent. The operand's step is counted as its evaluation
        // would be.
        if (!node.var_key.empty() && at_lead(data)) {
          if (!step()) return Val();
          if (node.slot >= 0) {
            const auto slot = static_cast<std::size_t>(node.slot);
            return slots_->has(slot) ? Val::borrow(slots_->at(slot)) : Val::own(Json(nullptr));
          }
          const Json* found = node.slot == Node::kNotAField ? nullptr : slots_->find(node.var_key);
          return found != nullptr ? Val::borrow(*found) : Val::own(Json(nullptr));
        }
        // {"var": "key"} on an object: the key's value or null, as var() finds it, without
        // building the path text.
        if (!node.var_key.empty() && data.is_object()) {
          if (!step()) return Val();
          const auto it = data.find(node.var_key);
          return it == data.end() ? Val::own(Json(nullptr)) : Val::borrow(*it);
        }
        break;
      case Op::Missing:
        // {"missing": ["a", "b"]} on the lead's slots, keys bound at compile time: which slots
        // are empty, without building the operands or, when none is, the answer.
        if (at_lead(data) && !node.args.empty() && node.args[0].slot != Node::kUnbound) {
          for (std::size_t k = 0; k < 2 * node.args.size(); ++k)  // each key as an operand, then as a key
            if (!step()) return Val();
          std::optional<Json> absent;
          for (const Node& key : node.args) {
            if (!missing_slot(*slots_, key.slot)) continue;
            if (!absent) absent.emplace(Json::array());
            absent->push_back(key.literal);
          }
          static const Json kNoneMissing = Json::array();
          return absent ? Val::own(std::move(*absent)) : Val::borrow(kNoneMissing);
        }
        break;
      default:
        // The usual rule, a field against a constant ({"in": [{"var": "industry"}, [...]]}),
        // compared in place: the same steps and the same comparison as below, no operand list.
        if (const Json* const* operands = is_comparison(node.op) ? plain_operands(node, data) : nullptr) {
          if (failed()) return Val();
          if (!node.in_strings.empty()) return Val::own(in_strings(node.in_strings, *operands[0]));  // looked up
          static const Json kUndefined = js::undefined();
          return Val::own(comparison(node.op, *operands[0], *operands[1],
                                     node.args.size() > 2 ? *operands[2] : kUndefined));
        }
        break;
    }
    ValList values(node.args.size());  // every other operator evaluates all its operands first
    for (const auto& a : node.args) {
      values.push_back(eval(a, data));
      if (failed()) return Val();
    }
    return apply_operator(node.op, values, data);
  }

  // js::truthy(eval(node, data).get()), without building the value where only its truthiness
  // matters: and, or, !, !! and a `missing` of slot-bound keys (what most rules and criteria are
  // made of). The same steps are counted in the same order, so budgets and errors are unchanged.
  bool eval_truthy(const Node& node, const Json& data) {
    switch (node.op) {
      case Op::And:
      case Op::Or: {
        if (!step()) return false;
        bool t = false;  // without operands the value is undefined: falsy
        for (const auto& a : node.args) {
          t = eval_truthy(a, data);
          if (failed()) return false;
          if ((node.op == Op::And) != t) return t;  // the operand that decides is the value
        }
        return t;
      }
      case Op::Not:
      case Op::NotNot: {
        if (!step()) return false;
        bool first = false;  // undefined without operands
        for (std::size_t i = 0; i < node.args.size(); ++i) {
          if (i == 0) first = eval_truthy(node.args[0], data);
          else eval(node.args[i], data);  // evaluated and dropped, as the general path does
          if (failed()) return false;
        }
        return node.op == Op::Not ? !first : first;
      }
      case Op::Missing:
        if (at_lead(data) && !node.args.empty() && node.args[0].slot != Node::kUnbound) {
          for (std::size_t k = 0; k <= 2 * node.args.size(); ++k)  // the node, then as in eval()
            if (!step()) return false;
          for (const Node& key : node.args)  // truthy when a key is missing (a non-empty list)
            if (missing_slot(*slots_, key.slot)) return true;
          return false;
        }
        break;
      default:
        // A comparison of plain operands answers a boolean: no value to build.
        if (is_comparison(node.op)) {
          if (!step()) return false;
          if (const Json* const* operands = plain_operands(node, data)) {
            if (failed()) return false;
            if (!node.in_strings.empty()) return in_strings(node.in_strings, *operands[0]);
            static const Json kUndefined = js::undefined();
            return comparison(node.op, *operands[0], *operands[1], node.args.size() > 2 ? *operands[2] : kUndefined);
          }
          const Val value = eval_counted(node, data);
          return !failed() && js::truthy(value.get());
        }
        break;
    }
    const Val value = eval(node, data);
    return !failed() && js::truthy(value.get());
  }

 private:
  // The operands of a comparison when each is a literal or a slot-bound variable of the lead (two,
  // or three for < and <=), read without evaluating them as nodes; their evaluation steps are
  // counted all the same. Null when the node is not of that shape (nothing counted then).
  const Json* const* plain_operands(const Node& node, const Json& data) {
    const std::size_t n = node.args.size();
    if (n < 2 || n > 3 || (n == 3 && node.op != Op::Lt && node.op != Op::Le)) return nullptr;
    const bool lead = at_lead(data);
    for (const Node& a : node.args)
      if (a.op != Op::Literal && !(lead && a.op == Op::Var && a.slot != Node::kUnbound)) return nullptr;
    static const Json kNull = nullptr;
    for (std::size_t i = 0; i < n; ++i) {
      const Node& a = node.args[i];
      if (a.op == Op::Literal) {
        if (!step()) return operands_;
        operands_[i] = &a.literal;
        continue;
      }
      if (!step() || !step()) return operands_;  // the var node and its key operand
      operands_[i] = a.slot >= 0 && slots_->has(static_cast<std::size_t>(a.slot))
                         ? &slots_->at(static_cast<std::size_t>(a.slot))
                         : &kNull;
    }
    return operands_;
  }

  // Whether `data` is the lead's slots (the rule's own level, not an item of map/filter...).
  bool at_lead(const Json& data) const { return slots_ != nullptr && &data == &slots_->object_; }
  // Makes the lead's object readable as `data` (builds it in place when the rule reads it whole).
  void need_object(const Json& data) const {
    if (at_lead(data)) slots_->object();
  }

  // Counted on every node: the usual case inline, the failure out of line.
  bool step() {
    if (!failed() && ++steps_ <= limits_.max_logic_steps) return true;
    return over_budget();
  }
  __attribute__((noinline)) bool over_budget() {
    if (!failed())
      fail("logic_budget_exceeded", "condition needed more than " + std::to_string(limits_.max_logic_steps) + " evaluation steps");
    return false;
  }
  void fail(const char* code, std::string message) {
    if (!failed()) error_ = Error{code, "", std::move(message)};
  }
  bool check_size(std::size_t size) {
    if (size <= limits_.max_logic_value_size) return true;
    fail("logic_value_too_large", "condition built a value larger than " + std::to_string(limits_.max_logic_value_size) + " elements or characters");
    return false;
  }

  static const Json& at(const ValList& v, std::size_t i) {
    static const Json kUndefined = js::undefined();
    return i < v.size() ? v[i].get() : kUndefined;
  }

  Val eval_if(const Node& node, const Json& data) {
    const std::size_t n = node.args.size();
    std::size_t i = 0;
    for (; i + 1 < n; i += 2) {
      Val cond = eval(node.args[i], data);
      if (failed()) return Val();
      if (js::truthy(cond.get())) return eval(node.args[i + 1], data);
    }
    if (n == i + 1) return eval(node.args[i], data);
    return Val::own(nullptr);
  }

  Val eval_and_or(const Node& node, const Json& data) {
    Val current;
    for (const auto& a : node.args) {
      current = eval(a, data);
      if (failed()) return Val();
      const bool t = js::truthy(current.get());
      if ((node.op == Op::And) != t) return current;
    }
    return current;
  }

  Val eval_iteration(const Node& node, const Json& data) {
    static const Node kUndefinedLogic = [] { Node n; n.literal = js::undefined(); return n; }();
    Val scoped = node.args.empty() ? Val() : eval(node.args[0], data);
    if (failed()) return Val();
    const Node& logic = node.args.size() > 1 ? node.args[1] : kUndefinedLogic;
    const Json& items = scoped.get();
    const bool is_array = items.is_array();
    switch (node.op) {
      case Op::Map:
      case Op::Filter: {
        Json out = Json::array();
        if (!is_array) return Val::own(std::move(out));
        for (const auto& item : items) {
          if (!step()) return Val();
          Val r = eval(logic, item);
          if (failed()) return Val();
          if (node.op == Op::Map) out.push_back(std::move(r).take());
          else if (js::truthy(r.get())) out.push_back(item);
        }
        return Val::own(std::move(out));
      }
      default: {  // all, none, some
        const bool want = node.op != Op::All;  // the truthiness that ends the loop early
        if (!is_array || items.empty()) return Val::own(node.op == Op::None);
        for (const auto& item : items) {
          if (!step()) return Val();
          Val r = eval(logic, item);
          if (failed()) return Val();
          if (js::truthy(r.get()) == want) return Val::own(node.op == Op::Some);
        }
        return Val::own(node.op != Op::Some);
      }
    }
  }

  Val eval_reduce(const Node& node, const Json& data) {
    static const Node kUndefinedLogic = [] { Node n; n.literal = js::undefined(); return n; }();
    Val scoped = node.args.empty() ? Val() : eval(node.args[0], data);
    if (failed()) return Val();
    const Node& logic = node.args.size() > 1 ? node.args[1] : kUndefinedLogic;
    Json accumulator = nullptr;
    if (node.args.size() > 2) {
      accumulator = eval(node.args[2], data).take();
      if (failed()) return Val();
    }
    if (!scoped.get().is_array()) return Val::own(std::move(accumulator));
    for (const auto& item : scoped.get()) {
      if (!step()) return Val();
      // json-logic-js passes {current, accumulator}; a member that is undefined reads as absent
      // (var finds undefined) and JSON.stringify omits it, so it is left out here.
      Json context = Json::object();
      if (!js::is_undefined(item)) context["current"] = item;
      if (!js::is_undefined(accumulator)) context["accumulator"] = std::move(accumulator);
      accumulator = eval(logic, context).take();
      if (failed()) return Val();
    }
    return Val::own(std::move(accumulator));
  }

  Val apply_operator(Op op, const ValList& v, const Json& data);
  Val var(const Json& path, const Json& fallback, const Json& data);
  Json missing(const std::vector<const Json*>& keys, const Json& data);

  const Limits& limits_;
  const FieldSlots* slots_;
  const Json* operands_[3] = {nullptr, nullptr, nullptr};  // plain_operands(): used at once, never nested
  std::uint64_t steps_ = 0;
  Error error_;
};

namespace {

bool is_canonical_index(const std::string& s, std::size_t& index) {
  if (s.empty() || s.size() > 15 || (s.size() > 1 && s[0] == '0')) return false;
  index = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return true;
}

// Unicode code points of a UTF-8 string as byte offsets (the last entry is the string's size).
std::vector<std::size_t> code_point_offsets(const std::string& s) {
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xc0) != 0x80) offsets.push_back(i);
  offsets.push_back(s.size());
  return offsets;
}

}  // namespace

Val Evaluator::var(const Json& path, const Json& fallback, const Json& data) {
  need_object(data);
  const Json not_found = js::is_undefined(fallback) ? Json(nullptr) : fallback;
  if (js::is_undefined(path) || path.is_null() || (path.is_string() && path.get_ref<const std::string&>().empty()))
    return Val::borrow(data);
  const std::string text = js::to_string(path);
  const Json* current = &data;
  Json holder;  // a value computed on the way (a string's character or length)
  std::size_t begin = 0;
  for (;;) {
    const std::size_t dot = text.find('.', begin);
    const std::string key = text.substr(begin, dot == std::string::npos ? std::string::npos : dot - begin);
    if (current->is_null() || js::is_undefined(*current)) return Val::own(not_found);
    std::size_t index = 0;
    if (current->is_object()) {
      const auto it = current->find(key);
      if (it == current->end()) return Val::own(not_found);
      current = &*it;
    } else if (current->is_array()) {
      if (is_canonical_index(key, index) && index < current->size()) current = &(*current)[index];
      else if (key == "length") { holder = Json(current->size()); current = &holder; }
      else return Val::own(not_found);
    } else if (current->is_string()) {
      const std::string& s = current->get_ref<const std::string&>();
      Json next;
      if (key == "length") next = Json(js::utf16_length(s));
      else if (is_canonical_index(key, index)) {
        const auto offsets = code_point_offsets(s);
        if (index + 1 >= offsets.size()) return Val::own(not_found);
        next = Json(s.substr(offsets[index], offsets[index + 1] - offsets[index]));
      } else return Val::own(not_found);
      holder = std::move(next);
      current = &holder;
    } else {
      return Val::own(not_found);
    }
    if (dot == std::string::npos) break;
    begin = dot + 1;
  }
  if (current == &holder) return Val::own(std::move(holder));
  return Val::borrow(*current);
}

Json Evaluator::missing(const std::vector<const Json*>& keys, const Json& data) {
  Json out = Json::array();
  static const Json kUndefined = js::undefined();
  for (const Json* key : keys) {
    if (!step()) return out;
    // json-logic-js reads a key with jsonLogic.apply({"var": key}, data): an array key is var's
    // operand list, so ["a", 0] means "a" with the default 0 (and [] reads the whole data).
    // A plain key on an object (the common case) is looked up directly, as var() would find it.
    if (key->is_string() && data.is_object()) {
      const std::string& name = key->get_ref<const std::string&>();
      if (!name.empty() && name.find('.') == std::string::npos) {
        const Json* found = nullptr;
        if (at_lead(data)) {
          found = slots_->find(name);
        } else if (const auto it = data.find(name); it != data.end()) {
          found = &*it;
        }
        const bool absent = found == nullptr || found->is_null() ||
                            (found->is_string() && found->get_ref<const std::string&>().empty());
        if (absent) out.push_back(*key);
        continue;
      }
    }
    const Val value = key->is_array()
        ? var(key->empty() ? kUndefined : (*key)[0], key->size() > 1 ? (*key)[1] : kUndefined, data)
        : var(*key, kUndefined, data);
    if (missing_value(value.get())) out.push_back(*key);
  }
  return out;
}

namespace {

// The keys `missing` looks at: its first operand when that is an array, else all operands.
std::vector<const Json*> missing_keys(const std::vector<const Json*>& operands) {
  if (!operands.empty() && operands[0]->is_array()) {
    std::vector<const Json*> keys;
    for (const auto& k : *operands[0]) keys.push_back(&k);
    return keys;
  }
  return operands;
}


std::string substr_code_points(const std::string& s, const Json& start, const Json* length) {
  // ASCII text (URLs, ids: what props and most fields hold) has one byte per code point, so the
  // offsets are the indices themselves: no table to build.
  const bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  const auto offsets = ascii ? std::vector<std::size_t>() : code_point_offsets(s);
  const auto offset = [&](std::size_t i) { return ascii ? i : offsets[i]; };
  const double size = static_cast<double>(ascii ? s.size() : offsets.size() - 1);
  double from = js::to_number(start);
  if (std::isnan(from)) from = 0;
  from = std::trunc(from);
  from = from < 0 ? std::max(size + from, 0.0) : std::min(from, size);
  double count = size - from;
  if (length != nullptr) {
    double l = js::to_number(*length);
    if (std::isnan(l)) l = 0;
    count = std::min(std::max(std::trunc(l), 0.0), size - from);
  }
  const auto b = offset(static_cast<std::size_t>(from));
  const auto e = offset(static_cast<std::size_t>(from + count));
  return s.substr(b, e - b);
}

}  // namespace

Val Evaluator::apply_operator(Op op, const ValList& v, const Json& data) {
  const Json& a = at(v, 0);
  const Json& b = at(v, 1);
  if (is_comparison(op)) return Val::own(comparison(op, a, b, at(v, 2)));
  switch (op) {
    case Op::Var: return var(a, b, data);
    case Op::Missing:
    case Op::MissingSome: {
      // json-logic-js's missing_some reads `options.length`: a TypeError when the keys operand is
      // absent, null or undefined.
      if (op == Op::MissingSome && (b.is_null() || js::is_undefined(b))) {
        fail("logic_arity", "\"missing_some\" needs a list of keys as its second operand");
        return Val();
      }
      std::vector<const Json*> operands;
      if (op == Op::Missing) {
        for (const auto& x : v) operands.push_back(&x.get());
      } else if (b.is_array()) {
        for (const auto& x : b) operands.push_back(&x);
      } else {
        operands.push_back(&b);
      }
      Json absent = missing(missing_keys(operands), data);
      if (op == Op::Missing) return Val::own(std::move(absent));
      double options = std::numeric_limits<double>::quiet_NaN();
      if (b.is_array()) options = static_cast<double>(b.size());
      else if (b.is_string()) options = static_cast<double>(js::utf16_length(b.get_ref<const std::string&>()));
      const js::Order o = js::compare(js::number(options - static_cast<double>(absent.size())), a);
      if (o == js::Order::Greater || o == js::Order::Equal) return Val::own(Json::array());
      return Val::own(std::move(absent));
    }
    case Op::Not: return Val::own(!js::truthy(a));
    case Op::NotNot: return Val::own(js::truthy(a));
    case Op::Add: {
      double sum = 0;
      for (const auto& x : v) sum = sum + js::parse_float(x.get());
      return Val::own(js::number_result(sum));
    }
    case Op::Mul: {
      if (v.empty()) {
        fail("logic_arity", "\"*\" needs at least one operand");
        return Val();
      }
      if (v.size() == 1) return Val::own(a);  // Array.prototype.reduce returns a lone element as is
      double product = js::parse_float(a);
      for (std::size_t i = 1; i < v.size(); ++i) product = product * js::parse_float(v[i].get());
      return Val::own(js::number_result(product));
    }
    case Op::Sub:
      if (js::is_undefined(b)) return Val::own(js::number_result(-js::to_number(a)));
      return Val::own(js::number_result(js::to_number(a) - js::to_number(b)));
    case Op::Div: return Val::own(js::number_result(js::to_number(a) / js::to_number(b)));
    case Op::Mod: return Val::own(js::number_result(std::fmod(js::to_number(a), js::to_number(b))));
    case Op::Min:
    case Op::Max: {
      const bool is_min = op == Op::Min;
      double best = is_min ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
      for (const auto& x : v) {
        const double d = js::to_number(x.get());
        if (std::isnan(d) || std::isnan(best)) best = std::numeric_limits<double>::quiet_NaN();
        else if (is_min ? d < best : d > best) best = d;
        // Math.min/Math.max order -0 below +0 (ECMAScript 21.3.2.24/25).
        else if (d == 0 && best == 0 && std::signbit(d) != std::signbit(best) && std::signbit(d) == is_min) best = d;
      }
      return Val::own(js::number_result(best));
    }
    case Op::Merge: {
      Json out = Json::array();
      for (const auto& x : v) {
        const Json& item = x.get();
        if (item.is_array()) {
          if (!check_size(out.size() + item.size())) return Val();
          for (const auto& e : item) out.push_back(e);
        } else {
          out.push_back(item);
        }
      }
      return Val::own(std::move(out));
    }
    case Op::Cat: {
      std::string out;
      for (const auto& x : v) {
        const Json& item = x.get();
        if (!item.is_null() && !js::is_undefined(item)) out += js::to_string(item);
        if (!check_size(out.size())) return Val();
      }
      return Val::own(std::move(out));
    }
    case Op::Substr: {
      const std::string source = js::to_string(a);
      const Json& end = at(v, 2);
      if (js::compare(end, Json(0)) == js::Order::Less) {
        const std::string temp = substr_code_points(source, b, nullptr);
        const Json primitive = end.is_array() || end.is_object() ? Json(js::to_string(end)) : end;
        // JavaScript's `temp.length + end` concatenates when `end` is a string: the length is then NaN.
        const double length = primitive.is_string() ? 0 : static_cast<double>(code_point_offsets(temp).size() - 1) + js::to_number(primitive);
        const Json length_value = js::number(length);
        return Val::own(substr_code_points(temp, Json(0), &length_value));
      }
      return Val::own(substr_code_points(source, b, js::is_undefined(end) ? nullptr : &end));
    }
    case Op::Log: return Val::own(a);  // deliberately silent: lead data never reaches a log
    default: break;
  }
  fail("logic_internal", "operator without an implementation");
  return Val();
}

}  // namespace logic_detail

Expected<Json> Logic::apply(const Json& data) const {
  if (!root_) return Error{"logic_empty", "", "condition was not compiled"};
  logic_detail::Evaluator evaluator(limits_);
  logic_detail::Val result = evaluator.eval(*root_, data);
  if (evaluator.failed()) return evaluator.error();
  return std::move(result).take();
}

Expected<bool> Logic::holds(const FieldSlots& lead) const {
  if (!root_) return Error{"logic_empty", "", "condition was not compiled"};
  // Within the budget whatever the lead: the predicate answers as the evaluator would.
  if (predicate_ && predicate_steps_ <= limits_.max_logic_steps) return predicate_->holds(lead);
  logic_detail::Evaluator evaluator(limits_, &lead);
  const bool result = evaluator.eval_truthy(*root_, logic_detail::Evaluator::lead_data(lead));
  if (evaluator.failed()) return evaluator.error();
  return result;
}

Expected<bool> Logic::holds(const Json& data) const {
  if (!root_) return Error{"logic_empty", "", "condition was not compiled"};
  logic_detail::Evaluator evaluator(limits_);
  const bool result = evaluator.eval_truthy(*root_, data);
  if (evaluator.failed()) return evaluator.error();
  return result;
}

bool logic_truthy(const Json& value) { return js::truthy(value); }

}  // namespace leadscore
