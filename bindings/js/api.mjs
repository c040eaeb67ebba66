// The public JS API, independent of how the wasm module is loaded: each entry point (node.mjs,
// browser.mjs, index.cjs and their leadscore/form twins) binds it to a loader of its module.
import { LeadscoreError, toJsonText, unwrap } from './errors.mjs';
import { packFor } from './data-packs.mjs';
import { newHandle } from './handles.mjs';
import { Scorer } from './scorer.mjs';

export { LeadscoreError, Scorer };

/**
 * `load(source)` starts the wasm module and resolves to it; `source` is what setWasmSource() was
 * given (undefined: the .wasm file shipped beside the module). `form`: the API of leadscore/form,
 * whose module has scoring, the form checks and verify only. `defaultData()`, when given (Node),
 * resolves to the bytes of the data pack every new scorer uses instead of the module's built-in
 * lite pack (docs/data-packs.md).
 */
export function makeApi(load, { form = false, defaultData } = {}) {
  let modulePromise = null;
  let wasmSource;
  let defaultPack = null;

  // One instance per page or process, created on first use.
  function loadModule() {
    if (!modulePromise) {
      modulePromise = Promise.resolve()
        .then(() => load(wasmSource))
        .catch((cause) => {
          modulePromise = null;
          throw new LeadscoreError('wasm_init', `the leadscore WebAssembly module could not start (${cause?.message ?? cause})`);
        });
    }
    return modulePromise;
  }

  // Where the .wasm file comes from, for pages that serve it from elsewhere than beside the
  // bundle: a URL (string or URL; in Node a file path or file: URL), or the file's bytes.
  function setWasmSource(source) {
    if (modulePromise) throw new LeadscoreError('wasm_already_loaded', 'setWasmSource() must be called before the first createScorer()');
    const ok = typeof source === 'string' || source instanceof URL || source instanceof ArrayBuffer || ArrayBuffer.isView(source);
    if (!ok) throw new LeadscoreError('wasm_source_invalid', 'the wasm source must be a URL, a path or the bytes of the .wasm file');
    wasmSource = source;
  }

  // The pack of defaultData(), read once per process and shared by every scorer.
  function loadDefaultPack(module) {
    if (!defaultData) return null;
    if (!defaultPack) {
      defaultPack = Promise.resolve()
        .then(defaultData)
        .then((bytes) => packFor(module, bytes))
        .catch((cause) => {
          defaultPack = null;
          throw cause instanceof LeadscoreError ? cause
            : new LeadscoreError('data_init', `the full data pack could not be read (${cause?.message ?? cause})`);
        });
    }
    return defaultPack;
  }

  async function createScorer(model) {
    const module = await loadModule();
    const pack = await loadDefaultPack(module);
    const text = model === undefined ? module.defaultModel() : toJsonText(model, 'the model');
    const handle = newHandle(module, 'Scorer');
    let info;
    try {
      info = JSON.parse(unwrap(handle.load(text)));
      if (pack) unwrap(handle.useData(pack.handle.address));
    } catch (error) {
      handle.delete();
      throw error;
    }
    return new Scorer(handle, info, module);
  }

  async function evaluateLogic(rule, data = null, options = {}) {
    const module = await loadModule();
    const edition = options?.edition ?? 'classic';
    if (typeof edition !== 'string') throw new LeadscoreError('unknown_logic_edition', 'the edition is "classic" or "community-2025"', '/edition');
    const outcome = JSON.parse(unwrap(module.evaluateLogic(toJsonText(rule, 'the rule'), toJsonText(data, 'the data'), edition)));
    if ('thrown' in outcome) {
      // An error the rule raised and did not catch: the value goes back to the caller who handed
      // over the data, on the error object (its message names the type only when the rule or the
      // engine chose it).
      const error = new LeadscoreError('logic_thrown', outcome.message, '');
      error.thrown = outcome.thrown;
      throw error;
    }
    return outcome.value;
  }

  async function validateModel(model) {
    const module = await loadModule();
    // Throws LeadscoreError for a model that does not load, like every other call.
    return { findings: JSON.parse(unwrap(module.validateModel(toJsonText(model, 'the model')))) };
  }

  // Calibration from a historical CSV (text): {report, fit, model, metrics, warnings}
  // (docs/calibration.md). The exported `model` loads with createScorer() like any other.
  // `hooks.onPhase(name)` is called as each phase starts (read, report, fit, export, score_test, done).
  async function calibrate(csv, options, hooks) {
    if (typeof csv !== 'string') throw new LeadscoreError('history_not_string', 'the history must be CSV text (a string)', '/history');
    const onPhase = hooks?.onPhase;
    if (onPhase !== undefined && typeof onPhase !== 'function')
      throw new LeadscoreError('hook_not_function', 'hooks.onPhase must be a function', '/onPhase');
    const module = await loadModule();
    return JSON.parse(unwrap(module.calibrate(csv, toJsonText(options ?? {}, 'the calibration options'), false, onPhase)));
  }

  // The close-rate report alone (seed-003 points per attribute value).
  async function closeRateReport(csv, options) {
    if (typeof csv !== 'string') throw new LeadscoreError('history_not_string', 'the history must be CSV text (a string)', '/history');
    const module = await loadModule();
    return JSON.parse(unwrap(module.calibrate(csv, toJsonText(options ?? {}, 'the calibration options'), true, undefined)));
  }

  async function defaultModel() {
    const module = await loadModule();
    return JSON.parse(module.defaultModel());
  }

  async function version() {
    const module = await loadModule();
    return module.version();
  }

  if (form) return { createScorer, defaultModel, version, setWasmSource };
  // The first records of a CSV text as the engine reads them: {delimiter, header, records: [{line,
  // cells, lead} | {line, error}], more} (leadscore/csv.h, preview_csv). For column pickers and
  // sample leads, so a page never parses CSV on its own.
  async function previewCsv(csv, options) {
    if (typeof csv !== 'string') throw new LeadscoreError('csv_not_string', 'the CSV must be text (a string)', '/csv');
    const records = options?.records ?? 5;
    if (!Number.isInteger(records) || records < 0 || records > 1000)
      throw new LeadscoreError('options_invalid', 'records must be a whole number from 0 to 1000', '/records');
    const module = await loadModule();
    return JSON.parse(unwrap(module.previewCsv(csv, records)));
  }

  return { createScorer, evaluateLogic, validateModel, calibrate, closeRateReport, previewCsv, defaultModel, version, setWasmSource };
}
