// CsvReader: RFC 4180 quoting, BOM, delimiter detection, line numbers, and recovery from bad rows.
#include "leadscore/csv.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

using leadscore::CsvOptions;
using leadscore::CsvReader;
using leadscore::CsvRecord;
using leadscore::Error;
using Status = CsvReader::Status;

namespace {

// Everything one pass over `text` yields: records and errors in order, as strings easy to compare.
struct Pass {
  std::vector<std::string> header;
  std::string header_error;
  std::vector<CsvRecord> records;
  std::vector<Error> errors;
  std::vector<std::string> events;  // "R<line>" or "E<line>:<code>", in input order
  char delimiter = 0;
};

Pass read_all(const std::string& text, CsvOptions options = {}) {
  std::istringstream in(text);
  CsvReader reader(in, options);
  Pass pass;
  auto header = reader.read_header();
  if (!header) {
    pass.header_error = header.error().code;
    return pass;
  }
  pass.header = header.value();
  pass.delimiter = reader.delimiter();
  CsvRecord record;
  Error error;
  for (int guard = 0; guard < 1000; ++guard) {
    const Status status = reader.next(record, error);
    if (status == Status::End) break;
    if (status == Status::Record) {
      pass.events.push_back("R" + std::to_string(record.line));
      pass.records.push_back(record);
    } else {
      pass.events.push_back("E" + error.path.substr(5) + ":" + error.code);
      pass.errors.push_back(error);
    }
  }
  return pass;
}

using Cells = std::vector<std::string>;

}  // namespace

TEST_CASE("csv: plain header and rows, LF and CRLF") {
  for (const std::string eol : {"\n", "\r\n"}) {
    const Pass p = read_all("id,name" + eol + "1,Ann" + eol + "2,Bob" + eol);
    CHECK(p.header == Cells{"id", "name"});
    REQUIRE(p.records.size() == 2);
    CHECK(p.records[0].cells == Cells{"1", "Ann"});
    CHECK(p.records[1].cells == Cells{"2", "Bob"});
    CHECK(p.events == std::vector<std::string>{"R2", "R3"});
  }
}

TEST_CASE("csv: last row without a line break") {
  const Pass p = read_all("a,b\n1,2");
  REQUIRE(p.records.size() == 1);
  CHECK(p.records[0].cells == Cells{"1", "2"});
}

TEST_CASE("csv: quoted fields keep delimiters, escaped quotes and newlines") {
  const Pass p =
      read_all("id,note\n1,\"a, \"\"quoted\"\" word\"\n2,\"two\nlines\"\n3,\"crlf\r\ninside\"\r\n");
  REQUIRE(p.records.size() == 3);
  CHECK(p.records[0].cells == Cells{"1", "a, \"quoted\" word"});
  CHECK(p.records[1].cells == Cells{"2", "two\nlines"});
  CHECK(p.records[2].cells == Cells{"3", "crlf\r\ninside"});
}

TEST_CASE("csv: line numbers count the physical lines of multi-line records") {
  const Pass p = read_all("id,note\n1,\"a\nb\nc\"\n2,x\n\n3,\"\"\"\nq\"\n4,y\n");
  CHECK(p.events == std::vector<std::string>{"R2", "R5", "R7", "R9"});
  CHECK(p.records[2].cells == Cells{"3", "\"\nq"});
}

TEST_CASE("csv: empty quoted field and empty cells") {
  const Pass p = read_all("a,b,c\n\"\",,x\n");
  REQUIRE(p.records.size() == 1);
  CHECK(p.records[0].cells == Cells{"", "", "x"});
}

TEST_CASE("csv: UTF-8 BOM is stripped from the header") {
  const Pass p = read_all("\xEF\xBB\xBFid,name\n1,Zoë\n");
  CHECK(p.header == Cells{"id", "name"});
  REQUIRE(p.records.size() == 1);
  CHECK(p.records[0].cells[1] == "Zo\xC3\xAB");
}

TEST_CASE("csv: BOM before a quoted header name") {
  const Pass p = read_all("\xEF\xBB\xBF\"id\",\"name\"\n1,2\n");
  CHECK(p.header == Cells{"id", "name"});
}

TEST_CASE("csv: ';' detected from the header, quoted delimiters ignored") {
  const Pass p = read_all("id;\"a,b,c\";note\n1;2,5;x\n");
  CHECK(p.delimiter == ';');
  CHECK(p.header == Cells{"id", "a,b,c", "note"});
  REQUIRE(p.records.size() == 1);
  CHECK(p.records[0].cells == Cells{"1", "2,5", "x"});
}

