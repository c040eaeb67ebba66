// ESM entry for browsers and bundlers. The wasm binary is embedded in the glue: nothing is fetched.
import factory from '../../dist/leadscore-wasm.mjs';
import { makeApi } from './api.mjs';

export { LeadscoreError, Scorer } from './api.mjs';
export const { createScorer, evaluateLogic, validateModel, calibrate, closeRateReport, defaultModel, version } = makeApi(factory);
