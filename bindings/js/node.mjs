// ESM entry for Node. The glue is the CommonJS build (it needs `require` for Node's modules).
import factory from '../../dist/leadscore-wasm.cjs';
import { makeApi } from './api.mjs';

export { LeadscoreError, Scorer } from './api.mjs';
export const { createScorer, evaluateLogic, validateModel, calibrate, closeRateReport, defaultModel, version } = makeApi(factory);
