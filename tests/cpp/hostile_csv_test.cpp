// Hostile inputs (issue 18 §1): the CSV reader bounds a record's cells and bytes before holding
// them, and an unterminated quote costs its own record only. Every record in gives one result out
// (a record or an error naming its line), and reading goes on.
#include <sys/resource.h>

#include <catch2/catch.hpp>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "leadscore/csv.h"

using leadscore::CsvOptions;
using leadscore::CsvReader;
using leadscore::CsvRecord;
using leadscore::Error;
using Status = CsvReader::Status;

namespace {

// `head`, then `count` times the byte `fill`, then `tail`, made while it is read (a 64 MiB line
// without holding it), counting the bytes handed out.
class GeneratedInput : public std::streambuf {
 public:
  GeneratedInput(std::string head, char fill, std::size_t count, std::string tail)
      : head_(std::move(head)), tail_(std::move(tail)), fill_(fill), count_(count) {}
  std::size_t size() const { return head_.size() + count_ + tail_.size(); }
  std::size_t handed_out() const { return handed_out_; }

 protected:
  int_type underflow() override {
    if (pos_ >= size()) return traits_type::eof();
    std::size_t n = 0;
    while (n < sizeof(buffer_) && pos_ < size()) {
      if (pos_ < head_.size()) buffer_[n] = head_[pos_];
      else if (pos_ < head_.size() + count_) buffer_[n] = fill_;
      else buffer_[n] = tail_[pos_ - head_.size() - count_];
      ++n;
      ++pos_;
    }
    handed_out_ += n;
    setg(buffer_, buffer_, buffer_ + n);
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  std::string head_, tail_;
  char fill_;
  std::size_t count_, pos_ = 0, handed_out_ = 0;
  char buffer_[1 << 16];
};

long max_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // KiB on Linux
}

// Every result of a pass, as "R<line>" or "E<line>:<code>", with the records and errors.
struct Pass {
  std::vector<std::string> events;
  std::vector<CsvRecord> records;
  std::vector<Error> errors;
};

Pass read_all(std::istream& in, CsvOptions options = {}) {
  CsvReader reader(in, options);
  Pass pass;
  REQUIRE(reader.read_header());
  CsvRecord record;
  Error error;
  for (Status s = reader.next(record, error); s != Status::End; s = reader.next(record, error)) {
    if (s == Status::Record) {
      pass.events.push_back("R" + std::to_string(record.line));
      pass.records.push_back(record);
    } else {
      pass.events.push_back("E" + error.path.substr(5) + ":" + error.code);
      pass.errors.push_back(error);
    }
  }
  return pass;
}

Pass read_all(const std::string& text, CsvOptions options = {}) {
  std::istringstream in(text);
  return read_all(in, options);
}

using Events = std::vector<std::string>;

}  // namespace

TEST_CASE("hostile csv: a 64 MiB line of commas is one error read once never held", "[hostile][csv]") {
  // Before: every empty cell was held (about 64 bytes each), 4 GB of memory for this line.
  GeneratedInput source("id,email\n", ',', std::size_t{64} << 20, "\nL1,a@acme.example\n");
  std::istream in(&source);
  const long rss_before = max_rss_kib();
  const Pass p = read_all(in);
  const long grown_kib = max_rss_kib() - rss_before;
  CHECK(p.events == Events{"E2:csv_ragged_row", "R3"});
  REQUIRE(p.errors.size() == 1);
  CHECK(p.errors[0].message ==
        "Line 2 has 67108865 cells but the header has 2 (the first extra cell is column 3); the record was skipped.");
  CHECK(p.records[0].cells == std::vector<std::string>{"L1", "a@acme.example"});
  // The work: every byte read once (nothing read again, nothing held per cell).
  CHECK(source.handed_out() == source.size());
  INFO("max RSS grew by " << grown_kib << " KiB");
  CHECK(grown_kib < 32 * 1024);
}

TEST_CASE("hostile csv: an unterminated quote in row 3 of 10 gives 10 results", "[hostile][csv]") {
  std::string text = "id,email\n";
  for (int i = 1; i <= 10; ++i) text += "L" + std::to_string(i) + (i == 3 ? ",\"c@x.example\n" : ",r@x.example\n");
  const Pass p = read_all(text);
  CHECK(p.events == Events{"R2", "R3", "E4:csv_unterminated_quote", "R5", "R6", "R7", "R8", "R9", "R10", "R11"});
  REQUIRE(p.errors.size() == 1);
  CHECK(p.errors[0].message ==
        "Line 4, column 2: the quoted field opened on line 4 is still open at the end of the input; "
        "the record was skipped and reading goes on after line 4.");
  REQUIRE(p.records.size() == 9);
  CHECK(p.records[2].cells == std::vector<std::string>{"L4", "r@x.example"});

  SECTION("the same through preview_csv, one entry per record") {
    std::istringstream in(text);
    auto preview = leadscore::preview_csv(in, 100);
    REQUIRE(preview);
    const auto& records = preview.value()["records"];
    REQUIRE(records.size() == 10);
    CHECK(records[2]["line"] == 4);
    CHECK(records[2]["error"]["code"] == "csv_unterminated_quote");
    CHECK(records[3]["lead"]["id"] == "L4");
  }
}

