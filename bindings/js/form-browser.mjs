// ESM entry for browsers and bundlers: `leadscore/form`, the form module (scoring, form checks,
// submissions, verify), small enough for a signup page. Its .wasm file sits beside
// dist/leadscore-form.mjs (see browser.mjs).
import createModule, { wasmUrl } from '../../dist/leadscore-form.mjs';
import { makeApi } from '../../dist/api.mjs';
import { browserLoader } from './browser-loader.mjs';

export { LeadscoreError, Scorer } from '../../dist/api.mjs';
export const { createScorer, defaultModel, version, setWasmSource } = makeApi(browserLoader(createModule, wasmUrl), { form: true });
