// Consumer smoke test: compile the bundled model once, score a lead, check the result; then load a
// data pack at run time and print the result it gives (run.sh compares it across installs).
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include <leadscore/leadscore.h>

// argv[1]: a lite data pack file; argv[2]: the tier this install has built in ("full", or "none"
// for a build made without Node).
int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: consumer LITE.bin BUILT_IN_TIER\n";
    return 2;
  }
  const std::string built_in_tier = argv[2];
  auto model = leadscore::Model::parse(leadscore::default_model_text());
  if (!model) {
    std::cerr << model.error().code << " at " << model.error().path << "\n";
    return 1;
  }
  const leadscore::Json lead = {{"email", "info@acme.example"}, {"first_name", "Ada"}, {"phone", "+33 1 23 45 67 89"},
                                {"seniority", "vp"}, {"company_size", 250}};
  auto result = leadscore::score(model.value(), lead, {"2026-11-23T10:00:00Z"});
  if (!result) {
    std::cerr << result.error().code << "\n";
    return 1;
  }
  const auto& r = result.value();
  if (!r["score"].is_number_integer() || r["model"]["fingerprint"] != model.value().fingerprint()) return 1;
  // The batch path of the README: a reused ScoreResult, summary text, same numbers.
  leadscore::ScoreResult scored;
  leadscore::ScoreOptions options{"2026-11-23T10:00:00Z"};
  options.detail = leadscore::Detail::Summary;
  if (leadscore::score_into(model.value(), lead, options, scored)) return 1;
  std::string line;
  leadscore::write_result(scored, options.detail, line);
  if (scored.score != r["score"].get<int>() || scored.band->id != r["band"]["id"] ||
      line.find("\"detail\":\"summary\"") == std::string::npos)
    return 1;
  // JSON lines through a reused LeadRecord: the same score; a broken line is an error value.
  leadscore::LeadRecord record;
  if (record.parse(leadscore::dump_json(lead)) ||
      leadscore::score_into(model.value(), record, options, scored) || scored.score != r["score"].get<int>())
    return 1;
  const auto broken = record.parse("{\"seniority\": ");
  if (!broken || broken->code != "json_syntax") return 1;
  // Data packs: the built-in one (full, or none without Node: then the result says what the
  // checks could not decide), then a lite pack loaded at run time, handed to a copy of the model.
  if (leadscore::data_info(*leadscore::built_in_data()).tier != built_in_tier ||
      r["data"]["tier"] != built_in_tier || r["data"].contains("undecided") != (built_in_tier != "full")) {
    std::cerr << "built-in data: " << leadscore::dump_json(r["data"]) << "\n";
    return 1;
  }
  std::ifstream file(argv[1], std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  auto lite = leadscore::load_data(bytes);
  if (!lite) {
    std::cerr << "lite pack: " << lite.error().code << " at " << lite.error().path << "\n";
    return 1;
  }
  leadscore::Model browser_like = model.value();
  browser_like.use_data(lite.value());
  if (browser_like.data_info().tier != "lite" || leadscore::load_data("not a pack")) return 1;
  auto with_lite = leadscore::score(browser_like, lead, {"2026-11-23T10:00:00Z"});
  if (!with_lite) return 1;
  std::cerr << "consumer ok: score " << r["score"] << ", band " << r["band"]["id"] << ", built-in data "
            << built_in_tier << ", loaded " << browser_like.data_info().tier << "\n";
  std::cout << leadscore::dump_json(with_lite.value()) << "\n";
  return 0;
}
