// The work budget (docs/limits.md) through the npm package and the native CLI: a hostile model or
// lead stops at the same unit of work in both runtimes, so both give the same error code, pointer
// and message; in wasm it is a LeadscoreError, never a RuntimeError from an aborted module; a batch
// goes on after such a lead; validating a hostile model set returns findings in both.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { createScorer, LeadscoreError, validateModel } from '../../bindings/js/node.mjs';
import { cliPath, runCli, sharedDir, tempDir } from './support.mjs';

const NOW = '2026-11-23T10:00:00Z';
const skip = existsSync(cliPath) ? false : `no native CLI at ${cliPath} (cmake --build build/native)`;

const range = (n) => Array.from({ length: n }, (_, i) => i);

function baseModel() {
  return {
    format_version: 1, id: 'budget', version: '1', fields: [{ name: 'n', type: 'number' }], groups: [{ id: 'g' }],
    rules: [], scale: { min: 0, max: 100 }, bands: [{ id: 'all', action: 'x', from: 0, to: 100 }],
  };
}

// Each of these conditions takes 990,302 units, within its own 1,000,000: twelve of them run past
// the lead's 8,000,000 in the ninth.
const nearBudget = { some: [range(100), { some: [range(100), { some: [range(48), false] }] }] };
// On each event, this one (about 500 bytes) uses its whole budget: the lead's runs out on event 7.
const list36 = range(36);
const perEvent = { some: [list36, { some: [list36, { some: [list36, { some: [list36, false] }] }] }] };

function rulesModel(count, when) {
  const model = baseModel();
  for (let i = 0; i < count; i++) model.rules.push({ id: `r${i}`, group: 'g', points: 1, when });
  return model;
}

function engagementModel() {
  return {
    ...baseModel(),
    engagement: {
      event_types: [{ id: 'visit' }], groups: [{ id: 'web' }],
      rules: [{ id: 'v', group: 'web', event: 'visit', points: 1, when: perEvent }],
    },
  };
}

function visits(n, leadId) {
  const start = Date.parse('2026-11-01T00:00:00Z');
  return range(n).map((i) => ({ ...(leadId ? { lead_id: leadId } : {}), type: 'visit', at: new Date(start + 1000 * i).toISOString() }));
}

