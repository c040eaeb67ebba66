// Threshold tracking: the band and grade held since an earlier result, with dead bands so a lead
// hovering at a threshold does not flap between two bands on every rescore (docs/routing.md,
// "Tracking").
#include <cstdlib>

#include "leadscore/grading.h"
#include "grading/routing_eval.h"

namespace leadscore {
namespace {

Error invalid(const std::string& pointer, const std::string& message) {
  return Error{"previous_invalid", pointer, message};
}

// What an earlier result held: its "tracking" object when it has one (it may itself have been
// held), else its own band and grade. Values are never echoed back: they came from the caller.
struct Previous {
  const Band* band = nullptr;
  std::optional<int> grade;
};

Expected<Previous> read_previous(const Model& model, const Json& previous) {
  if (!previous.is_object()) return invalid("/previous", "the previous result must be a JSON object (an earlier score result)");
  std::string band_at, grade_at;
  const Json* band = nullptr;
  const Json* grade = nullptr;
  if (const auto t = previous.find("tracking"); t != previous.end()) {
    if (!t->is_object()) return invalid("/previous/tracking", "\"tracking\" must be an object");
    band_at = "/previous/tracking/band";
    grade_at = "/previous/tracking/grade";
    if (const auto b = t->find("band"); b != t->end()) band = &*b;
    if (const auto g = t->find("grade"); g != t->end()) grade = &*g;
  } else {
    const auto b = previous.find("band");
    if (b == previous.end() || !b->is_object()) return invalid("/previous/band", "the previous result has no \"band\" object");
    band_at = "/previous/band/id";
    if (const auto id = b->find("id"); id != b->end()) band = &*id;
    if (const auto g = previous.find("grade"); g != previous.end() && !g->is_null()) {
      if (!g->is_object()) return invalid("/previous/grade", "the previous result's \"grade\" must be an object");
      grade_at = "/previous/grade/letter";
      const auto letter = g->find("letter");
      if (letter == g->end()) return invalid(grade_at, "the previous result's grade has no \"letter\"");
      grade = &*letter;
    }
  }
  Previous out;
  if (band == nullptr || !band->is_string()) return invalid(band_at, "the previous band must be a band id");
  for (const Band& b : model.bands())
    if (b.id == band->get_ref<const std::string&>()) out.band = &b;
  if (out.band == nullptr) return invalid(band_at, "the previous band is not a band of this model");
  if (grade != nullptr && !grade->is_null()) {
    const auto rank = grade->is_string() ? parse_grade(grade->get_ref<const std::string&>()) : std::nullopt;
    if (!rank) return invalid(grade_at, "the previous grade is not a grade letter (F, D-, ... A+)");
    out.grade = rank;
  }
  return out;
}

Json letter_or_null(std::optional<int> rank) { return rank ? Json(grade_letter(*rank)) : Json(nullptr); }

}  // namespace

Expected<Tracking> track(const Model& model, const Json& previous, int score, const Band& band,
                         std::optional<int> grade) {
  auto read = read_previous(model, previous);
  if (!read) return read.error();
  const Previous& p = read.value();
  const int score_dead = model.routing() ? model.routing()->score_dead_band : 0;
  const int grade_dead = model.routing() ? model.routing()->grade_dead_band : 0;

  // The held band stays while the score is within the dead band around it; leaving it enters the
  // score's own band, so a change always lands where the score is.
  const Band* held = &band;
  if (score >= p.band->from - score_dead && score <= p.band->to + score_dead) held = p.band;
  // The held grade likewise, in thirds of a letter. Without grading now there is no grade to hold.
  std::optional<int> held_grade = grade;
  if (grade && p.grade && std::abs(*grade - *p.grade) <= grade_dead) held_grade = p.grade;

  Json changes = Json::array();
  if (held->id != p.band->id) changes.push_back({{"kind", "band"}, {"left", p.band->id}, {"entered", held->id}});
  if (held_grade && held_grade != p.grade)
    changes.push_back({{"kind", "grade"}, {"left", letter_or_null(p.grade)}, {"entered", grade_letter(*held_grade)}});

  Tracking out;
  out.band = held->id;
  out.grade = held_grade;
  out.json = {{"band", held->id}, {"grade", letter_or_null(held_grade)}, {"changes", std::move(changes)}};
  return out;
}

}  // namespace leadscore
