// Data packs (leadscore/data.h, docs/data-packs.md): the built-in pack, loading the pack files the
// build writes, refusing damaged ones with a clear error, and handing a model another tier.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "data/data_pack.h"
#include "io/sha256.h"
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
  CHECK(built_in->public_suffixes().rules.entry_count == full->public_suffixes().rules.entry_count);
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
  // Lite keeps the short second levels and the registry kinds that several TLDs use, wildcards
  // and exceptions; the longer geographic second levels only in full (core/data/lists.mjs).
  for (const char* host : {"x.trust.nhs.uk", "mail.city.on.ca", "a.acme.com.au", "b.mairie.gouv.fr"}) {
    INFO(host);
    CHECK(checks::registrable_domain(lite->public_suffixes(), host) == checks::registrable_domain(full->public_suffixes(), host));
  }
  CHECK(checks::registrable_domain(lite->public_suffixes(), "a.b.ck") == "a.b.ck");  // *.ck
  CHECK(checks::registrable_domain(lite->public_suffixes(), "www.ck") == "www.ck");  // !www.ck
  CHECK(checks::registrable_domain(lite->public_suffixes(), "x.www.ck") == "www.ck");
  CHECK(checks::registrable_domain(full->public_suffixes(), "comune.agrigento.it") == "comune.agrigento.it");
  CHECK(checks::registrable_domain(lite->public_suffixes(), "comune.agrigento.it") == "agrigento.it");
  CHECK(checks::public_suffix_table_size(lite->public_suffixes()).rules == 3290);
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
  const auto at = header.find("\"entries\":291");
  REQUIRE(at != std::string::npos);
  header.replace(at, 13, "\"entries\":999");
  std::string lying = good.substr(0, 12) + header + good.substr(12 + h);
  CHECK(refusal(lying) == std::pair<std::string, std::string>{"data_invalid", "/sections/free_domains/blocks"});
  // Earlier formats (1: domain lists only; 2: the suffix rules back to back) are refused by name.
  for (const char* earlier : {"\"format\":1", "\"format\":2"}) {
    std::string old_format = good;
    const auto f = old_format.find("\"format\":3");
    REQUIRE(f != std::string::npos);
    old_format.replace(f, 10, earlier);
    CHECK(refusal(old_format) == std::pair<std::string, std::string>{"data_invalid", "/header/format"});
  }
}

namespace {

// `good` with its header's text `from` replaced by `to` (same length, so offsets stay) and the
// payload rewritten by `mend` with its checksum recomputed: a pack that passes the checksum and
// must be refused by the section checks.
std::string forged(const std::string& good, const std::string& from, const std::string& to,
                   void (*mend)(std::string& payload) = nullptr) {
  REQUIRE(from.size() == to.size());
  const std::uint32_t h = header_size(good);
  std::string header = good.substr(12, h);
  const auto at = header.find(from);
  REQUIRE(at != std::string::npos);
  header.replace(at, from.size(), to);
  const std::size_t payload_at = (12 + h + 3) / 4 * 4;
  std::string payload = good.substr(payload_at);
  if (mend) {
    mend(payload);
    const std::string old_sha = header.substr(header.find("\"payload_sha256\":\"") + 18, 64);
    header.replace(header.find(old_sha), 64, leadscore::sha256_hex(payload));
  }
  return good.substr(0, 12) + header + good.substr(12 + h, payload_at - 12 - h) + payload;
}

std::size_t section_offset(const std::string& good, const std::string& name) {
  const std::string header = good.substr(12, header_size(good));
  const auto at = header.find("\"" + name + "\":{\"offset\":");
  REQUIRE(at != std::string::npos);
  return std::stoul(header.substr(at + name.size() + 13));
}

}  // namespace

