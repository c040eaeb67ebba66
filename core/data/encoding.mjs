// Byte encodings shared by the table and pack generators: front-coded sorted sets (the layout of
// FrontCodedTable, core/src/checks/domain_lists.h) and C++ string literals for compiled-in bytes.
import { byteCompare } from './lists.mjs';

const BLOCK = 16; // FrontCodedTable::kBlockSize

/** `keys` sorted byte-wise and front-coded: {bytes, offsets (one per block), count}. */
export function frontCode(keys) {
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
