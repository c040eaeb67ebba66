// The fuzz targets' entry functions. Each takes the raw fuzzer input and either returns or stops
// the process (a sanitizer report, an uncaught exception, or fuzz_support.h's require()).
// One file per target defines one of them; libfuzzer_main.cpp turns the one a binary is built for
// into LLVMFuzzerTestOneInput, and tests/cpp/fuzz_regressions_test.cpp calls the same functions on
// the saved reproducers (tests/fuzz/regressions/<target>/). docs/testing.md, "Fuzzing".
#pragma once
#include <string_view>

namespace leadscore::fuzz {

/// Model text: Model::parse, then validate_model and describe_model of what loads.
void model_parse(std::string_view input);
/// Model text: a model that loads scores a few fixed leads, with and without events.
void model_score(std::string_view input);
/// Lead JSON, scored by the bundled default model (as a LeadRecord and as a tree; both must agree).
void score_lead(std::string_view input);
/// The first line is the lead, the rest its events (a JSON array), scored by the default model,
/// from the array and from an EventList (both must agree).
void score_events(std::string_view input);
/// The first line names the kind (and optionally a country code), the rest is the value: check_field.
void check_field(std::string_view input);
/// Form JSON: check_lead with the default checks and the default model's (tree and LeadRecord agree).
void check_lead(std::string_view input);
/// CSV text: CsvReader (default and tight bounds, whose promises are checked) and preview_csv.
void csv(std::string_view input);
/// The first line is a JSON options object, the rest a history CSV: read_history + close-rate
/// report with the calibration options, evaluate (default model) with the evaluation options.
void history(std::string_view input);
/// One JSON document: an array of two or more elements is [rule, data]; anything else is the rule,
/// applied to a small fixed data object.
void jsonlogic(std::string_view input);

}  // namespace leadscore::fuzz
