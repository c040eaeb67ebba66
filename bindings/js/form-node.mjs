// ESM entry for Node: `leadscore/form`, the form module, its .wasm read from the package;
// its scorers use the full data pack (dist/data/full.bin), as native builds do.
import createModule from '../../dist/leadscore-form.mjs';
import { makeApi } from '../../dist/api.mjs';
import { nodeDefaultData, nodeLoader } from './node-loader.mjs';

export { LeadscoreError, Scorer } from '../../dist/api.mjs';
export const { createScorer, defaultModel, version, setWasmSource } =
  makeApi(nodeLoader(createModule, new URL('../../dist/leadscore-form.wasm', import.meta.url)),
    { form: true, defaultData: nodeDefaultData(new URL('../../dist/data/full.bin', import.meta.url)) });