TEST_CASE("the phone, name and role tables are in every pack and checked like the lists") {
  for (const char* tier : {"lite", "full"}) {
    const auto pack = load(tier);
    INFO(tier);
    CHECK(pack->phone_plans().size() > 240);
    CHECK(pack->name_model().present);
    CHECK(pack->name_model().folds.size() > 400);
    CHECK(pack->role_local_parts().contains("sales"));
  }
  // Both tiers carry the same phone, name and role tables.
  CHECK(load("lite")->name_model().person == load("full")->name_model().person);
  CHECK(load("lite")->phone_plans().size() == load("full")->phone_plans().size());

  const std::string good = pack_file("lite");
  const std::size_t phones = section_offset(good, "phone_plans");
  const std::size_t names = section_offset(good, "name_model");
  static std::size_t phones_at, names_at;
  phones_at = phones;
  names_at = names;
  // A plan count that runs past the payload, a bad record, plans out of order.
  CHECK(refusal(forged(good, "\"plans\":254", "\"plans\":999")).second == "/sections/phone_plans");
  CHECK(refusal(forged(good, "\"plans\":254", "\"plans\":254", [](std::string& p) { p[phones_at] = 'a'; })) ==
        std::pair<std::string, std::string>{"data_invalid", "/sections/phone_plans/plans/0"});
  CHECK(refusal(forged(good, "\"plans\":254", "\"plans\":254", [](std::string& p) { p[phones_at + 16] = 'A'; })) ==
        std::pair<std::string, std::string>{"data_invalid", "/sections/phone_plans/plans/1"});
  CHECK(refusal(forged(good, "\"record_bytes\":16", "\"record_bytes\":17")).second == "/sections/phone_plans/record_bytes");
  // Folds out of order, a fold count that disagrees with the section, a symbol out of range.
  CHECK(refusal(forged(good, "\"folds\":510", "\"folds\":508")).second == "/sections/name_model/folds");
  CHECK(refusal(forged(good, "\"folds\":510", "\"folds\":510", [](std::string& p) {
          p[names_at + 12 + 4 * 729 + 4 * 3] = 27;  // the fourth fold's symbol
        })).second == "/sections/name_model/folds/3");
  // A missing section.
  CHECK(refusal(forged(good, "\"role_local_parts\"", "\"role_local_partz\"")).second == "/sections/role_local_parts");
}

