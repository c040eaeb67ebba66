// ESM entry for Node: `leadscore`, the full module, its .wasm read from the package;
// its scorers use the full data pack (dist/data/full.bin), as native builds do.
import createModule from '../../dist/leadscore.mjs';
import { makeApi } from '../../dist/api.mjs';
import { nodeDefaultData, nodeLoader } from './node-loader.mjs';

export { LeadscoreError, Scorer } from '../../dist/api.mjs';
export const { createScorer, evaluateLogic, validateModel, calibrate, closeRateReport, previewCsv, defaultModel, version, setWasmSource } =
  makeApi(nodeLoader(createModule, new URL('../../dist/leadscore.wasm', import.meta.url)),
    { defaultData: nodeDefaultData(new URL('../../dist/data/full.bin', import.meta.url)) });
