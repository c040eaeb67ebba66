// Fuzz target history: the first line is a JSON options object, the rest a history CSV (a CRM
// export with an outcome column). The options are read as calibration options (read_history, then
// the close-rate report of what it read) and as evaluation options (evaluate() with the bundled
// default model). Options that do not read, and histories that are refused, end the input there.
#include <sstream>
#include <string>
#include <string_view>

#include "fuzz_models.h"
#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "leadscore/calibrate.h"
#include "leadscore/evaluate.h"

namespace leadscore::fuzz {

void history(std::string_view input) {
  auto [options_text, csv_text] = split_first_line(input);
  auto options = parse_json(options_text, "options");
  if (!options.ok()) return;
  const std::string csv{csv_text};

  auto calibration = calibration_options_from_json(options.value());
  if (calibration.ok()) {
    std::istringstream in(csv);
    auto history = read_history(in, calibration.value());
    if (history.ok()) {
      const History& h = history.value();
      require(h.outcome.size() == h.is_test.size() && h.outcome.size() == h.lines.size(),
              "a history has one outcome, split flag and line per record");
      for (const auto& column : h.columns)
        require(column.kind == HistoryColumn::Kind::Numeric ? column.values.size() == h.rows()
                                                            : column.codes.size() == h.rows(),
                "a history column has one value per record");
      dump_json(close_rate_report(h, calibration.value()));
    }
  }

  auto evaluation = evaluation_options_from_json(options.value());
  if (evaluation.ok()) {
    std::istringstream in(csv);
    auto report = evaluate(default_model(), in, evaluation.value());
    if (report.ok()) dump_json(report.value());
  }
}

}  // namespace leadscore::fuzz
