// The public JS API, independent of how the wasm module is loaded: node.mjs, browser.mjs and
// index.cjs each bind it to the module factory of their environment.
import { LeadscoreError, outcomeText, toJsonText, unwrap } from './errors.mjs';
import { Scorer } from './scorer.mjs';

export { LeadscoreError, Scorer };

export function makeApi(factory) {
  let modulePromise = null;

  // One instance per page or process, created on first use.
  function loadModule() {
    if (!modulePromise) {
      modulePromise = Promise.resolve()
        .then(() => factory())
        .catch((cause) => {
          modulePromise = null;
          throw new LeadscoreError('wasm_init', `the leadscore WebAssembly module could not start (${cause?.message ?? cause})`);
        });
    }
    return modulePromise;
  }

  async function createScorer(model) {
    const module = await loadModule();
    const text = model === undefined ? module.defaultModel() : toJsonText(model, 'the model');
    const handle = new module.Scorer();
    let info;
    try {
      info = JSON.parse(unwrap(handle.load(text)));
    } catch (error) {
      handle.delete();
      throw error;
    }
    return new Scorer(handle, info, module);
  }

  async function evaluateLogic(rule, data = null) {
    const module = await loadModule();
    return JSON.parse(unwrap(module.evaluateLogic(toJsonText(rule, 'the rule'), toJsonText(data, 'the data'))));
  }

  async function validateModel(model) {
    const module = await loadModule();
    const outcome = module.validateModel(toJsonText(model, 'the model'));
    if (!outcome.ok) return { ok: false, error: { code: outcome.code, path: outcome.path, message: outcome.message }, findings: [] };
    return { ok: true, findings: JSON.parse(outcomeText(outcome)) };
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

  return { createScorer, evaluateLogic, validateModel, calibrate, closeRateReport, defaultModel, version };
}
