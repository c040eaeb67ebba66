// The two tables of leadscore/score_readers.h. Each is referenced only through its own function,
// so a program that never calls all_score_readers() does not link the readers it names.
#include "score/score_readers.h"

namespace leadscore {
namespace {

const char* const kFormOnly = " is not read by the form module (leadscore/form): score with \"leadscore\", the CLI or the C++ library";

Expected<FeedbackInput> refuse_feedback(const Json&, const std::optional<FeedbackSpec>&, Millis, Json&) {
  return Error{"not_in_form_module", "/feedback", std::string("sales feedback") + kFormOnly};
}

Expected<Tracking> refuse_previous(const Model&, const Json&, int, const Band&, std::optional<int>) {
  return Error{"not_in_form_module", "/previous", std::string("a previous result") + kFormOnly};
}

}  // namespace

const ScoreReaders& all_score_readers() {
  static constexpr ScoreReaders kAll{&read_feedback_input, &track};
  return kAll;
}

const ScoreReaders& form_score_readers() {
  static constexpr ScoreReaders kForm{&refuse_feedback, &refuse_previous};
  return kForm;
}

}  // namespace leadscore