/** Scores JSONL leads (and events) with the native CLI; returns its output lines. */
function nativeScore(model, leads, events) {
  const dir = tempDir();
  const modelPath = path.join(dir, 'model.json');
  writeFileSync(modelPath, JSON.stringify(model));
  writeFileSync(path.join(dir, 'leads.jsonl'), leads.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const args = ['score', '--model', modelPath, '--now', NOW];
  if (events) {
    writeFileSync(path.join(dir, 'events.jsonl'), events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    args.push('--events', path.join(dir, 'events.jsonl'));
  }
  args.push(path.join(dir, 'leads.jsonl'));
  const r = runCli(args);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return r.stdout.trim().split('\n').map((line) => JSON.parse(line));
}

/** The LeadscoreError that `call` throws, as {code, path, message}. */
function wasmError(call) {
  let caught;
  assert.throws(call, (error) => {
    assert.ok(error instanceof LeadscoreError, `expected a LeadscoreError, got ${error}`);
    caught = error;
    return true;
  });
  return { code: caught.code, path: caught.path, message: caught.message };
}

test('rules near their own budget: the lead stops at the same rule natively and in wasm', { skip }, async () => {
  const model = rulesModel(12, { if: [{ '==': [{ var: 'n' }, 1] }, nearBudget, false] });
  const scorer = await createScorer(model);
  try {
    const started = Date.now();
    const wasm = wasmError(() => scorer.score({ id: 'L1', n: 1 }, { now: NOW }));
    assert.ok(Date.now() - started < 10000, 'the budget stops the lead early');
    assert.equal(wasm.code, 'lead_budget_exceeded');
    assert.equal(wasm.path, '/rules/8/when');
    const [line] = nativeScore(model, [{ id: 'L1', n: 1 }]);
    assert.deepEqual(line.error, wasm);
    // The module keeps working: a lead for which the rules are cheap scores.
    assert.equal(scorer.score({ id: 'L2', n: 2 }, { now: NOW, detail: 'summary' }).score, 0);
  } finally {
    scorer.dispose();
  }
});

test('an engagement rule over 2,000 events: the same error on the same event natively and in wasm', { skip }, async () => {
  const model = engagementModel();
  assert.ok(JSON.stringify(model.engagement.rules[0]).length < 600);
  const scorer = await createScorer(model);
  try {
    const wasm = wasmError(() => scorer.score({ id: 'L1', n: 1 }, { now: NOW, events: visits(2000) }));
    assert.deepEqual(wasm, {
      code: 'lead_budget_exceeded',
      path: '/engagement/rules/0/when',
      message: 'the lead needed more than 8000000 units of work (Limits::max_lead_work, docs/limits.md); it ran out on event 7',
    });
    const [line] = nativeScore(model, [{ id: 'L1', n: 1 }], visits(2000, 'L1'));
    assert.deepEqual(line.error, wasm);
  } finally {
    scorer.dispose();
  }
});

test('a batch goes on after a lead over its budget, natively and in wasm', { skip }, async () => {
  // Only lead n = 2 makes the rules expensive.
  const model = rulesModel(12, { if: [{ '==': [{ var: 'n' }, 2] }, nearBudget, false] });
  const leads = [{ id: 'L1', n: 1 }, { id: 'L2', n: 2 }, { id: 'L3', n: 3 }];
  const scorer = await createScorer(model);
  try {
    const many = scorer.scoreMany(leads, { now: NOW });
    assert.equal(many.length, 3);
    assert.equal(many[0].score, 0);
    assert.equal(many[1].error.code, 'lead_budget_exceeded');
    assert.equal(many[1].error.path, '/1/rules/8/when');  // scoreMany puts the lead's index first
    assert.equal(many[2].score, 0);
    const lines = nativeScore(model, leads);
    assert.equal(lines.length, 3);
    assert.ok(lines[0].result && lines[2].result);
    assert.deepEqual(lines[1].error, { ...many[1].error, path: '/rules/8/when' });
  } finally {
    scorer.dispose();
  }
});

test('the doubling reduce model scores with rule_failed, the same natively and in wasm', { skip }, async () => {
  const model = JSON.parse(readFileSync(path.join(sharedDir, 'external/hostile/doubling-reduce-model.json'), 'utf8'));
  const scorer = await createScorer(model);
  try {
    const started = Date.now();
    const wasm = scorer.scoreJson({ id: 'L1', n: 1 }, { now: NOW });
    assert.ok(Date.now() - started < 10000);
    const failed = JSON.parse(wasm).warnings.find((w) => w.code === 'rule_failed');
    assert.equal(failed.path, '/rules/0/when');
    const [line] = nativeScore(model, [{ id: 'L1', n: 1 }]);
    assert.deepEqual(line.result, JSON.parse(wasm));
  } finally {
    scorer.dispose();
  }
});

test('validating a model set with costly persona conditions returns findings, natively and in wasm', { skip }, async () => {
  const big = range(20000);
  const when = { some: [range(5000), { '!': { merge: [big, big] } }] };
  const set = {
    format_version: 1, id: 'set', version: '1', models: { m: baseModel() },
    personas: [...range(12).map((i) => ({ id: `p${i}`, when, model: 'm' })), { id: 'default', model: 'm' }],
  };
  const { findings } = await validateModel(set);
  const persona = findings.filter((f) => f.path.startsWith('/personas/')).map((f) => `${f.code} ${f.path}`);
  assert.deepEqual(persona, [
    ...range(8).map((i) => `logic_budget_exceeded /personas/${i}/when`),
    'model_budget_exceeded /personas/8/when',
  ]);
  const dir = tempDir();
  writeFileSync(path.join(dir, 'set.json'), JSON.stringify(set));
  const r = runCli(['validate', '--model', path.join(dir, 'set.json'), '--format', 'json']);
  assert.deepEqual(JSON.parse(r.stdout).findings, findings);
});
