// Fuzz target csv: the input is a CSV file. It is read three times, with the default bounds and
// with tight ones (so that the bound paths are reached by small inputs), and the reader's promises
// are checked on every record: as many cells as the header has columns, no cell over
// max_field_bytes, no record over max_record_bytes, records and errors on increasing lines.
// preview_csv reads the same bytes too.
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "leadscore/csv.h"
#include "leadscore/score.h"

namespace leadscore::fuzz {
namespace {

std::size_t error_line(const Error& error) {
  require(error.path.rfind("line ", 0) == 0, "a record's error path is \"line N\"");
  return std::strtoull(error.path.c_str() + 5, nullptr, 10);
}

void read_all(std::string_view input, const CsvOptions& options) {
  std::istringstream in{std::string(input)};
  CsvReader reader(in, options);
  auto header = reader.read_header();
  if (!header.ok()) {
    CsvRecord record;
    Error error;
    require(reader.next(record, error) == CsvReader::Status::End, "after a failed header, next() ends");
    return;
  }
  const auto& names = header.value();
  require(!names.empty() && names.size() <= options.max_columns, "a header has 1..max_columns names");

  CsvRecord record;
  Error error;
  std::size_t last_line = 1;
  for (;;) {
    const auto status = reader.next(record, error);
    if (status == CsvReader::Status::End) break;
    if (status == CsvReader::Status::Error) {
      require(!error.code.empty(), "a record's error has a code");
      const std::size_t line = error_line(error);
      require(line > last_line, "an error is on a later line than the record before");
      last_line = line;
      continue;
    }
    require(record.line > last_line, "a record starts on a later line than the record before");
    last_line = record.line;
    require(record.cells.size() == names.size(), "a record has one cell per column");
    std::size_t bytes = 0;
    for (const auto& cell : record.cells) {
      require(cell.size() <= options.max_field_bytes, "no cell is over max_field_bytes");
      bytes += cell.size();
    }
    require(bytes <= options.max_record_bytes, "no record is over max_record_bytes");
    dump_json(lead_from_row(names, record.cells));
  }
}

}  // namespace

void csv(std::string_view input) {
  read_all(input, CsvOptions{});
  CsvOptions tight;
  tight.max_field_bytes = 24;
  tight.max_columns = 6;
  tight.max_record_bytes = 96;
  read_all(input, tight);
  tight.delimiter = ';';
  read_all(input, tight);

  std::istringstream in{std::string(input)};
  auto preview = preview_csv(in, 8);
  if (preview.ok()) dump_json(preview.value());
}

}  // namespace leadscore::fuzz
