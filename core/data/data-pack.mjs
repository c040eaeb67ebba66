// Writes a data pack: the reference lists of one tier in the binary layout that
// core/src/data/data_pack.cpp reads (docs/data-packs.md):
//   8 bytes   magic 89 4C 53 44 41 54 41 0A ("\x89LSDATA\n")
//   u32 LE    header length H
//   H bytes   header, JSON: {format, tier, version, sources, payload_bytes, payload_sha256, sections}
//   padding   zero bytes up to a multiple of 4
//   payload   the sections, each at a 4-byte aligned offset from the payload's start:
//     free_domains (labels reversed: "com.gmail"), disposable_domains (as written): front-coded
//       in blocks of `block` entries, u32 LE block_offsets[blocks], u8 shared[entries], then
//       suffix_bytes of suffixes, each ended by a newline (FrontCodedTable in
//       checks/domain_lists.h; the section's "labels" says which order)
//     public_suffixes (front-coded, labels reversed: "uk.co", "ck.*", "!ck.www"; SuffixTable in
//       checks/public_suffix.h),
//     role_local_parts (front-coded, as they are), phone_plans (phone-plans.mjs),
//     name_model (name-model.mjs): the same in every tier
// Format 2 added the last three sections (format 1 packs had only the domain lists, the rest
// was compiled into the core, which made building the core need Node). Format 3 front-codes the
// public suffixes too (format 2 stored them back to back), the domain lists in blocks of 32
// instead of 16, with the shared lengths and the suffixes in columns: the full pack 844 -> 668 KB
// gzip.
// `version` is the first 16 hex digits of the payload's SHA-256: the same lists give the same
// version, whoever builds the pack.
import { createHash } from 'node:crypto';

import { frontCode } from './encoding.mjs';
import { readLists, readRoleLocalParts, reverseLabels } from './lists.mjs';
import { nameModelSection } from './name-model.mjs';
import { phonePlansSection } from './phone-plans.mjs';

const MAGIC = Buffer.from([0x89, 0x4c, 0x53, 0x44, 0x41, 0x54, 0x41, 0x0a]);

function u32s(values) {
  const b = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => b.writeUInt32LE(v, 4 * i));
  return b;
}

/** A suffix rule with its labels reversed, an exception's "!" kept in front: "!www.ck" -> "!ck.www". */
const reverseRule = (rule) => (rule.startsWith('!') ? `!${reverseLabels(rule.slice(1))}` : reverseLabels(rule));

function frontCoded(keys, block, meta = {}) {
  const t = frontCode(keys, block);
  return {
    meta: { ...meta, block, entries: t.count, blocks: t.offsets.length, suffix_bytes: t.suffixes.length },
    bytes: Buffer.concat([u32s(t.offsets), t.shared, t.suffixes]),
  };
}

/** The pack of `tier` built from the packages in `nodeModules`, as bytes; `log` gets notes. */
export async function buildDataPack(nodeModules, tier, log = () => {}) {
  const lists = await readLists(nodeModules, tier, log);
  const roles = readRoleLocalParts(nodeModules);
  const phones = phonePlansSection(nodeModules);
  const names = await nameModelSection(nodeModules);
  const sources = { ...lists.sources, ...roles.sources, ...phones.sources, ...names.sources };
  const parts = [
    // Each domain list in the order that gzips smaller: the free domains with their labels
    // reversed ("com.gmail": the domains of one TLD together), the disposable ones as written
    // (generated names under many TLDs together: 7 % smaller after gzip in full, 17 % larger raw).
    // Blocks of 32 for the domain lists, where they save most (the full pack takes 694 KB gzip
    // with blocks of 16 everywhere, 668 KB so), of 16 for the suffix rules, which a host looks up
    // three times per label: the walk of a block is a lookup's cost (blocks of 32 everywhere:
    // 1.8 % more instructions per explain lead of the default model than this).
    ['free_domains', frontCoded([...lists.free].map(reverseLabels), 32, { labels: 'reversed' })],
    ['disposable_domains', frontCoded([...lists.disposable], 32, { labels: 'as_written' })],
    ['public_suffixes', frontCoded(lists.suffixes.map(reverseRule), 16)],
    ['role_local_parts', frontCoded(roles.parts, 16)],
    ['phone_plans', phones],
    ['name_model', names],
  ];
  const sections = {};
  const chunks = [];
  let offset = 0;
  for (const [name, part] of parts) {
    sections[name] = { offset, ...part.meta };
    const padded = Buffer.concat([part.bytes, Buffer.alloc((4 - (part.bytes.length % 4)) % 4)]);
    chunks.push(padded);
    offset += padded.length;
    log(`${tier} ${name}: ${JSON.stringify(part.meta)}`);
  }
  const payload = Buffer.concat(chunks);
  const sha = createHash('sha256').update(payload).digest('hex');
  const header = Buffer.from(JSON.stringify({
    format: 3, tier, version: sha.slice(0, 16), sources, payload_bytes: payload.length,
    payload_sha256: sha, sections,
  }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const headPadding = Buffer.alloc((4 - ((MAGIC.length + 4 + header.length) % 4)) % 4);
  return Buffer.concat([MAGIC, length, header, headPadding, payload]);
}