TEST_CASE("csv: ',' wins a tie and an explicit delimiter is obeyed") {
  CHECK(read_all("a,b;c\n").delimiter == ',');
  CHECK(read_all("a\n1\n").delimiter == ',');
  CsvOptions semi;
  semi.delimiter = ';';
  const Pass p = read_all("a,b;c\n1,2;3\n", semi);
  CHECK(p.header == Cells{"a,b", "c"});
}

TEST_CASE("csv: header names are trimmed; bad headers are errors") {
  CHECK(read_all("id, email ,x\n").header == Cells{"id", "email", "x"});
  CHECK(read_all("id,email,id\n").header_error == "csv_duplicate_column");
  CHECK(read_all("id,,x\n").header_error == "csv_empty_column_name");
  CHECK(read_all("id,\xFF\n").header_error == "csv_invalid_utf8");
  CHECK(read_all("id,\"name\n1,2\n").header_error == "csv_unterminated_quote");
}

TEST_CASE("csv: empty input, BOM only, blank lines only") {
  CHECK(read_all("").header_error == "csv_empty");
  CHECK(read_all("\xEF\xBB\xBF").header_error == "csv_empty");
  CHECK(read_all("\n\r\n\n").header_error == "csv_empty");
}

TEST_CASE("csv: header only gives no records") {
  const Pass p = read_all("id,name\n");
  CHECK(p.header_error.empty());
  CHECK(p.events.empty());
}

TEST_CASE("csv: blank lines are skipped and still counted") {
  const Pass p = read_all("\nid,name\n\n1,a\r\n\r\n2,b\n\n");
  CHECK(p.events == std::vector<std::string>{"R4", "R6"});
}

TEST_CASE("csv: ragged rows are errors and reading continues") {
  const Pass p = read_all("id,name\n1,a\n2\n3,c,extra\n4,d\n");
  CHECK(p.events == std::vector<std::string>{"R2", "E3:csv_ragged_row", "E4:csv_ragged_row", "R5"});
  CHECK(p.errors[0].path == "line 3");
}

TEST_CASE("csv: an unterminated quote is one error; the lines it took are read again") {
  const Pass p = read_all("id,name\n1,a\n2,\"open\n3,c\n4,d\n");
  CHECK(p.events == std::vector<std::string>{"R2", "E3:csv_unterminated_quote", "R4", "R5"});
  CHECK(p.records[1].cells == Cells{"3", "c"});
}

TEST_CASE("csv: invalid UTF-8 is an error for that record only") {
  // Lone continuation byte, overlong '/', UTF-16 surrogate, truncated sequence at the end.
  const Pass p =
      read_all("id,name\n1,\x80\n2,\xC0\xAF\n3,\xED\xA0\x80\n4,ok\xE2\x82\n5,\xE2\x82\xAC\n");
  CHECK(p.events == std::vector<std::string>{"E2:csv_invalid_utf8", "E3:csv_invalid_utf8",
                                             "E4:csv_invalid_utf8", "E5:csv_invalid_utf8", "R6"});
  CHECK(p.records[0].cells[1] == "\xE2\x82\xAC");
}

TEST_CASE("csv: error messages never contain cell contents") {
  const std::string secret = "jane.secret@example.com";
  const Pass p = read_all("id,email\n1," + secret + ",x\n2,\"" + secret + "\xFF\"\n3,\"" + secret);
  REQUIRE(p.errors.size() == 3);
  for (const Error& e : p.errors) {
    CHECK(e.message.find("secret") == std::string::npos);
    CHECK(e.message.find("ine " + e.path.substr(5)) != std::string::npos);  // "Line N" / "line N"
  }
}

TEST_CASE("csv: fields over the size limit are errors") {
  CsvOptions small;
  small.max_field_bytes = 4;
  const Pass p = read_all("id,v\n1,abcd\n2,abcde\n3,\"x\ny\nz\"\n", small);
  CHECK(p.events ==
        std::vector<std::string>{"R2", "E3:csv_field_too_large", "E4:csv_field_too_large"});
}

TEST_CASE("csv: stray quotes inside an unquoted field are kept literally") {
  const Pass p = read_all("a,b\n5\"2,x\n\"q\"z,y\n");
  REQUIRE(p.records.size() == 2);
  CHECK(p.records[0].cells == Cells{"5\"2", "x"});
  CHECK(p.records[1].cells == Cells{"qz", "y"});
}

TEST_CASE("csv: next() without read_header() reads the header first") {
  std::istringstream in("a,b\n1,2\n");
  CsvReader reader(in);
  CsvRecord record;
  Error error;
  REQUIRE(reader.next(record, error) == Status::Record);
  CHECK(record.cells == Cells{"1", "2"});
  CHECK(record.line == 2);
  CHECK(reader.next(record, error) == Status::End);
}
