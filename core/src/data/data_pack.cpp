// Reading a data pack (layout: core/data/data-pack.mjs and docs/data-packs.md). Every offset,
// count and length is checked before a table points into the bytes, and every table is walked
// once to check that its entries are in bounds and sorted: a pack from anywhere may be loaded,
// and a lookup in a loaded pack can then neither read out of bounds nor give a wrong answer.
#include "data/data_pack.h"

#include <cstdint>
#include <cstring>
#include <optional>
#include <limits>
#include <utility>

#include "data/built_in_pack.h"
#include "io/sha256.h"
#include "leadscore/json.h"

namespace leadscore {
namespace {

constexpr unsigned char kMagic[8] = {0x89, 'L', 'S', 'D', 'A', 'T', 'A', '\n'};
constexpr std::size_t kMaxHeader = 64 * 1024;

Error invalid(std::string path, std::string message) {
  return Error{"data_invalid", std::move(path), "the data pack is not valid: " + std::move(message)};
}

bool little_endian() {
  const std::uint32_t one = 1;
  unsigned char first = 0;
  std::memcpy(&first, &one, 1);
  return first == 1;
}

std::uint32_t read_u32(const char* p) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

// A non-negative integer member of `section` no larger than `max`.
Expected<std::size_t> count_of(const Json& section, const char* key, const std::string& path, std::size_t max) {
  const auto it = section.find(key);
  if (it == section.end() || !it->is_number_unsigned() || it->get<std::uint64_t>() > max)
    return invalid(path + "/" + key, std::string("\"") + key + "\" is missing or out of range");
  return static_cast<std::size_t>(it->get<std::uint64_t>());
}

// The payload range [offset, offset + size) of a section, 4-byte aligned, inside the payload.
Expected<const char*> section_at(std::string_view bytes, std::size_t payload, std::size_t offset, std::size_t size,
                                 const std::string& path) {
  const std::size_t payload_size = bytes.size() - payload;
  if (offset % 4 != 0 || offset > payload_size || size > payload_size - offset)
    return invalid(path, "the section lies outside the payload or is misaligned");
  return bytes.data() + payload + offset;
}

// Checks a front-coded table (FrontCodedTable): every block offset at the start of that block's
// first entry, every entry 1..255 bytes and ended by a newline inside the suffixes, a block's
// first entry keeping nothing and later ones exactly the bytes they share with the entry before
// (a lookup relies on it to stop early), entries strictly increasing in byte order across the
// whole table, nothing after the last entry.
std::optional<Error> check_front_coded(const checks::FrontCodedTable& t, const std::string& path) {
  std::string previous, entry;
  std::size_t at = 0;
  for (std::size_t i = 0; i < t.entry_count; ++i) {
    const std::string where = "entry " + std::to_string(i);
    if (i % t.block_size == 0) {
      if (t.block_offsets[i / t.block_size] != at)
        return invalid(path, "block " + std::to_string(i / t.block_size) + " has a bad offset");
      if (t.shared[i] != 0) return invalid(path, where + " starts a block but keeps bytes of the one before");
    }
    const std::size_t keep = t.shared[i];
    if (keep > entry.size()) return invalid(path, where + " keeps more bytes than the entry before has");
    const void* newline = at < t.suffix_bytes ? std::memchr(t.suffixes + at, '\n', t.suffix_bytes - at) : nullptr;
    if (newline == nullptr) return invalid(path, where + " overruns the suffixes");
    const std::size_t end = static_cast<std::size_t>(static_cast<const unsigned char*>(newline) - t.suffixes);
    if (i % t.block_size != 0 && keep < previous.size() && end > at &&
        t.suffixes[at] == static_cast<unsigned char>(previous[keep]))
      return invalid(path, where + " keeps fewer bytes than it shares with the entry before");
    entry.resize(keep);
    entry.append(reinterpret_cast<const char*>(t.suffixes + at), end - at);
    if (entry.empty() || entry.size() > 255 || (i > 0 && !(previous < entry)))
      return invalid(path, where + " is empty, too long or out of order");
    previous = entry;
    at = end + 1;
  }
  if (at != t.suffix_bytes) return invalid(path, "the suffixes have bytes after the last entry");
  return std::nullopt;
}

// A front-coded section. A domain table (`domains`) says in its member "labels" whether its
// domains are stored with their labels reversed or as written.
Expected<checks::FrontCodedTable> read_front_coded(std::string_view bytes, std::size_t payload, const Json& sections,
                                                   const char* name, bool verify, bool domains = false) {
  const std::string path = std::string("/sections/") + name;
  const auto it = sections.find(name);
  if (it == sections.end() || !it->is_object()) return invalid(path, "the section is missing");
  const Json& s = *it;
  const std::size_t max = bytes.size();
  auto offset = count_of(s, "offset", path, max);
  auto entries = count_of(s, "entries", path, max);
  auto blocks = count_of(s, "blocks", path, max / 4);
  auto suffix_bytes = count_of(s, "suffix_bytes", path, max);
  auto block = count_of(s, "block", path, 255);
  for (const auto* e : {&offset, &entries, &blocks, &suffix_bytes, &block})
    if (!*e) return e->error();
  if (block.value() == 0) return invalid(path + "/block", "must be 1 to 255");
  const std::size_t expected_blocks = (entries.value() + block.value() - 1) / block.value();
  if (blocks.value() != expected_blocks) return invalid(path + "/blocks", "does not match the entry count");
  auto at = section_at(bytes, payload, offset.value(), 4 * blocks.value() + entries.value() + suffix_bytes.value(), path);
  if (!at) return at.error();
  checks::FrontCodedTable t;
  t.block_size = block.value();
  t.block_offsets = reinterpret_cast<const std::uint32_t*>(at.value());
  t.block_count = blocks.value();
  t.shared = reinterpret_cast<const unsigned char*>(at.value() + 4 * blocks.value());
  t.entry_count = entries.value();
  t.suffixes = t.shared + entries.value();
  t.suffix_bytes = suffix_bytes.value();
  if (domains) {
    const auto labels = s.find("labels");
    if (labels == s.end() || (*labels != "reversed" && *labels != "as_written"))
      return invalid(path + "/labels", "must be \"reversed\" or \"as_written\"");
    t.labels_reversed = *labels == "reversed";
  }
  if (verify) {
    if (auto e = check_front_coded(t, path)) return *e;
  }
  return t;
}

// The payload bytes of a section of `fixed` bytes plus `unit` bytes per item; the item count
// (member `count_key`) goes to *count. The count is bounded by the file's size first, so that the
// section's size cannot overflow (size_t is 32 bits in wasm).
Expected<const char*> fixed_section(std::string_view bytes, std::size_t payload, const Json& sections, const char* name,
                                    const char* count_key, std::size_t fixed, std::size_t unit, std::size_t* count) {
  const std::string path = std::string("/sections/") + name;
  const auto it = sections.find(name);
  if (it == sections.end() || !it->is_object()) return invalid(path, "the section is missing");
  auto offset = count_of(*it, "offset", path, bytes.size());
  if (!offset) return offset.error();
  auto n = count_of(*it, count_key, path, bytes.size() / unit);
  if (!n) return n.error();
  *count = n.value();
  return section_at(bytes, payload, offset.value(), fixed + unit * n.value(), path);
}

constexpr std::size_t kPhoneRecord = 16;

// Numbering plans: 16-byte records (core/data/phone-plans.mjs), copied into PhonePlan structs and
// checked field by field: the country is two capital letters or "001", the prefix 0..3 digits,
// at least one length, calling code 1..999, strictly sorted by (country, calling code).
Expected<std::vector<checks::PhonePlan>> read_phone_plans(std::string_view bytes, std::size_t payload,
                                                          const Json& sections) {
  const std::string path = "/sections/phone_plans";
  std::size_t count = 0;
  auto at = fixed_section(bytes, payload, sections, "phone_plans", "plans", 0, kPhoneRecord, &count);
  if (!at) return at.error();
  const Json& section = *sections.find("phone_plans");
  const auto record = section.find("record_bytes");
  if (record == section.end() || *record != kPhoneRecord)
    return invalid(path + "/record_bytes", "must be 16");
  std::vector<checks::PhonePlan> plans(count);
  for (std::size_t i = 0; i < count; ++i) {
    const char* r = at.value() + i * kPhoneRecord;
    checks::PhonePlan& plan = plans[i];
    std::memcpy(plan.country, r, 4);
    std::memcpy(plan.national_prefix, r + 4, 4);
    plan.lengths = read_u32(r + 8);
    plan.calling_code = static_cast<std::uint16_t>(static_cast<unsigned char>(r[12]) | static_cast<unsigned char>(r[13]) << 8);
    const unsigned char may_lead = static_cast<unsigned char>(r[14]);
    plan.prefix_may_lead = may_lead == 1;
    const char* c = plan.country;
    const bool country_ok = (c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' && c[2] == 0 && c[3] == 0) ||
                            std::memcmp(plan.country, "001\0", 4) == 0;
    bool prefix_ok = plan.national_prefix[3] == 0;
    for (int k = 0; k < 3 && prefix_ok && plan.national_prefix[k]; ++k)
      prefix_ok = plan.national_prefix[k] >= '0' && plan.national_prefix[k] <= '9';
    for (int k = 1; k < 3 && prefix_ok; ++k)
      if (!plan.national_prefix[k - 1] && plan.national_prefix[k]) prefix_ok = false;
    const std::string where = path + "/plans/" + std::to_string(i);
    if (!country_ok) return invalid(where, "bad country code");
    if (!prefix_ok) return invalid(where, "bad national prefix");
    if (plan.lengths == 0 || plan.calling_code == 0 || plan.calling_code > 999 || may_lead > 1 || r[15] != 0)
      return invalid(where, "bad lengths, calling code or flags");
    if (i > 0) {
      const checks::PhonePlan& before = plans[i - 1];
      const int order = std::memcmp(before.country, plan.country, 4);
      if (order > 0 || (order == 0 && before.calling_code >= plan.calling_code))
        return invalid(where, "out of order");
    }
  }
  return plans;
}

// The gibberish models (core/data/name-model.mjs): thresholds, two 27x27 int16 tables, then the
// accent folds, strictly increasing by code point with a symbol of 1..26.
Expected<checks::NameModel> read_name_model(std::string_view bytes, std::size_t payload, const Json& sections) {
  const std::string path = "/sections/name_model";
  constexpr std::size_t cells = checks::NameModel::kSymbols * checks::NameModel::kSymbols;
  constexpr std::size_t folds_at = (12 + 4 * cells + 3) / 4 * 4;
  std::size_t count = 0;
  auto at = fixed_section(bytes, payload, sections, "name_model", "folds", folds_at, 4, &count);
  if (!at) return at.error();
  const char* p = at.value();
  if (read_u32(p + 8) != count) return invalid(path + "/folds", "does not match the section");
  checks::NameModel m;
  m.present = true;
  m.person_threshold = static_cast<std::int32_t>(read_u32(p));
  m.company_threshold = static_cast<std::int32_t>(read_u32(p + 4));
  for (std::size_t i = 0; i < cells; ++i) {
    auto cell = [&](std::size_t at_byte) {
      const auto lo = static_cast<unsigned char>(p[at_byte]), hi = static_cast<unsigned char>(p[at_byte + 1]);
      return static_cast<std::int16_t>(static_cast<std::uint16_t>(lo | hi << 8));
    };
    m.person[i] = cell(12 + 2 * i);
    m.company[i] = cell(12 + 2 * (cells + i));
  }
  m.folds.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t fold = read_u32(p + folds_at + 4 * i);
    const std::uint32_t symbol = fold & 0xFF;
    if (symbol < 1 || symbol > 26 || (fold >> 8) < 128 || (i > 0 && (m.folds[i - 1] >> 8) >= (fold >> 8)))
      return invalid(path + "/folds/" + std::to_string(i), "bad or out-of-order fold");
    m.folds[i] = fold;
  }
  return m;
}

}  // namespace

Expected<std::shared_ptr<const DataPack>> DataPack::parse(std::string bytes) {
  auto pack = std::make_shared<DataPack>();
  pack->owned_ = std::move(bytes);
  if (auto error = pack->read(pack->owned_, true)) return *error;
  return std::shared_ptr<const DataPack>(std::move(pack));
}

std::optional<Error> DataPack::read(std::string_view bytes, bool verify) {
  if (!little_endian()) return Error{"data_unsupported", "", "data packs are read on little-endian machines only"};
  if (bytes.size() < sizeof kMagic + 4 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    return invalid("", "it does not start with the data pack signature");
  const std::size_t header_size = read_u32(bytes.data() + sizeof kMagic);
  const std::size_t header_at = sizeof kMagic + 4;
  if (header_size > kMaxHeader || header_size > bytes.size() - header_at) return invalid("/header", "bad header length");
  auto header = parse_json(std::string_view(bytes).substr(header_at, header_size), "the data pack header", 8);
  if (!header) return invalid("/header", header.error().message);
  const Json& h = header.value();
  if (!h.is_object()) return invalid("/header", "the header is not a JSON object");
  const auto format = h.find("format");
  if (format == h.end() || *format != 3)
    return invalid("/header/format", "unknown format (this library reads format 3; format 2 packs lay their tables "
                                      "out another way, format 1 packs lack the phone, name and role tables)");
  for (const char* key : {"tier", "version", "payload_sha256"}) {
    const auto it = h.find(key);
    if (it == h.end() || !it->is_string() || it->get_ref<const std::string&>().empty())
      return invalid(std::string("/header/") + key, "missing");
  }
  info_.tier = h["tier"].get<std::string>();
  info_.version = h["version"].get<std::string>();
  if (info_.tier != "lite" && info_.tier != "full") return invalid("/header/tier", "must be \"lite\" or \"full\"");
  const std::size_t payload = (header_at + header_size + 3) / 4 * 4;
  if (payload > bytes.size()) return invalid("/header", "no payload");
  auto payload_bytes = count_of(h, "payload_bytes", "/header", bytes.size());
  if (!payload_bytes) return payload_bytes.error();
  if (payload_bytes.value() != bytes.size() - payload) return invalid("/header/payload_bytes", "the file is truncated or too long");
  if (verify && sha256_hex(bytes.substr(payload)) != h["payload_sha256"].get<std::string>())
    return invalid("/header/payload_sha256", "the payload does not match its checksum (a damaged file)");
  const auto sections = h.find("sections");
  if (sections == h.end() || !sections->is_object()) return invalid("/header/sections", "missing");

  auto free = read_front_coded(bytes, payload, *sections, "free_domains", verify, true);
  if (!free) return free.error();
  auto disposable = read_front_coded(bytes, payload, *sections, "disposable_domains", verify, true);
  if (!disposable) return disposable.error();
  auto suffixes = read_front_coded(bytes, payload, *sections, "public_suffixes", verify);
  if (!suffixes) return suffixes.error();
  auto roles = read_front_coded(bytes, payload, *sections, "role_local_parts", verify);
  if (!roles) return roles.error();
  // The phone and name tables are small and copied into structs: always checked.
  auto phones = read_phone_plans(bytes, payload, *sections);
  if (!phones) return phones.error();
  auto names = read_name_model(bytes, payload, *sections);
  if (!names) return names.error();
  free_ = free.value();
  disposable_ = disposable.value();
  suffixes_.rules = suffixes.value();
  roles_ = roles.value();
  phone_plans_ = std::move(phones.value());
  name_model_ = std::move(names.value());
  return std::nullopt;
}

std::shared_ptr<const DataPack> DataPack::empty() {
  static const std::shared_ptr<const DataPack> none = [] {
    auto pack = std::make_shared<DataPack>();
    pack->info_ = DataInfo{"none", ""};
    return std::shared_ptr<const DataPack>(std::move(pack));
  }();
  return none;
}

Expected<std::shared_ptr<const DataPack>> load_data(std::string_view bytes) { return DataPack::parse(std::string(bytes)); }

std::shared_ptr<const DataPack> built_in_data() {
  // Parsed once, on first use; a build without a built-in pack gets the empty one. The bytes
  // come from this build's generator: failing to read them is a build defect, not an input error.
  // The bytes are this build's own (static storage, not copied) and not checked again: the
  // tests check them once (data_pack_test.cpp).
  static const std::shared_ptr<const DataPack> pack = [] {
    const std::string_view bytes = data::built_in_pack_bytes();
    if (bytes.empty()) return DataPack::empty();
    auto built = std::make_shared<DataPack>();
    if (built->read(bytes, false)) return DataPack::empty();
    return std::shared_ptr<const DataPack>(std::move(built));
  }();
  return pack;
}

const DataInfo& data_info(const DataPack& pack) { return pack.info(); }

}  // namespace leadscore
