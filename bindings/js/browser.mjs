// ESM entry for browsers and bundlers: `leadscore`, the full module. The .wasm file sits beside
// dist/leadscore.mjs; webpack copies it on its own, other bundlers need it copied beside the
// bundle or named with setWasmSource() (README, "Bundlers and hosts").
import createModule, { wasmUrl } from '../../dist/leadscore.mjs';
import { makeApi } from '../../dist/api.mjs';
import { browserLoader } from './browser-loader.mjs';

export { LeadscoreError, Scorer } from '../../dist/api.mjs';
export const { createScorer, evaluateLogic, validateModel, calibrate, closeRateReport, previewCsv, defaultModel, version, setWasmSource } =
  makeApi(browserLoader(createModule, wasmUrl));
