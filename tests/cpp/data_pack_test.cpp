// Data packs (leadscore/data.h, docs/data-packs.md): the built-in pack, loading the pack files the
// build writes, refusing damaged ones with a clear error, and handing a model another tier.
#include <catch2/catch.hpp>

#include <string>

#include "data/data_pack.h"
#include "leadscore/leadscore.h"
#include "test_support.h"

using namespace leadscore;

namespace {

std::string pack_file(const char* tier) {
  const std::string bytes = test_support::read_file(std::string(LEADSCORE_DATA_DIR) + "/" + tier + ".bin");
  REQUIRE(bytes.size() > 1000);
  return bytes;
}

std::shared_ptr<const DataPack> load(const char* tier) {
  auto pack = load_data(pack_file(tier));
  REQUIRE(pack);
  return pack.value();
}

// The error of loading `bytes`: code and path.
std::pair<std::string, std::string> refusal(const std::string& bytes) {
  auto pack = load_data(bytes);
  REQUIRE_FALSE(pack);
  return {pack.error().code, pack.error().path};
}

std::uint32_t header_size(const std::string& bytes) {
  return static_cast<unsigned char>(bytes[8]) | static_cast<unsigned char>(bytes[9]) << 8 |
         static_cast<unsigned char>(bytes[10]) << 16 | static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[11])) << 24;
}

}  // namespace

TEST_CASE("the native build's built-in pack is the full pack file, checked once here") {
  const auto built_in = built_in_data();
  const auto full = load("full");  // load_data() verifies checksum, bounds and order
  CHECK(data_info(*built_in).tier == "full");
  CHECK(data_info(*built_in).version == data_info(*full).version);
  CHECK(data_info(*full).version.size() == 16);
  // Same lists: the built-in bytes are the file's bytes (verified by this load).
  auto again = DataPack::parse(pack_file("full"));
  REQUIRE(again);
  CHECK(built_in->free_domains().entry_count == full->free_domains().entry_count);
  CHECK(built_in->disposable_domains().entry_count == full->disposable_domains().entry_count);
  CHECK(built_in->public_suffixes().count == full->public_suffixes().count);
}

TEST_CASE("the lite pack is a subset of the full one") {
  const auto lite = load("lite");
  const auto full = load("full");
  CHECK(data_info(*lite).tier == "lite");
  CHECK(lite->disposable_domains().entry_count < full->disposable_domains().entry_count / 10);
  CHECK(lite->free_domains().entry_count < full->free_domains().entry_count / 10);
  // The best-known providers are in both tiers; the long tail only in full.
  for (const char* d : {"mailinator.com", "guerrillamail.com", "yopmail.com", "10minutemail.com"}) {
    CHECK(lite->is_disposable(d));
    CHECK(full->is_disposable(d));
  }
  for (const char* d : {"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "mail.ru"}) {
    CHECK(lite->is_free(d));
    CHECK(full->is_free(d));
  }
  CHECK(full->is_disposable("0-180.com"));
  CHECK_FALSE(lite->is_disposable("0-180.com"));
  // PSL: every TLD and the second-level registries; hosting platforms only in full.
  CHECK(checks::registrable_domain(lite->public_suffixes(), "www.acme.co.uk") == "acme.co.uk");
  CHECK(checks::registrable_domain(full->public_suffixes(), "jane.blogspot.com") == "jane.blogspot.com");
  CHECK(checks::registrable_domain(lite->public_suffixes(), "jane.blogspot.com") == "blogspot.com");
}

TEST_CASE("damaged or foreign bytes are refused with data_invalid and where") {
  const std::string good = pack_file("lite");
  CHECK(refusal("") == std::pair<std::string, std::string>{"data_invalid", ""});
  CHECK(refusal("{\"format\":1}") == std::pair<std::string, std::string>{"data_invalid", ""});
  CHECK(refusal(good.substr(0, good.size() - 1)) == std::pair<std::string, std::string>{"data_invalid", "/header/payload_bytes"});
  std::string flipped = good;
  flipped[flipped.size() - 3] ^= 0x20;  // a byte of the last rule
  CHECK(refusal(flipped) == std::pair<std::string, std::string>{"data_invalid", "/header/payload_sha256"});
  std::string huge = good;
  huge[11] = '\x7f';  // header length far beyond the file
  CHECK(refusal(huge) == std::pair<std::string, std::string>{"data_invalid", "/header"});
  // A header that lies about a section (within a valid checksum) is caught by the bounds checks.
  const std::uint32_t h = header_size(good);
  std::string header = good.substr(12, h);
  const auto at = header.find("\"entries\":283");
  REQUIRE(at != std::string::npos);
  header.replace(at, 13, "\"entries\":999");
  std::string lying = good.substr(0, 12) + header + good.substr(12 + h);
  CHECK(refusal(lying) == std::pair<std::string, std::string>{"data_invalid", "/sections/free_domains/blocks"});
  std::string format2 = good;
  const auto f = format2.find("\"format\":1");
  format2.replace(f, 10, "\"format\":2");
  CHECK(refusal(format2) == std::pair<std::string, std::string>{"data_invalid", "/header/format"});
}

TEST_CASE("a model handed the lite pack checks with it; its personas too") {
  const std::string text = R"({"format_version":1,"id":"m","version":"1","fields":[{"name":"email","type":"email"}],
    "groups":[{"id":"g"}],"rules":[],"scale":{"min":0,"max":100},
    "bands":[{"id":"all","action":"none","from":0,"to":100}],"checks":{}})";
  auto model = Model::parse(text);
  REQUIRE(model);
  Model m = std::move(model.value());
  CHECK(m.data_info().tier == "full");
  auto codes = [&m](const char* email) {
    std::vector<Finding> findings;
    check_field(m.checks(), "email", email, FieldContext{}, findings);
    std::string out;
    for (const auto& f : findings) out += f.code + " ";
    return out;
  };
  CHECK(codes("x@0-180.com") == "email_disposable ");
  m.use_data(load("lite"));
  CHECK(m.data_info().tier == "lite");
  CHECK(codes("x@0-180.com") == "");
  CHECK(codes("x@mailinator.com") == "email_disposable ");
  m.use_data(nullptr);  // back to the built-in pack
  CHECK(m.data_info().tier == "full");
}