TEST_CASE("hostile csv: a quote never closed is given up at the record bound in bounded work", "[hostile][csv]") {
  // The quote opens on line 3; 10,000 lines later the record passes max_record_bytes: given up
  // there, and the lines it had taken are read again. Each byte is read from the input once.
  std::string rest;
  for (int i = 3; i < 10003; ++i) rest += std::to_string(i) + ",v\n";
  GeneratedInput input("id,v\n1,a\n2,\"open\n", ' ', 0, rest);
  std::istream in(&input);
  CsvOptions options;
  options.max_record_bytes = 4096;
  const Pass p = read_all(in, options);
  REQUIRE(p.events.size() == 10002);
  CHECK(p.events[0] == "R2");
  CHECK(p.events[1] == "E3:csv_unterminated_quote");
  CHECK(p.errors[0].message.find("is not closed within the record size limit (4096 bytes)") != std::string::npos);
  for (std::size_t i = 2; i < p.events.size(); ++i) CHECK(p.events[i] == "R" + std::to_string(i + 2));
  CHECK(input.handed_out() == input.size());
}

TEST_CASE("hostile csv: long quoted notes under the bounds still read as one cell", "[hostile][csv]") {
  // No limit on the lines of a quoted field: only bytes count.
  std::string note;
  for (int i = 0; i < 5000; ++i) note += "line " + std::to_string(i) + ", \"\"quoted\"\"\r\n";
  const Pass p = read_all("id,note\n1,\"" + note + "\"\n2,b\n");
  CHECK(p.events == Events{"R2", "R5003"});
  REQUIRE(p.records.size() == 2);
  CHECK(p.records[0].cells[1].size() == note.size() - 5000 * 2);
}

TEST_CASE("hostile csv: each bound has its code line and column and the first one met wins", "[hostile][csv]") {
  CsvOptions small;
  small.max_field_bytes = 8;
  small.max_record_bytes = 20;
  const Pass p = read_all(
      "a,b,c\n"
      "1,123456789,3\n"              // line 2: column 2 over 8 bytes
      "12345678,12345678,1234\n"     // line 3: 22 bytes, over 20 in column 3
      "1,2,3,4,5\n"                  // line 4: too many cells, from column 4
      "1,2\n"                        // line 5: too few
      "1,2,\"3\r\n3\"\r\n"          // line 6: a quoted CRLF, kept
      "ok,\"never\n1,2,3\n",          // line 8: open quote; line 9 read again
      small);
  CHECK(p.events == Events{"E2:csv_field_too_large", "E3:csv_record_too_large", "E4:csv_ragged_row",
                           "E5:csv_ragged_row", "R6", "E8:csv_unterminated_quote", "R9"});
  REQUIRE(p.errors.size() == 5);
  CHECK(p.errors[0].message == "Line 2, column 2 is longer than the field size limit (8 bytes); the record was skipped.");
  CHECK(p.errors[1].message ==
        "Line 3 is longer than the record size limit (20 bytes, passed in column 3); the record was skipped.");
  CHECK(p.errors[2].message ==
        "Line 4 has 5 cells but the header has 3 (the first extra cell is column 4); the record was skipped.");
  CHECK(p.errors[3].message == "Line 5 has 2 cells but the header has 3; the record was skipped.");
  CHECK(p.records[0].cells == std::vector<std::string>{"1", "2", "3\r\n3"});
}

TEST_CASE("hostile csv: unclosed quotes one after the other each cost their own record", "[hostile][csv]") {
  // Line 3's quote is given up in line 5, at the record bound: lines 4 and 5 are read again, half
  // from what was kept and half from the input. Line 7's quote is still open at the end.
  CsvOptions options;
  options.max_record_bytes = 10;
  const Pass p = read_all("id,v\n1,a\n2,\"x\n3,c\r\n4,d\n5,e\n6,\"y\n7,g\n", options);
  CHECK(p.events == Events{"R2", "E3:csv_unterminated_quote", "R4", "R5", "R6", "E7:csv_unterminated_quote", "R8"});
  REQUIRE(p.records.size() == 5);
  CHECK(p.records[2].cells == std::vector<std::string>{"4", "d"});
  // A later quote on another line closes an open one (RFC 4180): one record of lines 2 and 3.
  CHECK(read_all("id,v\n1,\"x\n2,\"y\n3,c\n").events == Events{"R2", "R4"});
  // A ragged record whose extra cells open a quote: the quote still decides where it ends.
  const Pass q = read_all("id,v\n1,a,\"b\nc\",d\n2,b\n");
  CHECK(q.events == Events{"E2:csv_ragged_row", "R4"});
}

TEST_CASE("hostile csv: a header whose quote never closes is refused after 1 MiB not at the end", "[hostile][csv]") {
  GeneratedInput source("id,\"email\n", 'x', std::size_t{64} << 20, "\n");
  std::istream in(&source);
  CsvReader reader(in);
  auto header = reader.read_header();
  REQUIRE_FALSE(header);
  CHECK(header.error().code == "csv_unterminated_quote");
  CHECK(header.error().message == "The CSV header (line 1) opens a quoted name that is never closed (not within 1048576 bytes).");
  CHECK(source.handed_out() <= (std::size_t{1} << 20) + (1 << 16));
}

TEST_CASE("hostile csv: a header over the column bound is refused", "[hostile][csv]") {
  CsvOptions options;
  options.max_columns = 3;
  std::istringstream in("a,b,c,d\n1,2,3,4\n");
  CsvReader reader(in, options);
  auto header = reader.read_header();
  REQUIRE_FALSE(header);
  CHECK(header.error().code == "csv_too_many_columns");
  CHECK(header.error().path == "line 1");
  // The default is Excel's 16,384 columns.
  CHECK(CsvOptions{}.max_columns == 16384);
}
