// Sales feedback given to score() (docs/feedback.md): every adjustment and the verdict are checked
// field by field, then resolved against `now` into active / expired / future. Any malformed part
// fails the whole score with "feedback_invalid" at its JSON pointer: a half-read feedback object
// would silently change a lead's score.
#include "score/feedback_input.h"

#include <algorithm>
#include <utility>

#include "score/lead_normalize.h"
#include "leadscore/time.h"
#include "score/points_json.h"

namespace leadscore {
namespace {

using model_detail::Reader;

constexpr std::size_t kMaxAdjustments = 1000;  // bounded work and result size per lead
constexpr std::size_t kMaxBy = 200;             // bytes of "by" (a user id or name)
constexpr std::size_t kMaxReason = 1000;        // bytes of "reason" (a sentence or two)

// Reads the feedback with a Reader (the model reader's typed access), then reports its first
// failure under one code: for the caller, feedback is either usable or not.
struct FeedbackReader {
  Reader r;

  void fail(const std::string& pointer, const std::string& message) { r.fail("feedback_invalid", pointer, message); }

  bool object(const Json& value, const std::string& p, const char* what,
              std::initializer_list<const char*> keys) {
    if (r.failed()) return false;
    if (!value.is_object()) {
      fail(p, std::string(what) + " must be an object");
      return false;
    }
    r.only_keys(value, p, keys);
    return !r.failed();
  }

  std::string text(const Json& object, const std::string& p, const char* key, std::size_t max) {
    std::string s = r.string(object, p, key, true);
    if (!r.failed() && s.size() > max)
      fail(p + "/" + key, std::string("\"") + key + "\" is longer than " + std::to_string(max) + " bytes");
    return s;
  }

  std::optional<Millis> instant(const Json& object, const std::string& p, const char* key, bool required) {
    const std::string s = r.string(object, p, key, required);
    if (r.failed()) return std::nullopt;
    if (s.empty()) {
      if (object.contains(key)) fail(p + "/" + key, std::string("\"") + key + "\" must not be empty");
      return std::nullopt;
    }
    const auto t = parse_instant(s);
    if (!t) {
      fail(p + "/" + key, std::string("\"") + key + "\" is not an ISO-8601 instant with an offset");
      return std::nullopt;
    }
    return t.value();
  }

  Error error() const {
    Error e = r.error();
    e.code = "feedback_invalid";
    return e;
  }
};

// One adjustment after validation.
struct Adjustment {
  std::size_t index = 0;
  std::string by, reason;
  Millis at = 0;
  std::optional<Millis> expires;
  Centipoints points = 0;   // a point adjustment (non-zero), else 0
  Json grade;               // a grade adjustment: the letter or the thirds as given, else null
  std::optional<int> set;   // grade letter -> rank
  int thirds = 0;           // grade integer
};

std::optional<Adjustment> read_adjustment(FeedbackReader& f, const Json& j, std::size_t i,
                                          const std::optional<FeedbackSpec>& spec) {
  const std::string p = "/feedback/adjustments/" + std::to_string(i);
  if (!f.object(j, p, "an adjustment", {"by", "at", "points", "grade", "reason", "expires"})) return std::nullopt;
  Adjustment a;
  a.index = i;
  a.by = f.text(j, p, "by", kMaxBy);
  a.at = f.instant(j, p, "at", true).value_or(0);
  a.reason = f.text(j, p, "reason", kMaxReason);
  if (f.r.failed()) return std::nullopt;
  const bool has_points = j.contains("points"), has_grade = j.contains("grade");
  if (has_points == has_grade) {
    f.fail(has_grade ? p + "/grade" : p, "an adjustment has exactly one of \"points\" and \"grade\"");
    return std::nullopt;
  }
  if (has_points) {
    a.points = f.r.points(j, p, "points", true).value_or(0);
    if (!f.r.failed() && a.points == 0) f.fail(p + "/points", "an adjustment of 0 points changes nothing");
  } else {
    const Json& g = j["grade"];
    if (g.is_string()) {
      a.set = parse_grade(g.get_ref<const std::string&>());
      if (!a.set) f.fail(p + "/grade", "\"grade\" is a letter F, D-, ... A+ or a whole number of thirds -12..12");
    } else {
      const auto thirds = f.r.integer(j, p, "grade", true);
      if (!f.r.failed() && (*thirds < -12 || *thirds > 12 || *thirds == 0))
        f.fail(p + "/grade", "a grade step is a non-zero whole number of thirds from -12 to 12");
      a.thirds = static_cast<int>(thirds.value_or(0));
    }
    a.grade = g;
  }
  // The adjustment's own expiry, else the model's default period after "at", else none.
  a.expires = f.instant(j, p, "expires", false);
  if (!f.r.failed() && a.expires && *a.expires <= a.at) f.fail(p + "/expires", "\"expires\" must be after \"at\"");
  if (!a.expires && spec && spec->expire_after) a.expires = a.at + *spec->expire_after;
  if (f.r.failed()) return std::nullopt;
  return a;
}

}  // namespace

Expected<FeedbackInput> read_feedback_input(const Json& feedback, const std::optional<FeedbackSpec>& spec, Millis now,
                                            Json& warnings) {
  FeedbackReader f;
  if (!f.object(feedback, "/feedback", "the feedback", {"adjustments", "verdict"})) return f.error();
  std::vector<Adjustment> adjustments;
  if (const Json* list = f.r.member(feedback, "/feedback", "adjustments", false)) {
    if (!list->is_array()) return Error{"feedback_invalid", "/feedback/adjustments", "\"adjustments\" must be an array"};
    if (list->size() > kMaxAdjustments)
      return Error{"feedback_invalid", "/feedback/adjustments",
                   "at most " + std::to_string(kMaxAdjustments) + " adjustments per lead"};
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto a = read_adjustment(f, (*list)[i], i, spec);
      if (!a) return f.error();
      adjustments.push_back(std::move(*a));
    }
  }
  std::optional<SalesVerdict> verdict;
  bool verdict_in_force = false;
  if (const Json* v = f.r.member(feedback, "/feedback", "verdict", false); v && !v->is_null()) {
    const std::string p = "/feedback/verdict";
    if (!f.object(*v, p, "the verdict", {"by", "at", "value", "reason"})) return f.error();
    SalesVerdict s;
    s.by = f.text(*v, p, "by", kMaxBy);
    s.at = f.instant(*v, p, "at", true).value_or(0);
    s.value = f.r.string(*v, p, "value", true);
    if (!f.r.failed() && s.value != "qualified" && s.value != "disqualified")
      f.fail(p + "/value", "\"value\" is \"qualified\" or \"disqualified\"");
    s.reason = f.text(*v, p, "reason", kMaxReason);
    if (f.r.failed()) return f.error();
    // A verdict dated after now is not in force yet, like a future adjustment: the result shows it
    // with "status": "future" and a warning, and routing ignores it.
    verdict_in_force = s.at <= now;
    if (!verdict_in_force)
      warnings.push_back(make_warning("feedback_future", p + "/at", "the sales verdict is dated after now; not applied yet"));
    verdict = std::move(s);
  }