TEST_CASE("front-coded tables whose checksum holds but whose entries do not are refused with where") {
  const std::string good = pack_file("lite");
  // The free domains: 291 entries in 10 blocks of 32, the u32 block offsets, a shared-length
  // byte per entry, then the suffixes, each ended by a newline.
  static std::size_t shared_at, suffixes_at;
  shared_at = section_offset(good, "free_domains") + 4 * 10;
  suffixes_at = shared_at + 291;
  using Refusal = std::pair<std::string, std::string>;
  const Refusal at_free{"data_invalid", "/sections/free_domains"};
  // A block's first entry that keeps bytes of the one before; an entry that keeps more bytes than
  // the one before has; the first suffix's newline gone (two entries run together, out of order).
  CHECK(refusal(forged(good, "\"entries\":291", "\"entries\":291", [](std::string& p) { p[shared_at + 32] = 1; })) == at_free);
  CHECK(refusal(forged(good, "\"entries\":291", "\"entries\":291", [](std::string& p) { p[shared_at + 1] = 200; })) == at_free);
  CHECK(refusal(forged(good, "\"entries\":291", "\"entries\":291", [](std::string& p) {
          p[p.find('\n', suffixes_at)] = 'z';
        })) == at_free);
  // An entry count that leaves suffixes over; a domain table without its label order.
  CHECK(refusal(forged(good, "\"entries\":291,\"blocks\":10", "\"entries\":290,\"blocks\":10")) == at_free);
  // An entry that keeps fewer bytes than it shares with the entry before, in an order that is
  // still sorted (a lookup would stop too early): the entry before is given one more byte of it.
  const std::size_t payload_at = (12 + header_size(good) + 3) / 4 * 4;
  std::vector<std::string> entries;
  std::vector<std::size_t> starts;  // where each entry's suffix starts, from the payload's start
  for (std::size_t i = 0, at = suffixes_at; i < 291; ++i) {
    const std::size_t end = good.find('\n', payload_at + at) - payload_at;
    entries.push_back((i ? entries.back().substr(0, static_cast<unsigned char>(good[payload_at + shared_at + i])) : "") +
                      good.substr(payload_at + at, end - at));
    starts.push_back(at);
    at = end + 1;
  }
  static std::size_t changed_at;
  static char changed_to;
  changed_at = 0;
  for (std::size_t i = 2; i < 291 && changed_at == 0; ++i) {
    if (i % 32 == 0 || (i - 1) % 32 == 0) continue;
    const std::size_t keep = static_cast<unsigned char>(good[payload_at + shared_at + i]);
    const std::size_t keep_before = static_cast<unsigned char>(good[payload_at + shared_at + i - 1]);
    std::string before = entries[i - 1];
    if (keep <= keep_before || keep >= before.size() || keep >= entries[i].size()) continue;
    before[keep] = entries[i][keep];
    if (before < entries[i] && entries[i - 2] < before) {
      changed_at = starts[i - 1] + (keep - keep_before);
      changed_to = entries[i][keep];
    }
  }
  REQUIRE(changed_at != 0);
  CHECK(refusal(forged(good, "\"entries\":291", "\"entries\":291", [](std::string& p) { p[changed_at] = changed_to; })) == at_free);
  // A block size of 0; one that does not match the block count.
  CHECK(refusal(forged(good, "\"block\":32,\"entries\":291", "\"block\": 0,\"entries\":291")) ==
        Refusal{"data_invalid", "/sections/free_domains/block"});
  CHECK(refusal(forged(good, "\"block\":32,\"entries\":291", "\"block\":16,\"entries\":291")) ==
        Refusal{"data_invalid", "/sections/free_domains/blocks"});
  CHECK(refusal(forged(good, "\"labels\":\"reversed\"", "\"labels\":\"inverted\"")) ==
        Refusal{"data_invalid", "/sections/free_domains/labels"});
}

TEST_CASE("without a data pack (tier none) the checks that need one say undecided, the others still run") {
  const std::string text = R"({"format_version":1,"id":"m","version":"1",
    "fields":[{"name":"email","type":"email"},{"name":"first_name","type":"string"},{"name":"phone","type":"string"}],
    "groups":[{"id":"g"}],"rules":[],"scale":{"min":0,"max":100},
    "bands":[{"id":"all","action":"none","from":0,"to":100}],
    "checks":{"fields":{"email":"email","first_name":"first_name","phone":"phone"}}})";
  auto model = Model::parse(text);
  REQUIRE(model);
  Model m = std::move(model.value());
  m.use_data(DataPack::empty());
  CHECK(m.data_info().tier == "none");
  const Json lead = {{"email", "info@mailinator.com"}, {"first_name", "Xqzvkwpj"}, {"phone", "+33 1 23"}};
  auto result = score(m, lead, {"2026-11-23T10:00:00Z"});
  REQUIRE(result);
  CHECK(dump_json(result.value()["data"]) ==
        R"({"tier":"none","undecided":["email_disposable","email_free","email_role","gibberish","phone_length","phone_country_code"],"version":""})");
  // The checks that need no data still run: syntax, capitalisation, characters.
  std::vector<Finding> findings;
  check_field(m.checks(), "email", "not an address", FieldContext{}, findings);
  check_field(m.checks(), "phone", "12ab", FieldContext{}, findings);
  std::string codes;
  for (const auto& f : findings) codes += f.code + " ";
  CHECK(codes == "email_syntax phone_characters ");
  // The same lead with the full pack decides everything.
  m.use_data(load("full"));
  auto full = score(m, lead, {"2026-11-23T10:00:00Z"});
  REQUIRE(full);
  CHECK_FALSE(full.value()["data"].contains("undecided"));
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
