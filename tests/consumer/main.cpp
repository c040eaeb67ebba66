// Consumer smoke test: compile the bundled model once, score a lead, check the result.
#include <iostream>
#include <string>

#include <leadscore/leadscore.h>

int main() {
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
  std::cout << "consumer ok: score " << r["score"] << ", band " << r["band"]["id"] << "\n";
  return 0;
}
