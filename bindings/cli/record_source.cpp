// See record_source.h.
#include "record_source.h"

#include <cctype>
#include <filesystem>
#include <iostream>

#include "leadscore/limits.h"
#include "leadscore/score.h"
#include "exit_codes.h"
#include "line_reader.h"

namespace leadscore::cli {
namespace {

class CsvSource : public RecordSource {
 public:
  CsvSource(std::istream& in, char delimiter) : reader_(in, CsvOptions{delimiter, 1u << 20}) {}

  std::optional<Error> start() override {
    auto header = reader_.read_header();
    if (!header) return header.error();
    header_ = std::move(header).value();
    return std::nullopt;
  }

  bool next(InputRecord& record) override {
    CsvRecord row;
    Error error;
    switch (reader_.next(row, error)) {
      case CsvReader::Status::End:
        return false;
      case CsvReader::Status::Error:
        record.line = line_of(error.path);
        record.lead.clear();
        record.error = std::move(error);
        record.pending = false;
        return true;
      case CsvReader::Status::Record:
        record.line = row.line;
        record.lead.assign(lead_from_row(header_, row.cells));
        record.error = Error{};
        record.pending = false;
        return true;
    }
    return false;
  }

 private:
  // CsvReader errors carry "line N" as their path.
  static std::size_t line_of(const std::string& path) {
    std::size_t n = 0;
    for (char c : path) {
      if (c >= '0' && c <= '9') n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n;
  }

  CsvReader reader_;
  std::vector<std::string> header_;
};

// One JSON object per line (bounded lines: see line_reader.h).
class JsonlSource : public RecordSource {
 public:
  explicit JsonlSource(std::istream& in) : lines_(in, Limits{}.max_document_bytes) {}

  std::optional<Error> start() override { return std::nullopt; }

  void defer_parsing() override { defer_ = true; }

  bool next(InputRecord& record) override {
    TextLine& line = line_;
    if (!lines_.next(line)) return false;
    record.line = line.number;
    record.lead.clear();
    record.error = Error{};
    record.pending = false;
    if (line.too_long) {
      const std::string n = std::to_string(line.number);
      record.error = {"lead_too_large", "line " + n,
                      "Line " + n + " is longer than " +
                          std::to_string(Limits{}.max_document_bytes) +
                          " bytes; the record was skipped."};
      return true;
    }
    record.pending_text.swap(line.text);  // both strings keep their capacity for later lines
    record.pending = true;
    if (!defer_) complete_record(record);
    return true;
  }

 private:
  LineReader lines_;
  TextLine line_;
  bool defer_ = false;
};

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

void complete_record(InputRecord& record) {
  if (!record.pending) return;
  record.pending = false;
  if (auto error = record.lead.parse(record.pending_text, Limits{}.max_json_depth)) record.error = std::move(*error);
}

std::unique_ptr<RecordSource> make_csv_source(std::istream& in, char delimiter) {
  return std::make_unique<CsvSource>(in, delimiter);
}

std::unique_ptr<RecordSource> make_jsonl_source(std::istream& in) {
  return std::make_unique<JsonlSource>(in);
}

namespace {
std::string id_text(const Json* id) {
  if (!id) return "";
  return id->is_string() ? id->get_ref<const std::string&>() : dump_json(*id);
}
}  // namespace

std::string lead_id(const Json& lead) { return id_text(lead_id_value(lead)); }  // the core's rule
std::string lead_id(const LeadRecord& lead) { return id_text(lead_id_value(lead)); }

std::optional<InputFormat> format_from_extension(const std::string& path) {
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return std::nullopt;
  const std::string ext = lower_ascii(path.substr(dot + 1));
  if (ext == "csv") return InputFormat::Csv;
  if (ext == "jsonl" || ext == "ndjson") return InputFormat::Jsonl;
  return std::nullopt;
}

InputFormat format_from_prefix(const std::string& prefix) {
  std::size_t i = prefix.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (i < prefix.size() && std::isspace(static_cast<unsigned char>(prefix[i]))) ++i;
  return i < prefix.size() && prefix[i] == '{' ? InputFormat::Jsonl : InputFormat::Csv;
}

bool is_directory(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

bool is_seekable_file(const std::string& path) {
  std::error_code ec;
  return path != "-" && std::filesystem::is_regular_file(path, ec);
}

InputFormat choose_input_format(std::optional<InputFormat> forced, const std::string& path,
                                std::istream& in, bool seekable) {
  if (forced) return *forced;
  if (path != "-") {
    if (auto by_name = format_from_extension(path)) return *by_name;
  }
  if (seekable) {
    std::string prefix(4096, '\0');
    in.read(&prefix[0], static_cast<std::streamsize>(prefix.size()));
    prefix.resize(static_cast<std::size_t>(in.gcount()));
    in.clear();
    in.seekg(0);
    return format_from_prefix(prefix);
  }
  const int c = in.peek();
  in.clear();
  return c == '{' ? InputFormat::Jsonl : InputFormat::Csv;
}

std::optional<RecordInput> open_record_input(const std::string& path, std::optional<InputFormat> forced,
                                             char delimiter, int& exit_code) {
  RecordInput input;
  if (path != "-") {
    input.file = std::make_unique<std::ifstream>();
    if (!is_directory(path)) input.file->open(path, std::ios::binary);
    if (!input.file->is_open()) {
      std::cerr << "leadscore: " << path << ": cannot open the input file\n";
      exit_code = kExitIo;
      return std::nullopt;
    }
    input.in = input.file.get();
  } else {
    input.in = &std::cin;
  }
  input.format = choose_input_format(forced, path, *input.in, is_seekable_file(path));
  input.source = input.format == InputFormat::Csv ? make_csv_source(*input.in, delimiter) : make_jsonl_source(*input.in);
  if (auto error = input.source->start()) {
    std::cerr << "leadscore: " << path << ": " << error->path << (error->path.empty() ? "" : ": ") << error->message
              << " (" << error->code << ")\n";
    exit_code = kExitRecordErrors;
    return std::nullopt;
  }
  return input;
}

int finish_streams(const std::string& path, std::istream& in) {
  std::cout.flush();
  if (in.bad()) {
    std::cerr << "leadscore: " << path << ": reading the input failed\n";
    return kExitIo;
  }
  if (!std::cout) {
    std::cerr << "leadscore: writing the output failed\n";
    return kExitIo;
  }
  return kExitOk;
}

int end_of_run_exit(const RunEnd& end) {
  if (const int code = finish_streams(end.path, end.in); code != kExitOk) return code;
  if (!end.events_ok) return kExitIo;
  if (end.records == 0) {
    if (const int code = empty_input_exit(end.path, end.format, end.verb); code != kExitOk) return code;
  }
  return end.all_ok ? kExitOk : kExitRecordErrors;
}

int empty_input_exit(const std::string& path, InputFormat format, const char* verb) {
  if (format == InputFormat::Jsonl) {
    std::cerr << "leadscore: " << path << ": the input is empty: no records to " << verb << " (input_empty)\n";
    return kExitRecordErrors;
  }
  std::cerr << "leadscore: " << path << ": the CSV has a header but no records\n";
  return kExitOk;
}

}  // namespace leadscore::cli
