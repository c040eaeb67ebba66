// The result bytes are a contract (docs/architecture.md, "Result bytes"). This test scores a fixed,
// seeded corpus of 10,000+ leads (with and without events) with every model of tests/vectors and
// examples/models through the native CLI, and compares a SHA-256 of each model's output with the
// digest recorded in fixtures/result-digests.json when the results were written by building a
// nlohmann::json tree and dumping it (before the streaming writer replaced it). Any changed byte in
// any result changes a digest. Native and wasm are held to each other by the differential tests,
// so this also pins the wasm bytes.
//
// The digests change only on purpose, with the result format: regenerate them with
//   LEADSCORE_RECORD_DIGESTS=1 node --test tests/js/result-bytes.test.mjs
// and say why in the commit.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { eventCount, modelEdges, randomEvents } from './events-random.mjs';
import { makeRandom, randomLeadFor } from './random.mjs';
import { defaultModelText, loadVectors, repoRoot, scoreWithCli } from './support.mjs';

const digestsPath = path.join(repoRoot, 'tests/js/fixtures/result-digests.json');
const record = process.env.LEADSCORE_RECORD_DIGESTS === '1';
const NOW = '2026-11-23T10:00:00Z';
const NOW_MS = Date.parse(NOW);

// Every model the project ships or tests with: the examples, then each vector's model.
function corpusModels() {
  const examples = ['default.json', 'personas.json', 'accounts.json'].map((name) => ({
    name: `examples/models/${name}`,
    text: readFileSync(path.join(repoRoot, 'examples/models', name), 'utf8'),
  }));
  const vectors = loadVectors().filter((v) => v.model && !v.expected_error)
    .map((v) => ({ name: `tests/vectors/${v.name}`, text: JSON.stringify(v.model) }));
  return [...examples, ...vectors];
}

// The corpus of one model: leads (and, for models that read events, each lead's events). The
// PRNG is seeded per model, so adding a vector does not change the other models' corpora.
function corpusFor(index, modelText, count) {
  const rnd = makeRandom(20261206 + index);
  const model = JSON.parse(modelText);
  const engaged = Boolean(model.engagement ?? Object.values(model.models ?? {}).some((m) => m.engagement));
  const edges = engaged && model.engagement ? modelEdges(model) : null;
  const leads = [];
  const events = [];
  for (let i = 0; i < count; i++) {
    leads.push({ id: `r${String(i).padStart(5, '0')}`, ...randomLeadFor(rnd, model) });
    if (!edges || rnd.chance(0.3)) { events.push(null); continue; }
    const generated = randomEvents(rnd, { model, nowMs: NOW_MS, leadId: leads[i].id, edges, count: Math.min(eventCount(rnd), 60) });
    events.push(generated.filter((e) => e.event).map((e) => e.event));
  }
  return { leads, events: edges ? events : undefined };
}

// The digest of one model's corpus. `index` seeds its PRNG: the model's place in the recorded list.
function corpusDigest(index, name, text) {
  const count = name === 'examples/models/default.json' ? 3000 : name.startsWith('examples/') ? 500 : 30;
  const { leads, events } = corpusFor(index, text, count);
  const lines = scoreWithCli(text, leads, NOW, events);
  assert.equal(lines.length, leads.length, `${name}: one output per lead`);
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line.text ?? JSON.stringify(line.error)).update('\n');
  return { digest: hash.digest('hex'), count: leads.length };
}

test('result bytes: every model scores its seeded corpus to the recorded digests', () => {
  const models = corpusModels();
  if (record) {
    const digests = {};
    for (const [index, { name, text }] of models.entries()) digests[name] = corpusDigest(index, name, text).digest;
    writeFileSync(digestsPath, `${JSON.stringify(digests, null, 2)}\n`);
    return;
  }
  // Models are scored in the recorded order (so each keeps its seed). A model added since is
  // covered when a recorded model has the same text (e.g. the summary vectors 490-495 reuse the
  // models of earlier vectors); any other new model needs the digests recorded anew, on purpose.
  const recorded = JSON.parse(readFileSync(digestsPath, 'utf8'));
  const byName = new Map(models.map((m) => [m.name, m]));
  const recordedTexts = new Set();
  const changed = [];
  let scored = 0;
  for (const [index, [name, want]] of Object.entries(recorded).entries()) {
    const model = byName.get(name);
    assert.ok(model, `${name} is recorded but no longer exists: record anew on purpose`);
    recordedTexts.add(model.text);
    const { digest, count } = corpusDigest(index, name, model.text);
    if (digest !== want) changed.push(name);
    scored += count;
  }
  const unrecorded = models.filter((m) => !(m.name in recorded) && !recordedTexts.has(m.text)).map((m) => m.name);
  assert.deepEqual(unrecorded, [], 'models with no recorded digest: record anew on purpose');
  assert.ok(scored >= 10000, `only ${scored} leads scored`);
  assert.deepEqual(changed, [], `result bytes changed for ${changed.length} model(s)`);
});
