// The numbering plans of checks/phone.cpp, as the `phone_plans` section of a data pack, from
// libphonenumber-js metadata (MIT; the data comes from Google's libphonenumber, Apache-2.0).
// Per country (ISO 3166-1 alpha-2, "001" for non-geographic codes such as +800): its calling code,
// the possible lengths of a national significant number of ANY type (general description, plus
// every type's own list, which in Google's data is a subset), as a bit mask (bit n = n digits),
// the national (trunk) prefix ("0" in FR, "1" in US, "8" in RU, "06" in HU), and whether a
// national significant number may itself start with the prefix's first digit (from [2], below).
// metadata.min.json "version 4" layout, per country array: [0] calling code, [1] IDD prefix,
// [2] national number pattern, [3] possible lengths, [4] formats, [5] national prefix, ...,
// [11] types (fixed line, mobile, toll free, premium, personal, voicemail, UAN, pager, VoIP,
// shared cost), each [pattern, possible lengths?]. Lengths are integers here; Google's XML writes
// ranges ("[7-9],11"), which libphonenumber-js expands, but a range string is accepted too.
//
// Section layout: one 16-byte record a plan, sorted by country then calling code:
//   char country[4] (NUL-padded), char national_prefix[4] (NUL-padded), u32 LE lengths mask,
//   u16 LE calling code, u8 prefix_may_lead (0 or 1), u8 0
import fs from 'node:fs';
import path from 'node:path';

export const PHONE_RECORD_BYTES = 16;

function lengths(list, where) {
  const out = [];
  for (const item of list || []) {
    if (typeof item === 'number') out.push(item);
    else if (typeof item === 'string') {
      for (const part of item.split(',')) {
        const r = /^\[(\d+)-(\d+)\]$/.exec(part.trim());
        if (r) for (let n = +r[1]; n <= +r[2]; n++) out.push(n);
        else if (/^\d+$/.test(part.trim())) out.push(+part.trim());
        else throw new Error(`${where}: possible length ${item}`);
      }
    } else throw new Error(`${where}: possible length ${JSON.stringify(item)}`);
  }
  for (const n of out) if (n < 1 || n > 31) throw new Error(`${where}: length ${n} out of range`);
  return out;
}

// The digits a national significant number can start with, read from the national number
// pattern (a regular expression of digits, classes, groups, alternatives and quantifiers). Used to
// know whether a leading national prefix digit is surely a trunk prefix (FR: no NSN starts with 0)
// or may belong to the number itself (RU: 8 is the prefix, and 800 numbers start with 8).
function firstDigits(p) {
  let i = 0;
  const all = () => new Set('0123456789');
  function alternatives() {
    const s = new Set();
    for (;;) {
      for (const d of sequence()) s.add(d);
      if (p[i] !== '|') return s;
      i++;
    }
  }
  function atom() {
    const c = p[i];
    if (c === '(') {
      i += p.startsWith('?:', i + 1) ? 3 : 1;
      const s = alternatives();
      if (p[i] !== ')') throw new Error(`pattern ${p}: unbalanced group`);
      i++;
      return s;
    }
    if (c === '[') {
      const j = p.indexOf(']', i);
      const body = p.slice(i + 1, j);
      i = j + 1;
      const s = new Set();
      for (let k = 0; k < body.length; k++) {
        if (body[k] === '\\' && body[k + 1] === 'd') return all();
        if (body[k + 1] === '-') {
          for (let d = +body[k]; d <= +body[k + 2]; d++) s.add(String(d));
          k += 2;
        } else if (/\d/.test(body[k])) s.add(body[k]);
        else throw new Error(`pattern ${p}: class ${body}`);
      }
      return s;
    }
    if (c === '\\' && p[i + 1] === 'd') {
      i += 2;
      return all();
    }
    if (/\d/.test(c)) {
      i++;
      return new Set([c]);
    }
    throw new Error(`pattern ${p}: unexpected ${c} at ${i}`);
  }
  function optional() {
    if (p[i] === '?' || p[i] === '*') return ++i, true;
    if (p[i] === '+') return ++i, false;
    if (p[i] === '{') {
      const j = p.indexOf('}', i);
      const q = p.slice(i + 1, j);
      i = j + 1;
      return /^0/.test(q);
    }
    return false;
  }
  function sequence() {
    const s = new Set();
    let leading = true;
    while (i < p.length && p[i] !== '|' && p[i] !== ')') {
      const a = atom();
      const opt = optional();
      if (leading) {
        for (const d of a) s.add(d);
        if (!opt) leading = false;
      }
    }
    return leading ? all() : s;
  }
  const result = alternatives();
  if (i !== p.length) throw new Error(`pattern ${p}: trailing text`);
  return result;
}

/** The `phone_plans` section built from libphonenumber-js in `nodeModules`: {meta, bytes, sources}. */
export function phonePlansSection(nodeModules) {
  const dir = path.join(nodeModules, 'libphonenumber-js');
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'metadata.min.json'), 'utf8'));
  if (meta.version !== 4) throw new Error(`libphonenumber-js metadata version ${meta.version}: layout not known`);
  const rows = [];
  function add(iso, m) {
    const code = Number(m[0]);
    if (!Number.isInteger(code) || code < 1 || code > 999) throw new Error(`${iso}: calling code ${m[0]}`);
    const all = new Set(lengths(m[3], iso));
    for (const t of m[11] || []) if (Array.isArray(t)) for (const n of lengths(t[1], iso)) all.add(n);
    if (all.size === 0) throw new Error(`${iso}: no possible lengths`);
    let mask = 0;
    for (const n of all) mask |= 2 ** n;
    const prefix = typeof m[5] === 'string' ? m[5] : '';
    if (!/^\d{0,3}$/.test(prefix)) throw new Error(`${iso}: national prefix ${prefix}`);
    const mayLead = prefix !== '' && firstDigits(m[2]).has(prefix[0]);
    rows.push({ iso, code, mask: mask >>> 0, prefix, mayLead });
  }
  for (const [iso, m] of Object.entries(meta.countries)) add(iso, m);
  for (const [, m] of Object.entries(meta.nonGeographic || {})) add('001', m);
  rows.sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : a.code - b.code));

  const bytes = Buffer.alloc(PHONE_RECORD_BYTES * rows.length);
  rows.forEach((r, i) => {
    const at = PHONE_RECORD_BYTES * i;
    bytes.write(r.iso, at, 'latin1');
    bytes.write(r.prefix, at + 4, 'latin1');
    bytes.writeUInt32LE(r.mask, at + 8);
    bytes.writeUInt16LE(r.code, at + 12);
    bytes.writeUInt8(r.mayLead ? 1 : 0, at + 14);
  });
  return {
    meta: { plans: rows.length, record_bytes: PHONE_RECORD_BYTES },
    bytes,
    sources: { 'libphonenumber-js': pkg.version },
  };
}
