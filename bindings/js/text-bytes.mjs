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

// Large texts (a scoreMany batch) are written as UTF-8 straight into the module's memory with the
// platform's TextEncoder.encodeInto(), and the core reads them there: embind would copy a string
// through the glue's character-by-character JavaScript loops, and a Uint8Array one byte at a time.
// Ill-formed text keeps the field values' rule above (its generalized UTF-8 bytes).
const encoder = new TextEncoder();

/**
 * Calls `use(at, size)` with `text` as UTF-8 bytes at `at` in the module's memory (size 0 and
 * at 0 for ""), and frees them afterwards. `module` is the Emscripten module (_malloc, _free,
 * HEAPU8).
 */
export function withTextInModule(module, text, use) {
  if (text === '') return use(0, 0);
  const bytes = wellFormed(text) ? null : wtf8Bytes(text);
  const capacity = bytes ? bytes.length : text.length * 3; // UTF-8 needs at most 3 bytes a UTF-16 unit
  const at = module._malloc(capacity);
  if (!at) throw new RangeError('leadscore: out of WebAssembly memory for a batch');
  try {
    let size = capacity;
    // HEAPU8 is read after _malloc: growing the memory replaces it.
    if (bytes) module.HEAPU8.set(bytes, at);
    else size = encoder.encodeInto(text, module.HEAPU8.subarray(at, at + capacity)).written;
    return use(at, size);
  } finally {
    module._free(at);
  }
}
