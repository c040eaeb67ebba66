// See preview_csv() in leadscore/csv.h.
#include "leadscore/csv.h"
#include "leadscore/score.h"

#include <string>

namespace leadscore {

Expected<Json> preview_csv(std::istream& in, std::size_t max_records, const CsvOptions& options) {
  CsvReader reader(in, options);
  auto header = reader.read_header();
  if (!header) return header.error();
  Json records = Json::array();
  CsvRecord record;
  Error error;
  bool more = false;
  for (;;) {
    const CsvReader::Status status = reader.next(record, error);
    if (status == CsvReader::Status::End) break;
    if (records.size() == max_records) {
      more = true;
      break;
    }
    if (status == CsvReader::Status::Error) {
      // The reader names the place "line N".
      const std::string& path = error.path;
      Json line = path.rfind("line ", 0) == 0 ? Json(std::stoull(path.substr(5))) : Json(path);
      records.push_back(Json{{"line", line}, {"error", Json{{"code", error.code}, {"message", error.message}}}});
      continue;
    }
    records.push_back(Json{{"line", record.line}, {"cells", record.cells}, {"lead", lead_from_row(header.value(), record.cells)}});
  }
  return Json{{"delimiter", std::string(1, reader.delimiter())}, {"header", header.value()}, {"records", std::move(records)},
              {"more", more}};
}

}  // namespace leadscore
