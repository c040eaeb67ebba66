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

// Checks a front-coded table: block offsets increasing and in bounds, every entry inside its
// block, entries strictly increasing in byte order across the whole table.
std::optional<Error> check_front_coded(const checks::FrontCodedTable& t, const std::string& path) {
  std::string previous, entry;
  std::size_t entries = 0;
  for (std::size_t b = 0; b < t.block_count; ++b) {
    const std::size_t start = t.block_offsets[b];
    const std::size_t end = b + 1 < t.block_count ? t.block_offsets[b + 1] : t.data_size;
    if (start >= end || end > t.data_size || (b == 0 && start != 0))
      return invalid(path, "block " + std::to_string(b) + " has a bad offset");
    const unsigned char* p = t.data + start;
    const unsigned char* stop = t.data + end;
    bool head = true;
    while (p < stop) {
      if (head) {
        const std::size_t len = p[0];
        if (len > static_cast<std::size_t>(stop - p - 1)) return invalid(path, "block " + std::to_string(b) + " overruns");
        entry.assign(reinterpret_cast<const char*>(p + 1), len);
        p += 1 + len;
        head = false;
      } else {
        if (stop - p < 2) return invalid(path, "block " + std::to_string(b) + " overruns");
        const std::size_t shared = p[0], suffix = p[1];
        if (shared > entry.size() || suffix > static_cast<std::size_t>(stop - p - 2) || shared + suffix > 255)
          return invalid(path, "block " + std::to_string(b) + " has a bad entry");
        entry.resize(shared);
        entry.append(reinterpret_cast<const char*>(p + 2), suffix);
        p += 2 + suffix;
      }
      if (entry.empty() || (entries > 0 && !(previous < entry)))
        return invalid(path, "entry " + std::to_string(entries) + " is empty or out of order");
      previous = entry;
      ++entries;
    }
  }
  if (entries != t.entry_count) return invalid(path, "the entry count does not match the blocks");
  return std::nullopt;
}

Expected<checks::FrontCodedTable> read_front_coded(std::string_view bytes, std::size_t payload, const Json& sections,
                                                   const char* name, bool verify) {
  const std::string path = std::string("/sections/") + name;
  const auto it = sections.find(name);
  if (it == sections.end() || !it->is_object()) return invalid(path, "the section is missing");
  const Json& s = *it;
  const std::size_t max = bytes.size();
  auto offset = count_of(s, "offset", path, max);
  auto entries = count_of(s, "entries", path, max);
  auto blocks = count_of(s, "blocks", path, max / 4);
  auto data_bytes = count_of(s, "data_bytes", path, max);
  for (const auto* e : {&offset, &entries, &blocks, &data_bytes})
    if (!*e) return e->error();
  const std::size_t expected_blocks =
      (entries.value() + checks::FrontCodedTable::kBlockSize - 1) / checks::FrontCodedTable::kBlockSize;
  if (blocks.value() != expected_blocks) return invalid(path + "/blocks", "does not match the entry count");
  auto at = section_at(bytes, payload, offset.value(), 4 * blocks.value() + data_bytes.value(), path);
  if (!at) return at.error();
  checks::FrontCodedTable t;
  t.block_offsets = reinterpret_cast<const std::uint32_t*>(at.value());
  t.block_count = blocks.value();
  t.data = reinterpret_cast<const unsigned char*>(at.value() + 4 * blocks.value());
  t.data_size = data_bytes.value();
  t.entry_count = entries.value();
  if (verify) {
    if (auto e = check_front_coded(t, path)) return *e;
  }
  return t;
}

Expected<checks::SuffixTable> read_suffixes(std::string_view bytes, std::size_t payload, const Json& sections, bool verify) {
  const std::string path = "/sections/public_suffixes";
  const auto it = sections.find("public_suffixes");
  if (it == sections.end() || !it->is_object()) return invalid(path, "the section is missing");
  const Json& s = *it;
  const std::size_t max = bytes.size();
  auto offset = count_of(s, "offset", path, max);
  auto rules = count_of(s, "rules", path, max);
  auto block = count_of(s, "block", path, 4096);
  auto blob_bytes = count_of(s, "blob_bytes", path, max);
  for (const auto* e : {&offset, &rules, &block, &blob_bytes})
    if (!*e) return e->error();
  if (block.value() == 0) return invalid(path + "/block", "must be at least 1");
  const std::size_t blocks = (rules.value() + block.value() - 1) / block.value();
  auto at = section_at(bytes, payload, offset.value(), 4 * blocks + rules.value() + blob_bytes.value(), path);
  if (!at) return at.error();
  checks::SuffixTable t;
  t.block_offsets = reinterpret_cast<const std::uint32_t*>(at.value());
  t.lengths = reinterpret_cast<const unsigned char*>(at.value() + 4 * blocks);
  t.blob = at.value() + 4 * blocks + rules.value();
  t.blob_size = blob_bytes.value();
  t.count = rules.value();
  t.block = block.value();
  // Rules back to back fill the blob exactly, each block offset is where its first rule starts,
  // and the rules are non-empty and strictly increasing.
  std::size_t offset_in_blob = 0;
  std::string_view previous;
  if (!verify) return t;
  for (std::size_t i = 0; i < t.count; ++i) {
    if (i % t.block == 0 && t.block_offsets[i / t.block] != offset_in_blob)
      return invalid(path, "block offset " + std::to_string(i / t.block) + " is wrong");
    const std::size_t len = t.lengths[i];
    if (len == 0 || len > t.blob_size - offset_in_blob) return invalid(path, "rule " + std::to_string(i) + " overruns");
    const std::string_view rule(t.blob + offset_in_blob, len);
    if (i > 0 && !(previous < rule)) return invalid(path, "rule " + std::to_string(i) + " is out of order");
    previous = rule;
    offset_in_blob += len;
  }
  if (offset_in_blob != t.blob_size) return invalid(path, "the blob has bytes after the last rule");
  return t;
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
  if (format == h.end() || *format != 1) return invalid("/header/format", "unknown format (this library reads format 1)");
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

  auto free = read_front_coded(bytes, payload, *sections, "free_domains", verify);
  if (!free) return free.error();
  auto disposable = read_front_coded(bytes, payload, *sections, "disposable_domains", verify);
  if (!disposable) return disposable.error();
  auto suffixes = read_suffixes(bytes, payload, *sections, verify);
  if (!suffixes) return suffixes.error();
  free_ = free.value();
  disposable_ = disposable.value();
  suffixes_ = suffixes.value();
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
