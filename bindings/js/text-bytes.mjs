// How a field value crosses into the wasm core. Emscripten's string conversion pairs a lone
// surrogate with whatever code unit follows it, silently turning ill-formed text into a different
// valid character. So a string that is not well-formed UTF-16 is passed as bytes instead, with
// each lone surrogate as its 3-byte generalized UTF-8 form (ED A0 80 for U+D800): the core then
// reports it as "invalid_utf8" at the right place, and nothing is mangled.
const hasIsWellFormed = typeof String.prototype.isWellFormed === 'function';
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function wellFormed(text) {
  return hasIsWellFormed ? text.isWellFormed() : !loneSurrogate.test(text);
}

function wtf8Bytes(text) {
  const bytes = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(bytes);
}

/** The value as embind should receive it: the string itself, or its bytes when ill-formed. */
export function fieldValueForWasm(text) {
  return wellFormed(text) ? text : wtf8Bytes(text);
}

// Large texts (a scoreMany batch) cross as UTF-8 bytes encoded by the platform's TextEncoder:
// embind copies a Uint8Array into the module in one move, where a string goes through the glue's
// character-by-character JavaScript loops (measuring its UTF-8 length, then writing it). The bytes
// are the same for well-formed text; ill-formed text keeps the field values' rule above.
const encoder = typeof TextEncoder === 'function' ? new TextEncoder() : null;

/** A large text as embind should receive it: its UTF-8 bytes (or the string without TextEncoder). */
export function bulkTextForWasm(text) {
  if (!wellFormed(text)) return wtf8Bytes(text);
  return encoder ? encoder.encode(text) : text;
}
