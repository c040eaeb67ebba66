// Randomized differential test: 10,000+ generated leads scored by the native CLI and by the wasm
// package must give byte-identical result JSON. Leads mix valid, borderline and invalid values of
// every field type, over the default model and every model of the golden vectors.
import assert from 'node:assert/strict';
import test from 'node:test';

import { createScorer } from 'leadscore';
import { makeRandom } from './random.mjs';
import { defaultModelText, loadVectors, scoreWithCli } from './support.mjs';

const seed = Number(process.env.LEADSCORE_DIFF_SEED ?? 20261123);
const rnd = makeRandom(seed);

const strings = ['', ' ', 'Acme', '  padded  ', 'ÉCOLE', 'VP Sales', 'student', 'x'.repeat(300), '日本', 'a,b;"c"'];
const numbers = [0, -1, 1, 12, 12.5, 199, 200, 1e6, 2.5e9, -0.01, 1e21, 123456789.123];

function valueFor(field) {
  const roll = rnd.next();
  if (roll < 0.08) return undefined;  // absent
  if (roll < 0.12) return rnd.pick([null, '', '   ']);
  if (roll < 0.2) return rnd.pick([true, [1], { a: 1 }, 'not-a-number', -3.75, 'YES']);  // often the wrong type
  switch (field.type) {
    case 'enum': {
      const v = rnd.pick(field.values);
      return rnd.chance(0.3) ? v.toUpperCase() : v;
    }
    case 'integer': return rnd.chance(0.3) ? String(rnd.int(-10, 20000)) : rnd.pick([...numbers, rnd.int(0, 5000)]);
    case 'number': return rnd.chance(0.3) ? `${rnd.int(0, 9999)}.${rnd.int(0, 99)}` : rnd.pick(numbers);
    case 'boolean': return rnd.pick([true, false, 'yes', 'no', 'TRUE', 0, 1, '1']);
    case 'email': return rnd.pick(['Jane.Doe@Example.COM', 'a@b', 'x@@y', '@nope', 'sales@corp.example', ' bob@site.example ']);
    case 'date': return rnd.pick(['2026-01-31', '2026-11-23', '2026-11-24', '2027-02-29', '2024-02-29', '2026-11-23T23:30:00-02:00', 'soon']);
    default: return rnd.pick(strings);
  }
}

// A model's declared fields; a model set's are those of its models (a persona's model may extend
// another, so names can repeat: a later declaration just draws another value).
const fieldsOf = (model) => model.fields ?? Object.values(model.models ?? {}).flatMap((m) => m.fields ?? []);

function leadFor(model) {
  const lead = {};
  for (const field of fieldsOf(model)) {
    const v = valueFor(field);
    if (v !== undefined) lead[field.name] = v;
  }
  if (rnd.chance(0.05)) lead.undeclared = 'ignored';
  return lead;
}

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
