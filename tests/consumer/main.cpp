// Consumer smoke test: compile the bundled model once, score a lead, check the result.
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include <leadscore/leadscore.h>

// argv[1]: the installed lite data pack (share/leadscore/lite.bin).
int main(int argc, char** argv) {
  auto model = leadscore::Model::parse(leadscore::default_model_text());
  if (!model) {
    std::cerr << model.error().code << " at " << model.error().path << "\n";
    return 1;
  }
  const leadscore::Json lead = {{"email", "ada@acme.example"}, {"seniority", "vp"}, {"company_size", 250}};
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
  // Data packs: the built-in full pack, then the installed lite one handed to a copy of the model.
  if (argc < 2 || leadscore::data_info(*leadscore::built_in_data()).tier != "full") return 1;
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
  std::cout << "consumer ok: score " << r["score"] << ", band " << r["band"]["id"] << ", data "
            << browser_like.data_info().tier << "\n";
  return 0;
}
