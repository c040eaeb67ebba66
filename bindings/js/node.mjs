// ESM entry for Node: `leadscore`, the full module, its .wasm read from the package.
import createModule from '../../dist/leadscore.mjs';
import { makeApi } from './api.mjs';
import { nodeLoader } from './node-loader.mjs';

export { LeadscoreError, Scorer } from './api.mjs';
export const { createScorer, evaluateLogic, validateModel, calibrate, closeRateReport, defaultModel, version, setWasmSource } =
  makeApi(nodeLoader(createModule, new URL('../../dist/leadscore.wasm', import.meta.url)));
