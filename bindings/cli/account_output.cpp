// See account_output.h.
#include "account_output.h"

#include "output.h"

namespace leadscore::cli {
namespace {

Json error_json(const Error& e) { return Json::object({{"code", e.code}, {"path", e.path}, {"message", e.message}}); }

class JsonlWriter : public AccountWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}

  void account(const std::string& id, const std::vector<std::size_t>& lines, const Json& result) override {
    // Written piecewise rather than as one Json so a 100,000-contact result is not copied; the
    // keys come out in dump_json() order all the same ("account" < "record" < "result").
    out_ << "{\"account\":" << dump_json(Json(id)) << ",\"record\":{\"lines\":" << dump_json(Json(lines))
         << "},\"result\":" << dump_json(result) << "}\n";
  }

  void account_error(const std::string& id, const std::vector<std::size_t>& lines, const Error& error) override {
    out_ << dump_json(Json::object({{"account", id}, {"error", error_json(error)}, {"record", {{"lines", lines}}}})) << '\n';
  }

  void error(std::size_t line, const Error& error) override {
    out_ << dump_json(Json::object({{"error", error_json(error)}, {"record", {{"line", line}}}})) << '\n';
  }

 private:
  std::ostream& out_;
};

std::string joined(const std::vector<std::size_t>& lines) {
  std::string s;
  for (std::size_t i = 0; i < lines.size(); ++i) s += (i ? ";" : "") + std::to_string(lines[i]);
  return s;
}

class CsvWriter : public AccountWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}

  void begin() override {
    out_ << "account,score,band,action,contact_points,fit_points,contacts,scored,failed,error_code,lines\n";
  }

  void account(const std::string& id, const std::vector<std::size_t>& lines, const Json& r) override {
    const Json& band = r.at("band");
    const Json& contacts = r.at("contacts");
    out_ << csv_cell(id) << ',' << dump_json(r.at("score")) << ',' << csv_cell(band.at("id").get<std::string>())
         << ',' << csv_cell(band.at("action").get<std::string>()) << ',' << dump_json(r.at("aggregation").at("points"))
         << ',' << dump_json(r.at("fit").at("points")) << ',' << dump_json(contacts.at("received")) << ','
         << dump_json(contacts.at("scored")) << ',' << dump_json(contacts.at("failed")) << ",," << joined(lines) << '\n';
  }

  void account_error(const std::string& id, const std::vector<std::size_t>& lines, const Error& error) override {
    out_ << csv_cell(id) << ",,,,,," << lines.size() << ",,," << csv_cell(error.code) << ',' << joined(lines) << '\n';
  }

  void error(std::size_t line, const Error& error) override {
    out_ << ",,,,,,,,," << csv_cell(error.code) << ',' << line << '\n';
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<AccountWriter> make_account_jsonl_writer(std::ostream& out) { return std::make_unique<JsonlWriter>(out); }
std::unique_ptr<AccountWriter> make_account_csv_writer(std::ostream& out) { return std::make_unique<CsvWriter>(out); }

}  // namespace leadscore::cli
