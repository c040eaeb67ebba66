// A compiled model in the wasm module, wrapped as a plain-object-in, plain-object-out scorer.
import { LeadscoreError, toJsonText, unwrap } from './errors.mjs';
import { packFor } from './data-packs.mjs';
import { fieldValueForWasm, withTextInModule } from './text-bytes.mjs';

// Safety net for scorers that are never disposed: the native handle is freed when the JS object
// is garbage-collected. dispose() remains the deterministic way.
const registry = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry((handle) => handle.delete())
  : null;

function nowText(options) {
  const now = options?.now;
  if (now === undefined || now === null) return new Date().toISOString();
  if (now instanceof Date) {
    if (Number.isNaN(now.getTime())) throw new LeadscoreError('now_invalid', '"now" is an invalid Date', '/now');
    return now.toISOString();
  }
  if (typeof now !== 'string') throw new LeadscoreError('now_invalid', '"now" must be an ISO-8601 string or a Date', '/now');
  return now;
}

// The message language of form-check findings: "en" (default) or "fr" ("fr-CA" etc. also work).
function langText(options) {
  const lang = options?.lang;
  if (lang === undefined || lang === null) return 'en';
  if (typeof lang !== 'string') throw new LeadscoreError('language_invalid', 'the message language must be "en" or "fr"', '/lang');
  return lang;
}

// The events option as JSON text for the wasm side: "" when absent. A string is JSON text already.
function eventsText(options, what) {
  const events = options?.events;
  if (events === undefined || events === null) return '';
  if (typeof events !== 'string' && !Array.isArray(events))
    throw new LeadscoreError('events_not_array', `${what} must be an array`, '/events');
  return toJsonText(events, what);
}

// The feedback and previous-result options as JSON text for the wasm side: "" when neither is given.
function extrasText(options) {
  const feedback = options?.feedback;
  const previous = options?.previous;
  if ((feedback === undefined || feedback === null) && (previous === undefined || previous === null)) return '';
  const extras = {};
  if (feedback !== undefined && feedback !== null) extras.feedback = feedback;
  if (previous !== undefined && previous !== null) extras.previous = previous;
  return toJsonText(extras, 'the feedback and previous options');
}

// The detail option: "explain" (default, the whole result) or "summary"; the core checks the text.
function detailText(options) {
  const detail = options?.detail;
  if (detail === undefined || detail === null) return 'explain';
  if (typeof detail !== 'string') throw new LeadscoreError('detail_invalid', 'the detail level must be "explain" or "summary"', '/detail');
  return detail;
}

export class Scorer {
  #handle;
  #info;
  #module;

  /** @internal Use createScorer(). */
  constructor(handle, info, module) {
    this.#handle = handle;
    this.#info = Object.freeze(info);
    this.#module = module;
    registry?.register(this, handle, this);
  }

  /** The model's id, version and fingerprint. */
  get model() {
    return this.#info;
  }

