// The golden vectors through the npm package (wasm) and through the native CLI: each must give the
// expected result, and wasm and native must produce byte-identical result JSON. Check cases
// (check_field / check_lead) run through Scorer.checkField / checkLead; the CLI runs the check_lead
// cases through `leadscore check`.
import assert from 'node:assert/strict';
import test from 'node:test';

import { createScorer, LeadscoreError } from 'leadscore';
import { loadVectors, runCli, scoreWithCli, vectorManifest, vectorModelText } from './support.mjs';
import { assertFindings, assertVectorExpected, isCheckVector, vectorLang } from './vector-checks.mjs';
import { checkLeadsWithCli } from './cli-check-runner.mjs';
import { vectorCall } from './vector-call.mjs';

const vectors = loadVectors();

test('the golden vectors are exactly those of tests/vectors/MANIFEST', () => {
  // A vector that is not picked up, or one added without the manifest, fails here rather than
  // silently shrinking or growing what every runner checks (node scripts/vector-manifest.mjs --write).
  assert.deepEqual(vectors.map((v) => v.name), vectorManifest());
  assert.ok(vectors.filter(isCheckVector).length >= 50, 'fewer than 50 check cases');
});

// A vector's events can go through the CLI's JSON-lines events file only when each is an object
// (a line that is not an object cannot carry a lead_id).
function cliCanCarryEvents(v) {
  return !('events' in v) || (Array.isArray(v.events)
    && v.events.every((e) => e !== null && typeof e === 'object' && !Array.isArray(e)));
}

// Runs a vector in wasm: {text} (the result JSON text) or {error}.
async function runInWasm(v) {
  let scorer;
  try {
    scorer = await createScorer(vectorModelText(v));
    return { text: vectorCall(scorer, v) };
  } catch (error) {
    assert.ok(error instanceof LeadscoreError, `${v.name}: ${error}`);
    return { error };
  } finally {
    scorer?.dispose();
  }
}

for (const v of vectors) {
  test(`vector ${v.name}`, async () => {
    const wasm = await runInWasm(v);
    if (v.expected_error) {
      assert.ok(wasm.error, `${v.name}: expected error ${v.expected_error.code}`);
      assert.equal(wasm.error.code, v.expected_error.code);
      assert.equal(wasm.error.path, v.expected_error.path);
      return;
    }
    assert.ok(!wasm.error, `${v.name}: unexpected ${wasm.error?.code} at ${wasm.error?.path}`);
    if ('check_field' in v) assertFindings(JSON.parse(wasm.text), v.expected_findings, `${v.name} (wasm)`);
    else assertVectorExpected(JSON.parse(wasm.text), v.expected, `${v.name} (wasm)`);
  });
}

// The vectors the CLI can score: a lead object, events (if any) that a JSON-lines events file can
// carry, no API-only option (feedback, previous).
function cliScorable(v) {
  return !isCheckVector(v) && !v.expected_error && v.lead !== null && typeof v.lead === 'object' && !Array.isArray(v.lead)
    && cliCanCarryEvents(v) && !('feedback' in v) && !('previous' in v);
}

// One CLI process per batch of vectors sharing a model, an instant and flags (not one per vector).
// Leads with events go in batches of their own, and two leads with the same own id never share a
// batch (the events file joins by lead id).
function cliBatches(list) {
  const batches = new Map();
  for (const v of list) {
    const flags = [...('detail' in v ? ['--detail', v.detail] : []), ...('lang' in v ? ['--lang', v.lang] : [])];
    const base = JSON.stringify([vectorModelText(v), v.now, flags, 'events' in v]);
    let n = 0;
    const ownId = 'events' in v ? String(v.lead.id ?? v.lead.lead_id ?? '') : '';
    while (ownId !== '' && batches.get(`${base}#${n}`)?.ids.has(ownId)) n += 1;
    const key = `${base}#${n}`;
    if (!batches.has(key)) batches.set(key, { flags, vectors: [], ids: new Set() });
    const batch = batches.get(key);
    batch.vectors.push(v);
    if (ownId !== '') batch.ids.add(ownId);
  }
  return [...batches.values()];
}

test('CLI: every scorable vector gives the same bytes natively as in wasm (one process per batch)', async () => {
  const scorable = vectors.filter(cliScorable);
  const batches = cliBatches(scorable);
  let compared = 0;
  for (const { flags, vectors: batch } of batches) {
    const [first] = batch;
    const leads = batch.map((v) => v.lead);
    const results = 'events' in first ? scoreWithCli(vectorModelText(first), leads, first.now, batch.map((v) => v.events), flags)
      : scoreWithCli(vectorModelText(first), leads, first.now, undefined, flags);
    assert.equal(results.length, batch.length, 'one output line per lead');
    for (const [i, v] of batch.entries()) {
      const native = results[i];
      const wasm = await runInWasm(v);
      assert.ok(native.text, `${v.name}: native error ${JSON.stringify(native.error)}`);
      assertVectorExpected(JSON.parse(native.text), v.expected, `${v.name} (CLI)`);
      assert.equal(native.text, wasm.text, `${v.name}: native and wasm bytes differ`);
      compared += 1;
    }
  }
  // Every vector the CLI can express is compared (lang and detail through their flags), in fewer
  // processes than vectors: most vectors carry their own model, so batches are small (177 for 226).
  assert.equal(compared, scorable.length);
  assert.ok(compared >= 220, `only ${compared} vectors compared`);
  assert.ok(batches.length < compared, `${batches.length} CLI processes for ${compared} vectors`);
});

test('CLI: every check_lead vector gives the same bytes through `leadscore check` as in wasm', async () => {
    let compared = 0;
    for (const v of vectors) {
      if (!('check_lead' in v) || v.expected_error) continue;
      const [native] = checkLeadsWithCli(vectorModelText(v), [v.check_lead], v.now, vectorLang(v));
      assert.ok(native.text, `${v.name}: native error ${JSON.stringify(native.error)}`);
      assertVectorExpected(JSON.parse(native.text), v.expected, `${v.name} (CLI check)`);
      const wasm = await runInWasm(v); // checkLead() hands back a parsed object: compare re-serialised
      assert.equal(JSON.stringify(JSON.parse(native.text)), wasm.text, `${v.name}: native and wasm results differ`);
      compared += 1;
    }
    assert.ok(compared >= 20, `only ${compared} check_lead vectors compared`);
  });
