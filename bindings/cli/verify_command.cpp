// See verify_command.h. Input and output follow `score` and `check`: one output line per input
// line, in order, a broken line becoming an error line, so a back end can join verifications to
// the submissions it received by line number. A submission line holds the lead, its events and the
// client's result, so lines may be longer than a lead's; they are still bounded.
#include "verify_command.h"

#include <iostream>
#include <string>

#include "exit_codes.h"
#include "io_guard.h"
#include "leadscore/verify.h"
#include "line_reader.h"
#include "model_file.h"
#include "output.h"
#include "record_source.h"

namespace leadscore::cli {

const char* const kVerifyHelp =
    "\n"
    "verify: recomputes submitted scores. Each line of INPUT is a submission (JSON, as made by\n"
    "  scorer.submission() in JavaScript or make_submission() in C++): the inputs of one score,\n"
    "  the client's result and the model fingerprint. The model recomputes the result from the\n"
    "  inputs and compares; the client's result is never trusted. See docs/verify.md.\n"
    "  --model M.json     the server's model (required)\n"
    "  --data PACK.bin    the data pack to recompute with: the one the client used (a browser\n"
    "                     uses lite.bin unless the page loaded the full pack); default: the\n"
    "                     built-in full pack, or $LEADSCORE_DATA (docs/data-packs.md)\n"
    "  --format           jsonl (default): one line per input line,\n"
    "                       {\"record\":{\"line\":N},\"verification\":{\"status\":\"match\"}}\n"
    "                       ... {\"field\":\"/score\",\"expected\":48,\"received\":99,\"status\":\"mismatch\"}\n"
    "                       ... {\"expected\":\"sha256:...\",\"received\":\"sha256:...\",\n"
    "                            \"status\":\"model_mismatch\"}\n"
    "                       ... {\"expected\":{\"tier\":\"full\",...},\"received\":{\"tier\":\"lite\",...},\n"
    "                            \"status\":\"data_mismatch\"} (computed with another data pack)\n"
    "                     or {\"error\":{\"code\",\"message\",\"path\"},\"record\":{\"line\":N}} for a line\n"
    "                     that is not JSON, not a well-formed submission (submission_invalid),\n"
    "                     or whose inputs cannot be scored (path under /inputs)\n"
    "                     csv: line,status,field,error_code (status match, mismatch,\n"
    "                     model_mismatch, data_mismatch or error; field: the differing pointer, or the\n"
    "                     error's path)\n"
    "  INPUT              JSON lines of submissions, or - (default) for stdin; blank lines are\n"
    "                     skipped; a line may hold up to 32 MiB.\n"
    "  Exit: 0 every submission matches; 1 a mismatch, model_mismatch, data_mismatch or error line, or the\n"
    "  input is empty; 2 usage error or invalid model; 3 I/O error.\n";

namespace {

// A submission carries a lead (bounded by max_document_bytes) plus its events and the result.
constexpr std::size_t kMaxLineBytes = 2 * Limits{}.max_document_bytes;

class VerifyWriter {
 public:
  VerifyWriter(std::ostream& out, OutputFormat format) : out_(out), csv_(format == OutputFormat::Csv) {}

  void begin() {
    if (csv_) out_ << "line,status,field,error_code\n";
  }

  void verification(std::size_t line, const Json& v) {
    if (!csv_) {
      out_ << dump_json(Json{{"record", {{"line", line}}}, {"verification", v}}) << '\n';
      return;
    }
    const auto field = v.find("field");
    out_ << line << ',' << v.at("status").get_ref<const std::string&>() << ','
         << (field != v.end() ? csv_cell(field->get<std::string>()) : "") << ",\n";
  }

  void error(std::size_t line, const Error& e) {
    if (!csv_) {
      out_ << dump_json(Json{{"record", {{"line", line}}},
                             {"error", {{"code", e.code}, {"path", e.path}, {"message", e.message}}}})
           << '\n';
      return;
    }
    out_ << line << ",error," << csv_cell(e.path) << ',' << csv_cell(e.code) << '\n';
  }

 private:
  std::ostream& out_;
  bool csv_;
};

Expected<Json> verify_line(const Model& model, const TextLine& line) {
  if (line.too_long) {
    const std::string n = std::to_string(line.number);
    return Error{"submission_too_large", "line " + n,
                 "Line " + n + " is longer than " + std::to_string(kMaxLineBytes) + " bytes; it was skipped."};
  }
  // The same depth allowance as the wasm adapter: the lead sits two levels into the submission.
  auto submission = parse_json(line.text, "the submission", model.limits().max_json_depth + 4);
  if (!submission) return submission.error();
  return verify(model, submission.value());
}

int verify_all(const VerifyArgs& args) {
  int load_failure = kExitOk;
  const auto loaded = load_model_or_report(args.model_path, load_failure, args.data_path);
  if (!loaded) return load_failure;
  const Model& model = *loaded;

  // Opened like score's and check's input (same messages for a missing file, a directory, stdin);
  // the lines are then read here, with the longer bound and the submission depth allowance.
  int open_failure = kExitOk;
  auto input = open_record_input(args.input, InputFormat::Jsonl, 0, open_failure);
  if (!input) return open_failure;
  std::istream& in = *input->in;
  LineReader lines(in, kMaxLineBytes);

  VerifyWriter writer(std::cout, args.format);
  writer.begin();
  std::uint64_t records = 0, not_matching = 0;
  TextLine line;
  while (lines.next(line)) {
    ++records;
    auto v = verify_line(model, line);
    if (!v) {
      ++not_matching;
      writer.error(line.number, v.error());
      continue;
    }
    if (v.value().at("status") != "match") ++not_matching;
    writer.verification(line.number, v.value());
  }

  return end_of_run_exit({args.input, in, InputFormat::Jsonl, "verify", records, not_matching == 0});
}

}  // namespace

int run_verify(const VerifyArgs& args) { return run_guarding_reads(verify_all, args); }

}  // namespace leadscore::cli
