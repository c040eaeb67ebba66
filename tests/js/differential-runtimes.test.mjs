// Randomized differential test: 10,000+ generated leads scored by the native CLI and by the wasm
// package must give byte-identical result JSON. Leads mix valid, borderline and invalid values of
// every field type, over the default model and every model of the golden vectors.
import assert from 'node:assert/strict';
import test from 'node:test';

import { createScorer } from 'leadscore';
import { makeRandom, randomLeadFor } from './random.mjs';
import { defaultModelText, loadVectors, scoreWithCli } from './support.mjs';

const seed = Number(process.env.LEADSCORE_DIFF_SEED ?? 20261123);
const rnd = makeRandom(seed);

const leadFor = (model) => randomLeadFor(rnd, model);

const nows = ['2026-11-23T10:00:00Z', '2026-11-23T23:59:59.999+05:30', '2025-01-01T00:00:00-08:00'];

test(`native and wasm agree byte for byte on 10,000+ random leads (seed ${seed})`, async () => {
  const models = [defaultModelText, ...loadVectors().filter((v) => v.model && !v.expected_error).map((v) => JSON.stringify(v.model))];
  const perModel = Math.ceil(10000 / models.length);
  let compared = 0;
  for (const [index, modelText] of models.entries()) {
    const model = JSON.parse(modelText);
    const leads = Array.from({ length: index === 0 ? Math.max(perModel, 3000) : perModel }, () => leadFor(model));
    const now = nows[index % nows.length];
    const native = scoreWithCli(modelText, leads, now);
    const scorer = await createScorer(modelText);
    try {
      assert.equal(native.length, leads.length, 'one CLI output line per lead');
      for (let i = 0; i < leads.length; i += 1) {
        const wasm = scorer.scoreJson(leads[i], { now });
        if (native[i].text !== wasm) {
          assert.fail(`model #${index}, lead ${JSON.stringify(leads[i])}:\nnative ${native[i].text ?? JSON.stringify(native[i].error)}\nwasm   ${wasm}`);
        }
        compared += 1;
      }
    } finally {
      scorer.dispose();
    }
  }
  assert.ok(compared >= 10000, `compared only ${compared}`);
});
