// Model file: the "routing" section -> Routing (docs/routing.md, "Model keys"). Every mistake is a
// model error naming the JSON pointer of the value at fault, so a matrix that loads can always run.
#include <set>
#include <string_view>
#include <unordered_set>

#include "leadscore/grading.h"
#include "grading/routing_eval.h"

namespace leadscore::model_detail {
namespace {

// Highest dead bands accepted: a wider one would hold a band or grade whatever the lead does.
constexpr long long kMaxScoreDeadBand = 100;
constexpr long long kMaxGradeDeadBand = kGradeAPlus;

class RoutingReader {
 public:
  RoutingReader(Reader& r, const std::vector<Band>& bands, bool has_grading) : r_(r), has_grading_(has_grading) {
    for (const Band& band : bands) band_ids_.insert(band.id);
  }

  std::optional<Routing> read(const Json& section) {
    const std::string p = "/routing";
    if (!r_.expect_object(section, p, "routing")) return std::nullopt;
    r_.only_keys(section, p, {"strong_within", "dead_band", "verdicts", "rules", "default", "description"});
    out_.strong_within = r_.duration(section, p, "strong_within", false);
    read_dead_band(section);
    read_verdicts(section);
    read_rules(section);
    read_default(section);
    if (r_.failed()) return std::nullopt;
    return std::move(out_);
  }

 private:
  // Action names become keys in the caller's systems (CRM queues, webhooks): identifiers only.
  std::string action(const Json& object, const std::string& p, const char* key) {
    std::string name = r_.string(object, p, key, true);
    if (r_.failed()) return name;
    bool ok = name.size() <= 64;
    for (std::size_t i = 0; ok && i < name.size(); ++i) {
      const char c = name[i];
      const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      ok = alpha || (i > 0 && c >= '0' && c <= '9');
    }
    if (!ok)
      r_.fail("invalid_name", p + "/" + key,
              "an action is a letter or _ followed by letters, digits or _ (at most 64), such as send_to_sales");
    return name;
  }

  long long bounded(const Json& object, const std::string& p, const char* key, long long hi) {
    const auto v = r_.integer(object, p, key, false);
    if (!v || r_.failed()) return 0;
    if (*v < 0 || *v > hi)
      r_.fail("value_range", p + "/" + key, std::string("\"") + key + "\" must be a whole number from 0 to " + std::to_string(hi));
    return *v;
  }

  void read_dead_band(const Json& section) {
    const Json* d = r_.member(section, "/routing", "dead_band", false);
    if (!d || !r_.expect_object(*d, "/routing/dead_band", "dead_band")) return;
    const std::string p = "/routing/dead_band";
    r_.only_keys(*d, p, {"score", "grade", "description"});
    out_.score_dead_band = static_cast<int>(bounded(*d, p, "score", kMaxScoreDeadBand));
    out_.grade_dead_band = static_cast<int>(bounded(*d, p, "grade", kMaxGradeDeadBand));
    if (!r_.failed() && out_.grade_dead_band > 0 && !has_grading_)
      r_.fail("grading_missing", p + "/grade", "a grade dead band needs a \"grading\" section");
  }

  void read_verdicts(const Json& section) {
    const Json* v = r_.member(section, "/routing", "verdicts", false);
    if (!v || !r_.expect_object(*v, "/routing/verdicts", "verdicts")) return;
    const std::string p = "/routing/verdicts";
    r_.only_keys(*v, p, {"qualified", "disqualified"});
    if (v->contains("qualified")) out_.qualified_action = action(*v, p, "qualified");
    if (v->contains("disqualified")) out_.disqualified_action = action(*v, p, "disqualified");
  }

  void read_bands(const Json& rule, const std::string& p, RouteRule& out) {
    const Json* b = r_.member(rule, p, "bands", false);
    if (!b || !r_.expect_array(*b, p + "/bands", "bands")) return;
    if (b->empty()) return r_.fail("empty_value", p + "/bands", "list at least one band id, or leave \"bands\" out");
    for (std::size_t k = 0; k < b->size() && !r_.failed(); ++k) {
      const std::string where = p + "/bands/" + std::to_string(k);
      const Json& id = (*b)[k];
      if (!id.is_string()) return r_.fail("wrong_type", where, "a band id must be a string");
      if (band_ids_.count(id.get_ref<const std::string&>()) == 0) return r_.fail("unknown_band", where, "band \"" + id.get<std::string>() + "\" is not declared in /bands");
      out.bands.push_back(id.get<std::string>());
    }
  }