  FeedbackInput out;
  std::size_t active = 0, expired = 0, future = 0;
  for (const Adjustment& a : adjustments) {
    const std::string p = "/feedback/adjustments/" + std::to_string(a.index);
    const bool is_future = a.at > now;
    const bool is_expired = !is_future && a.expires && now >= *a.expires;  // at the expiry instant: expired
    const bool applies = !is_future && !is_expired;
    const char* status = is_future ? "future" : is_expired ? "expired" : "active";
    ++(is_future ? future : is_expired ? expired : active);
    if (is_future)
      warnings.push_back(make_warning("feedback_future", p + "/at", "the adjustment is dated after now; not applied yet"));
    if (applies && a.points != 0) out.points += a.points;
    if (applies && a.grade != nullptr) out.grades.push_back(GradeAdjustment{a.index, a.by, a.at, a.set, a.thirds});
    Json c = {{"kind", "adjustment"}, {"label", a.reason}, {"group", ""},
              {"points", points_json(applies ? a.points : 0)}, {"index", a.index}, {"by", a.by},
              {"at", format_instant(a.at)}, {"status", status}};
    if (a.expires) c["expires"] = format_instant(*a.expires);
    if (a.grade != nullptr) c["grade"] = a.grade;
    out.contributions.push_back(std::move(c));
  }
  // Grade adjustments apply in time order; same instant: in the order given.
  std::stable_sort(out.grades.begin(), out.grades.end(),
                   [](const GradeAdjustment& x, const GradeAdjustment& y) { return x.at < y.at; });

  Json verdict_json = nullptr;
  if (verdict) {
    verdict_json = {{"by", verdict->by}, {"at", format_instant(verdict->at)}, {"value", verdict->value},
                    {"reason", verdict->reason}, {"status", verdict_in_force ? "active" : "future"}};
    if (verdict_in_force) out.verdict = std::move(verdict);
  }
  out.json = {{"points", points_json(out.points)}, {"active", active}, {"expired", expired}, {"future", future},
              {"verdict", std::move(verdict_json)}};
  return out;
}

namespace model_detail {

std::optional<FeedbackSpec> read_feedback_section(Reader& r, const Json& section) {
  if (!r.expect_object(section, "/feedback", "feedback")) return std::nullopt;
  r.only_keys(section, "/feedback", {"expire_after", "description"});
  FeedbackSpec spec;
  spec.expire_after = r.duration(section, "/feedback", "expire_after", false);
  if (r.failed()) return std::nullopt;
  return spec;
}

}  // namespace model_detail
}  // namespace leadscore
