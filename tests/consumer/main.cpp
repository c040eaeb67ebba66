// Consumer smoke test: compile the bundled model once, score a lead, check the result.
#include <iostream>

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
  std::cout << "consumer ok: score " << r["score"] << ", band " << r["band"]["id"] << "\n";
  return 0;
}
