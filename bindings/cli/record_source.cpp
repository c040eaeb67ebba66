// See record_source.h.
#include "record_source.h"

#include <algorithm>
#include <cctype>

#include "leadscore/limits.h"
#include "leadscore/score.h"

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
        record = InputRecord{line_of(error.path), std::nullopt, std::move(error)};
        return true;
      case CsvReader::Status::Record:
        record = InputRecord{row.line, lead_from_row(header_, row.cells), {}};
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

// One JSON object per line. Lines are read with a bound so one runaway line (a binary file given
// by mistake) cannot exhaust memory: past the bound the rest of the line is skipped, not stored.
class JsonlSource : public RecordSource {
 public:
  explicit JsonlSource(std::istream& in) : in_(in) {}

  std::optional<Error> start() override { return std::nullopt; }

  bool next(InputRecord& record) override {
    const std::size_t limit = Limits{}.max_document_bytes;
    std::streambuf* sb = in_.rdbuf();
    if (sb == nullptr) return false;
    for (;;) {
      std::string text;
      bool too_long = false;
      bool any = false;
      int c;
      while ((c = sb->sbumpc()) != EOF && c != '\n') {
        any = true;
        if (text.size() < limit) {
          text.push_back(static_cast<char>(c));
        } else {
          too_long = true;
        }
      }
      const std::size_t line = ++line_;
      if (!any && c == EOF) return false;
      if (line == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // BOM
      if (!text.empty() && text.back() == '\r') text.pop_back();
      const bool blank = std::all_of(text.begin(), text.end(),
                                     [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; });
      if (blank && !too_long) {
        if (c == EOF) return false;
        continue;
      }
      record = InputRecord{line, std::nullopt, {}};
      if (too_long) {
        record.error = {"lead_too_large", "line " + std::to_string(line),
                        "Line " + std::to_string(line) + " is longer than " +
                            std::to_string(limit) + " bytes; the record was skipped."};
        return true;
      }
      auto parsed = parse_json(text, "lead", Limits{}.max_json_depth);
      if (parsed) {
        record.lead = std::move(parsed).value();
      } else {
        record.error = parsed.error();
      }
      return true;
    }
  }

 private:
  std::istream& in_;
  std::size_t line_ = 0;
};

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::unique_ptr<RecordSource> make_csv_source(std::istream& in, char delimiter) {
  return std::make_unique<CsvSource>(in, delimiter);
}

std::unique_ptr<RecordSource> make_jsonl_source(std::istream& in) {
  return std::make_unique<JsonlSource>(in);
}

std::string lead_id(const Json& lead) {
  if (!lead.is_object()) return "";
  for (const char* key : {"id", "lead_id"}) {
    const auto it = lead.find(key);
    if (it == lead.end()) continue;
    if (it->is_string()) return it->get_ref<const std::string&>();
    if (it->is_number()) return dump_json(*it);
  }
  return "";
}

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

}  // namespace leadscore::cli
