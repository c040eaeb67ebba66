// Byte encodings shared by the table and pack generators: front-coded sorted sets (the layout of
// FrontCodedTable, core/src/checks/domain_lists.h) and C++ string literals for compiled-in bytes.
import { byteCompare } from './lists.mjs';

/**
 * `keys` sorted byte-wise and front-coded in blocks of `block` entries (the layout of
 * FrontCodedTable): {shared, suffixes, offsets (one per block, into `suffixes`), count}.
 * `shared` has a byte per entry: how many leading bytes it keeps of the entry before, exactly
 * those they share (0 for the first entry of a block); `suffixes` has the rest of each entry
 * followed by a newline. Three columns instead of (shared, length, bytes) records:
 * gzip finds the repeated name parts of neighbouring entries in one stream of text, and the full
 * pack's disposable domains shrink from 715 KB to 569 KB in blocks of 32 (docs/data-packs.md).
 */
export function frontCode(keys, block) {
  if (!(block >= 1 && block <= 255)) throw new Error(`block size ${block} out of 1..255`);
  const sorted = [...keys].sort(byteCompare).map((k) => Buffer.from(k, 'utf8'));
  const shared = [];
  const suffixes = [];
  const offsets = [];
  let at = 0;
  let prev = null;
  sorted.forEach((key, i) => {
    if (key.length === 0 || key.length > 255) throw new Error(`entry empty or too long: ${key}`);
    if (key.includes(0x0a)) throw new Error(`entry with a newline: ${JSON.stringify(String(key))}`);
    let keep = 0;
    if (i % block === 0) {
      offsets.push(at);
    } else {
      const max = Math.min(prev.length, key.length);
      while (keep < max && prev[keep] === key[keep]) keep++;
    }
    shared.push(keep);
    suffixes.push(key.subarray(keep), Buffer.from([0x0a]));
    at += key.length - keep + 1;
    prev = key;
  });
  return { shared: Buffer.from(shared), suffixes: Buffer.concat(suffixes), offsets, count: sorted.length };
}

/**
 * A C++ string literal of `buf`, 96 source bytes a line; octal escapes are at most 3 digits, so a
 * digit after one is written as an escape too.
 */
export function cppString(buf) {
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
      piece = `\\${b.toString(8)}`;
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
