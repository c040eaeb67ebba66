// The golden vectors through the npm package (wasm) and through the native CLI: each must give the
// expected result, and wasm and native must produce byte-identical result JSON.
import assert from 'node:assert/strict';
import test from 'node:test';

import { createScorer, LeadscoreError } from 'leadscore';
import { assertExpected, loadVectors, scoreWithCli, vectorModelText } from './support.mjs';

const vectors = loadVectors();

test('there are at least 50 golden vectors', () => {
  assert.ok(vectors.length >= 50, `only ${vectors.length} vectors`);
});

// The options of the scoring call: `now`, and the vector's `events` when it has that key.
function scoreOptions(v) {
  return 'events' in v ? { now: v.now, events: v.events } : { now: v.now };
}

// A vector's events can go through the CLI's JSON-lines events file only when each is an object
// (a line that is not an object cannot carry a lead_id).
function cliCanCarryEvents(v) {
  return !('events' in v) || (Array.isArray(v.events)
    && v.events.every((e) => e !== null && typeof e === 'object' && !Array.isArray(e)));
}

async function scoreInWasm(v) {
  let scorer;
  try {
    scorer = await createScorer(vectorModelText(v));
    return { text: scorer.scoreJson(v.lead, scoreOptions(v)) };
  } catch (error) {
    assert.ok(error instanceof LeadscoreError, `${v.name}: ${error}`);
    return { error };
  } finally {
    scorer?.dispose();
  }
}

for (const v of vectors) {
  test(`vector ${v.name}`, async () => {
    const wasm = await scoreInWasm(v);
    if (v.expected_error) {
      assert.ok(wasm.error, `${v.name}: expected error ${v.expected_error.code}`);
      assert.equal(wasm.error.code, v.expected_error.code);
      assert.equal(wasm.error.path, v.expected_error.path);
      return;
    }
    assert.ok(!wasm.error, `${v.name}: unexpected ${wasm.error?.code} at ${wasm.error?.path}`);
    assertExpected(JSON.parse(wasm.text), v.expected, `${v.name} (wasm)`);
  });
}

test('CLI: every scorable vector gives the same bytes natively as in wasm', async () => {
  let compared = 0;
  for (const v of vectors) {
    if (v.expected_error || v.lead === null || typeof v.lead !== 'object' || Array.isArray(v.lead)) continue;
    if (!cliCanCarryEvents(v)) continue;
    const [native] = 'events' in v ? scoreWithCli(vectorModelText(v), [v.lead], v.now, [v.events])
      : scoreWithCli(vectorModelText(v), [v.lead], v.now);
    const wasm = await scoreInWasm(v);
    assert.ok(native.text, `${v.name}: native error ${JSON.stringify(native.error)}`);
    assertExpected(JSON.parse(native.text), v.expected, `${v.name} (CLI)`);
    assert.equal(native.text, wasm.text, `${v.name}: native and wasm bytes differ`);
    compared += 1;
  }
  assert.ok(compared >= 40, `only ${compared} vectors compared`);
});
