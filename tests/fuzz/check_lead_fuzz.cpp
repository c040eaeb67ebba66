// Fuzz target check_lead: the input is a submitted form's JSON text, checked with the default
// checks and with the bundled default model's. The form is read as a JSON tree and as a
// LeadRecord; both must give the same findings and verdict.
#include <string>
#include <string_view>

#include "fuzz_models.h"
#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "leadscore/checks.h"
#include "leadscore/lead_record.h"

namespace leadscore::fuzz {

void check_lead(std::string_view input) {
  LeadRecord record;
  if (record.parse(input)) return;
  auto tree = parse_json(input, "lead");
  require(tree.ok(), "parse_json accepts what LeadRecord::parse accepts");

  const CheckConfig defaults = CheckConfig::defaults();
  for (const CheckConfig* config : {&defaults, &default_model().checks()}) {
    for (const char* now : {kNow, ""}) {
      LeadCheckOptions options;
      options.now = now;
      options.language = *now == '\0' ? Language::Fr : Language::En;
      auto whole = leadscore::check_lead(*config, tree.value(), options);
      LeadQuality from_tree, from_record;
      const auto error_tree = check_lead_into(*config, tree.value(), options, from_tree);
      const auto error_record = check_lead_into(*config, record, options, from_record);
      require(whole.ok() != error_tree.has_value(), "check_lead and check_lead_into fail alike");
      require(error_tree.has_value() == error_record.has_value(), "a record and a tree fail alike");
      if (error_tree) {
        require_equal(error_tree->code, error_record->code, "a record and a tree fail with the same code");
        continue;
      }
      require(from_tree.score >= 0 && from_tree.score <= 100, "the quality score is within 0..100");
      std::string text_tree, text_record;
      write_lead_quality(*config, from_tree, text_tree);
      write_lead_quality(*config, from_record, text_record);
      require_equal(text_tree, text_record, "a record and a tree give the same findings");
      require_equal(dump_json(lead_quality_json(*config, from_tree)), text_tree,
                    "write_lead_quality writes what lead_quality_json holds");
    }
  }
}

}  // namespace leadscore::fuzz
