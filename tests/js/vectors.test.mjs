// The golden vectors through the npm package (wasm) and through the native CLI: each must give the
// expected result, and wasm and native must produce byte-identical result JSON. Check cases
// (check_field / check_lead) run through Scorer.checkField / checkLead; the CLI runs the check_lead
// cases through `leadscore check` when the CLI has that command.
import assert from 'node:assert/strict';
import test from 'node:test';

import { createScorer, LeadscoreError } from 'leadscore';
import { loadVectors, runCli, scoreWithCli, vectorModelText } from './support.mjs';
import { assertFindings, assertVectorExpected, isCheckVector, vectorLang } from './vector-checks.mjs';
import { checkLeadsWithCli, cliHasCheckCommand } from './cli-check-runner.mjs';
import { vectorCall } from './vector-call.mjs';

const vectors = loadVectors();

test('there are at least 50 golden vectors, and at least 50 check cases', () => {
  assert.ok(vectors.length >= 50, `only ${vectors.length} vectors`);
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

test('CLI: every scorable vector gives the same bytes natively as in wasm', async () => {
  let compared = 0;
  for (const v of vectors) {
    if (isCheckVector(v)) continue;
    if (v.expected_error || v.lead === null || typeof v.lead !== 'object' || Array.isArray(v.lead)) continue;
    if (!cliCanCarryEvents(v)) continue;
    if ('lang' in v) continue; // `leadscore score` has no message-language option
    if ('feedback' in v || 'previous' in v) continue; // API-only score options
    const flags = 'detail' in v ? ['--detail', v.detail] : [];
    const [native] = 'events' in v ? scoreWithCli(vectorModelText(v), [v.lead], v.now, [v.events], flags)
      : scoreWithCli(vectorModelText(v), [v.lead], v.now, undefined, flags);
    const wasm = await runInWasm(v);
    assert.ok(native.text, `${v.name}: native error ${JSON.stringify(native.error)}`);
    assertVectorExpected(JSON.parse(native.text), v.expected, `${v.name} (CLI)`);
    assert.equal(native.text, wasm.text, `${v.name}: native and wasm bytes differ`);
    compared += 1;
  }
  assert.ok(compared >= 40, `only ${compared} vectors compared`);
});

test('CLI: every check_lead vector gives the same bytes through `leadscore check` as in wasm',
  { skip: cliHasCheckCommand() ? false : 'the CLI has no `check` command yet' }, async () => {
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
