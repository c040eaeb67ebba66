// Fuzz target score_lead: the input is one lead's JSON text, scored by the bundled default model
// (fields, rules, checks, grading, routing) without events. The lead is read the two ways the
// engine reads leads, as a LeadRecord (batch jobs) and as a JSON tree; the two must accept and
// refuse the same texts and write the same result bytes.
#include <string>
#include <string_view>

#include "fuzz_models.h"
#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "leadscore/lead_record.h"
#include "leadscore/model.h"
#include "leadscore/score.h"

namespace leadscore::fuzz {

void score_lead(std::string_view input) {
  const Model& model = default_model();
  LeadRecord record;
  const auto record_error = record.parse(input);
  auto tree = parse_json(input, "lead");
  require(record_error.has_value() != tree.ok(), "LeadRecord::parse accepts what parse_json accepts");
  if (record_error) {
    require_equal(record_error->code + " " + record_error->path, tree.error().code + " " + tree.error().path,
                  "LeadRecord::parse refuses with parse_json's error");
    return;
  }

  for (const Detail detail : {Detail::Explain, Detail::Summary}) {
    ScoreOptions options;
    options.now = kNow;
    options.detail = detail;
    ScoreResult from_record, from_tree;
    const auto error_record = score_into(model, record, options, from_record);
    const auto error_tree = score_into(model, tree.value(), options, from_tree);
    require(error_record.has_value() == error_tree.has_value(), "a record and a tree fail alike");
    if (error_record) {
      require_equal(error_record->code, error_tree->code, "a record and a tree fail with the same code");
      continue;
    }
    std::string text_record, text_tree;
    write_result(from_record, detail, text_record);
    write_result(from_tree, detail, text_tree);
    require_equal(text_record, text_tree, "a record and a tree score to the same bytes");
  }
}

}  // namespace leadscore::fuzz
