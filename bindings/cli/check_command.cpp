// See check_command.h. Input, output and exit codes follow `score` (score_command.cpp): the JSONL
// writer is the same, so a line is {"record":{"line":N},"result":R} with R exactly the text that
// checkLead() returns in wasm, or an error record; broken records become error lines.
#include "check_command.h"

#include <fstream>
#include <iostream>
#include <algorithm>
#include <string>

#include "batch_runner.h"
#include "exit_codes.h"
#include "io_guard.h"
#include "leadscore/checks.h"
#include "leadscore/time.h"
#include "model_file.h"
#include "record_source.h"
#include "run_instant.h"

namespace leadscore::cli {
namespace {

class CheckCsvFormatter : public RecordFormatter {
 public:
  void begin(std::string& out) const override { out += "line,id,verdict,quality,findings,codes,error_code\n"; }

  // A check_lead() result as a tree (the interface's general path; `check` itself calls checked()).
  void result(std::string& out, std::size_t line, const LeadRecord& lead, const Json& result,
              const std::vector<std::size_t>*) const override {
    const Json& quality = result.at("quality");
    std::vector<std::string_view> codes;
    for (const Json& f : result.at("findings")) codes.push_back(f.at("code").get_ref<const std::string&>());
    append_row(out, line, lead, quality.at("verdict").get_ref<const std::string&>(),
               quality.at("score").get<int>(), codes);
  }

  void checked(std::string& out, std::size_t line, const LeadRecord& lead, const CheckConfig&,
               const LeadQuality& quality) const override {
    std::vector<std::string_view> codes;
    codes.reserve(quality.findings.size());
    for (const Finding& f : quality.findings) codes.emplace_back(f.code);
    append_row(out, line, lead, quality.verdict, quality.score, codes);
  }

  void error(std::string& out, std::size_t line, const LeadRecord& lead, const Error& error) const override {
    out += std::to_string(line) + ',' + csv_cell(lead_id(lead)) + ",,,,," + csv_cell(error.code) + '\n';
  }

 private:
  // line,id,verdict,quality,findings,codes (each code once, in the findings' order),error_code.
  static void append_row(std::string& out, std::size_t line, const LeadRecord& lead, std::string_view verdict, int score,
                         const std::vector<std::string_view>& codes) {
    out += std::to_string(line);
    out += ',';
    out += csv_cell(lead_id(lead));
    out += ',';
    out += verdict;
    out += ',';
    out += std::to_string(score);
    out += ',';
    out += std::to_string(codes.size());
    out += ',';
    for (std::size_t i = 0; i < codes.size(); ++i) {
      if (std::find(codes.begin(), codes.begin() + static_cast<std::ptrdiff_t>(i), codes[i]) != codes.begin() + static_cast<std::ptrdiff_t>(i))
        continue;  // findings are few: a look back is enough
      if (out.back() != ',') out += ';';
      out += codes[i];
    }
    out += ",\n";
  }
};

// One input record on its way through the batch runner, then the output text formatted for it.
struct CheckItem {
  InputRecord record;
  std::string text;
  LeadQuality quality;  // reused from lead to lead
  bool failed = false;  // an error record
};

int check_all(const CheckArgs& args) {
  LeadCheckOptions options;
  options.language = args.language;
  // The fill-time check compares the form's render time with this instant.
  const auto now = run_instant(args.now, "check");
  if (!now) return kExitUsage;
  options.now = *now;

  int load_failure = kExitOk;
  const auto loaded = load_model_or_report(args.model_path, load_failure, args.data_path);
  if (!loaded) return load_failure;
  const Model& model = *loaded;
  if (!model.has_checks()) {
    std::cerr << "leadscore: check: note: the model has no \"checks\" section; fields are checked by "
                 "their conventional names (email, first_name, last_name, name, company, phone, "
                 "website) with the default settings\n";
  }

  int open_failure = kExitOk;
  auto input = open_record_input(args.input, args.input_format, args.delimiter, open_failure);
  if (!input) return open_failure;
  std::istream& in = *input->in;
  auto& source = input->source;
  const InputFormat format = input->format;

  const auto formatter = args.format == OutputFormat::Csv ? make_check_csv_formatter() : make_jsonl_formatter();
  std::string header;
  formatter->begin(header);
  std::cout << header;
  std::uint64_t records = 0, failed = 0;
  const LeadRecord no_lead;
  auto read = [&](CheckItem& item) {
    if (!source->next(item.record)) return false;
    ++records;
    return true;
  };
  // Any thread: the model is immutable and check_lead() is a pure function of its arguments.
  auto work = [&](CheckItem& item) {
    complete_record(item.record);  // a deferred JSONL line is parsed here, in parallel
    const InputRecord& record = item.record;
    item.text.clear();
    item.failed = true;
    if (record.lead.empty()) {
      formatter->error(item.text, record.line, no_lead, record.error);
    } else if (auto error = check_lead_into(model.checks(), record.lead, options, item.quality)) {
      formatter->error(item.text, record.line, record.lead, *error);
    } else {
      formatter->checked(item.text, record.line, record.lead, model.checks(), item.quality);
      item.failed = false;
    }
    item.record.lead.clear();  // freed by the thread that parsed it (see score_command.cpp)
  };
  BatchedOutput output;
  auto write = [&](const CheckItem& item) {
    output.add(item.text);
    failed += item.failed ? 1 : 0;
  };
  source->defer_parsing();  // JSON lines are parsed by the workers
  WorkerPool pool(args.jobs);
  run_batches<CheckItem>(pool, read, work, write);
  output.flush();

  return end_of_run_exit({args.input, in, format, "check", records, failed == 0});
}

}  // namespace

std::unique_ptr<RecordFormatter> make_check_csv_formatter() { return std::make_unique<CheckCsvFormatter>(); }

int run_check(const CheckArgs& args) { return run_guarding_reads(check_all, args); }

}  // namespace leadscore::cli