  int letter(const Json& grade, const std::string& p, const char* key, int fallback) {
    const Json* v = r_.member(grade, p, key, false);
    if (!v || r_.failed()) return fallback;
    const auto rank = v->is_string() ? parse_grade(v->get_ref<const std::string&>()) : std::nullopt;
    if (!rank) {
      r_.fail("unknown_grade", p + "/" + key, "a grade is one of F, D-, D, D+, C-, C, C+, B-, B, B+, A-, A, A+");
      return fallback;
    }
    return *rank;
  }

  void read_grade(const Json& rule, const std::string& p, RouteRule& out) {
    const Json* g = r_.member(rule, p, "grade", false);
    if (!g || !r_.expect_object(*g, p + "/grade", "grade")) return;
    const std::string where = p + "/grade";
    if (!has_grading_) return r_.fail("grading_missing", where, "a grade condition needs a \"grading\" section");
    r_.only_keys(*g, where, {"min", "max", "description"});
    if (!r_.failed() && !g->contains("min") && !g->contains("max"))
      return r_.fail("missing_key", where + "/min", "a grade condition gives \"min\", \"max\" or both");
    out.grade_given = true;
    out.grade_min = letter(*g, where, "min", kGradeF);
    out.grade_max = letter(*g, where, "max", kGradeAPlus);
    if (!r_.failed() && out.grade_min > out.grade_max)
      r_.fail("grade_range", where, "the grade condition's min is above its max");
  }

  void read_quality(const Json& rule, const std::string& p, RouteRule& out) {
    const Json* q = r_.member(rule, p, "quality", false);
    if (!q || !r_.expect_array(*q, p + "/quality", "quality")) return;
    if (q->empty()) return r_.fail("empty_value", p + "/quality", "list at least one verdict, or leave \"quality\" out");
    for (std::size_t k = 0; k < q->size() && !r_.failed(); ++k) {
      const std::string where = p + "/quality/" + std::to_string(k);
      const Json& v = (*q)[k];
      if (!v.is_string() || (v != "ok" && v != "suspicious" && v != "spam"))
        return r_.fail("unknown_quality", where, "a quality condition lists form-check verdicts: ok, suspicious, spam");
      out.quality.push_back(v.get<std::string>());
    }
  }

  void read_rules(const Json& section) {
    const Json* rules = r_.member(section, "/routing", "rules", false);
    if (!rules || !r_.expect_array(*rules, "/routing/rules", "rules")) return;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < rules->size() && !r_.failed(); ++i) {
      const std::string p = "/routing/rules/" + std::to_string(i);
      const Json& j = (*rules)[i];
      if (!r_.expect_object(j, p, "a routing rule")) return;
      r_.only_keys(j, p, {"id", "action", "reason", "bands", "grade", "strong_action", "quality", "description"});
      RouteRule rule;
      rule.id = r_.unique_id(j, p, "id", "routing rule", seen);
      // The result names the rule that decided; these two names already mean something there.
      if (!r_.failed() && (rule.id == "default" || rule.id == "verdict"))
        return r_.fail("reserved_id", p + "/id", "\"default\" and \"verdict\" are reserved routing rule ids");
      rule.action = action(j, p, "action");
      rule.reason = r_.string(j, p, "reason", true);
      read_bands(j, p, rule);
      read_grade(j, p, rule);
      if (const Json* s = r_.member(j, p, "strong_action", false); s && !r_.failed()) {
        if (!s->is_boolean()) return r_.fail("wrong_type", p + "/strong_action", "\"strong_action\" must be true or false");
        rule.strong_action = s->get<bool>();
      }
      read_quality(j, p, rule);
      out_.rules.push_back(std::move(rule));
    }
  }

  void read_default(const Json& section) {
    const Json* d = r_.member(section, "/routing", "default", true);
    if (!d || !r_.expect_object(*d, "/routing/default", "default")) return;
    const std::string p = "/routing/default";
    r_.only_keys(*d, p, {"action", "reason", "description"});
    out_.fallback.id = "default";
    out_.fallback.action = action(*d, p, "action");
    out_.fallback.reason = r_.string(*d, p, "reason", true);
  }

  Reader& r_;
  std::unordered_set<std::string_view> band_ids_;  // ids of /bands (they outlive the reader)
  const bool has_grading_;
  Routing out_;
};

}  // namespace

std::optional<Routing> read_routing(Reader& r, const Json& section, const std::vector<Band>& bands, bool has_grading) {
  return RoutingReader(r, bands, has_grading).read(section);
}

}  // namespace leadscore::model_detail
