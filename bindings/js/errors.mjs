// The one error type of the JS API. `code` is stable (see docs/model-format.md, "Error codes"),
// `path` is a JSON pointer into the model or lead ("" when not about a place).

// The ESM entries and the CommonJS entry (dist/api.cjs, built from this file) each carry a copy of
// this class; a brand from the runtime's symbol registry (not a global variable) lets `instanceof`
// recognise an error of either copy, so `require` and `import` users catch the same errors.
const BRAND = Symbol.for('leadscore.LeadscoreError');

export class LeadscoreError extends Error {
  constructor(code, message, path = '') {
    super(message);
    this.name = 'LeadscoreError';
    this.code = code;
    this.path = path;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static [Symbol.hasInstance](value) {
    return value !== null && typeof value === 'object' && value[BRAND] === true;
  }
}

/** Turns an Outcome from the wasm module into its parsed value, or throws LeadscoreError. */
export function unwrap(outcome) {
  if (!outcome.ok) throw new LeadscoreError(outcome.code, outcome.message, outcome.path);
  return outcomeText(outcome);
}

// A successful call's text arrives as a view of its UTF-8 bytes in the module's memory, valid
// until the next call into the module (wasm/outcome.h): decoded here at once.
// The BOM is kept: the text is returned exactly as the core wrote it.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of a successful outcome. */
export function outcomeText(outcome) {
  return utf8.decode(outcome.json);
}

/** JSON text of a value given by the caller; `what` names it in the error. */
export function toJsonText(value, what) {
  if (typeof value === 'string') return value;
  let text;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    throw new LeadscoreError('not_serializable', `${what} cannot be turned into JSON (${cause.name})`);
  }
  return text === undefined ? 'null' : text;
}