  /**
   * The model as the engine runs it, every default applied and durations in milliseconds: fields,
   * bands, the form checks' settings (even without a "checks" section), engagement decays and the
   * routing matrix (docs/model-format.md, "Describing a model"). Read this rather than the model
   * file when a page needs a setting, so it never re-derives a default. Not in leadscore/form
   * (7 KB of code a signup page does not need): import it from "leadscore".
   */
  describe() {
    return JSON.parse(this.#live('describe').describe());
  }

  /**
   * The routing matrix row by row for `result` (an explain result of this model, object or JSON
   * text): {rule, rows: [{rule, action, holds, state: "matched" | "no_match" | "not_reached"}]},
   * the default row last. What a "why this route" view shows, decided by the engine's own router.
   */
  describeRoute(result) {
    const handle = this.#live('describeRoute');
    return JSON.parse(unwrap(handle.describeRoute(toJsonText(result, 'the result'))));
  }

  /** The data pack the form checks use: {tier: "full" | "lite", version}. */
  get data() {
    return JSON.parse(this.#live().dataInfo());
  }

  /**
   * Makes this scorer's form checks use another data pack: `bytes` is the content of a pack file
   * (e.g. leadscore/data/full.bin, fetched by the page). Returns the pack's {tier, version}.
   * Many scorers loading the same bytes object share one copy.
   */
  loadData(bytes) {
    const handle = this.#live();
    const pack = packFor(this.#module, bytes);
    return JSON.parse(unwrap(handle.useData(pack.handle.address)));
  }

  /** Scores one lead and its events ({now, events}); returns the result object. */
  score(lead, options) {
    return JSON.parse(this.scoreJson(lead, options));
  }

  /** Scores one lead; returns the result as JSON text, byte-identical to the native engine's. */
  scoreJson(lead, options) {
    const handle = this.#live();
    return unwrap(handle.score(toJsonText(lead, 'the lead'), eventsText(options, 'the events'), nowText(options),
      langText(options), extrasText(options), detailText(options)));
  }

  /**
   * Scores one lead (same options as score()) and returns a submission for a server to verify:
   * {format, model: {id, version, fingerprint}, inputs: {lead, now, lang, events?, feedback?,
   * previous?}, result}. `now` is fixed in the submission, so the server recomputes the same instant.
   */
  submission(lead, options) {
    const handle = this.#live();
    return JSON.parse(unwrap(handle.submission(toJsonText(lead, 'the lead'), eventsText(options, 'the events'),
      nowText(options), langText(options), extrasText(options))));
  }

  /**
   * Recomputes a submission with this scorer's model: {status: "match"} |
   * {status: "mismatch", field, expected, received} | {status: "model_mismatch", expected, received}.
   */
  verify(submission) {
    const handle = this.#live();
    return JSON.parse(unwrap(handle.verify(toJsonText(submission, 'the submission'))));
  }

  /**
   * Scores a company from its contacts: `account` is {id, fields?, contacts: [{lead, events?,
   * feedback?}]} (the model needs an "account" section); options {now, lang}.
   */
  scoreAccount(account, options) {
    const handle = this.#live('scoreAccount');
    return JSON.parse(unwrap(handle.scoreAccount(toJsonText(account, 'the account'), nowText(options), langText(options))));
  }

  /**
   * Evaluates this model on historical leads: `csv` is the CSV text (a CRM export with an outcome
   * column), `options` {outcome, positive?, negative?, date_column?, period?, capacity?: {count,
   * per} | "200/week", now?, delimiter?}. Returns the evaluation (docs/evaluation.md).
   */
  evaluate(csv, options) {
    if (typeof csv !== 'string') throw new LeadscoreError('history_not_string', 'the history must be CSV text (a string)', '/history');
    const handle = this.#live('evaluate');
    return JSON.parse(unwrap(handle.evaluate(csv, toJsonText(options ?? {}, 'the evaluation options'))));
  }

  /**
   * Scores many leads in one call: one entry per lead, a failing lead as {error:{code,path,message}}.
   * `options.events`, when given, has one entry per lead: that lead's events array, or null.
   */
  scoreMany(leads, options) {
    if (!Array.isArray(leads)) throw new LeadscoreError('leads_not_array', 'scoreMany takes an array of leads');
    const handle = this.#live('scoreMany');
    const events = eventsText(options, 'the events of scoreMany');
    const [now, lang, detail] = [nowText(options), langText(options), detailText(options)];
    const module = this.#module;
    return JSON.parse(unwrap(withTextInModule(module, toJsonText(leads, 'the leads'), (leadsAt, leadsSize) =>
      withTextInModule(module, events, (eventsAt, eventsSize) =>
        handle.scoreMany(leadsAt, leadsSize, eventsAt, eventsSize, now, lang, detail)))));
  }

  /**
   * Checks one form field as the visitor types: returns its findings
   * ([{field, code, severity, message, suggestion?, span?}]). `options.lead` is the rest of the form
   * (the company check reads the email, the phone check the country); `options.lang` "en" | "fr".
   * Cheap enough for every keystroke: the model is not re-parsed.
   */
  checkField(field, value, options) {
    if (typeof field !== 'string') throw new LeadscoreError('field_not_string', 'the field name must be a string', '/field');
    if (typeof value !== 'string') throw new LeadscoreError('value_not_string', 'the field value must be a string', '/value');
    const handle = this.#live();
    const lead = options?.lead === undefined || options?.lead === null ? '' : toJsonText(options.lead, 'the lead');
    return JSON.parse(unwrap(handle.checkField(field, fieldValueForWasm(value), lead, langText(options))));
  }

  /**
   * Checks a whole form: {findings, quality: {score, verdict, reasons}}. `options.now` is when the
   * form was submitted (needed when the lead carries the form's render time); `options.lang`.
   */
  checkLead(lead, options) {
    const handle = this.#live();
    return JSON.parse(unwrap(handle.checkLead(toJsonText(lead, 'the lead'), nowText(options), langText(options))));
  }

  /** Frees the compiled model. The scorer cannot be used afterwards. Safe to call twice. */
  dispose() {
    if (!this.#handle) return;
    registry?.unregister(this);
    this.#handle.delete();
    this.#handle = null;
  }

  // The handle, for a call of `method` when only the full module has it (leadscore/form leaves
  // accounts, evaluation, batches and describe() out).
  #live(method) {
    if (!this.#handle) throw new LeadscoreError('scorer_disposed', 'this scorer was disposed');
    if (method !== undefined && typeof this.#handle[method] !== 'function')
      throw new LeadscoreError('not_in_form_module', `${method}() is not in leadscore/form: import it from "leadscore"`);
    return this.#handle;
  }
}
