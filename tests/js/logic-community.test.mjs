// The JsonLogic community edition through the npm package (wasm) and the native CLI
// (docs/model-format.md, "The community edition"): the project's own cases
// (tests/logic/community-2025.json, also run natively by tests/cpp/jsonlogic_community_test.cpp),
// evaluateLogic's edition option and its errors, and a model written in the edition scoring the
// same bytes natively and in wasm.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { createScorer, evaluateLogic, LeadscoreError } from '../../bindings/js/node.mjs';
import { repoRoot, scoreWithCli } from './support.mjs';

const NOW = '2026-12-01T00:00:00Z';
const EDITION = { edition: 'community-2025' };
const cases = JSON.parse(readFileSync(path.join(repoRoot, 'tests/logic/community-2025.json'), 'utf8'))
  .filter((c) => typeof c !== 'string');

// A rule is handed over as JSON text (a string argument is JSON text in this API).
const run = (rule, data, options = EDITION) => evaluateLogic(JSON.stringify(rule), JSON.stringify(data ?? null), options);

test('community edition: every case of tests/logic/community-2025.json through wasm', async (t) => {
  assert.equal(cases.length, 110, 'the cases file holds 110 cases (the native suite counts the same)');
  for (const c of cases) {
    await t.test(c.description, async () => {
      if ('error' in c) {
        await assert.rejects(run(c.rule, c.data), (e) => {
          assert.ok(e instanceof LeadscoreError);
          assert.equal(e.code, 'logic_thrown');
          assert.equal(e.thrown.type, c.error.type);
          return true;
        });
      } else {
        assert.deepStrictEqual(await run(c.rule, c.data), c.result);
      }
    });
  }
});

test('community edition: the classic edition stays the default and refuses the new operators', async () => {
  // json-logic-js's answers: NaN (written null) and an empty object that is true.
  assert.equal(await evaluateLogic('{"+": ["ten", 1]}', 'null'), null);
  assert.equal(await evaluateLogic('{"!!": [{"var": "o"}]}', '{"o": {}}'), true);
  assert.equal(await run({ '!!': [{ val: 'o' }] }, { o: {} }), false);
  await assert.rejects(evaluateLogic('{"val": "x"}', '{"x": 1}'), (e) => {
    assert.equal(e.code, 'unknown_operator');
    assert.equal(e.path, '/val');
    assert.match(e.message, /community-2025/);
    return true;
  });
  await assert.rejects(run({ val: 'x' }, {}, { edition: '2025' }), (e) => e.code === 'unknown_logic_edition');
});

test('community edition: an uncaught error names its type only when the rule chose it, and hands the value back', async () => {
  await assert.rejects(run({ throw: 'Blocked domain' }, null), (e) => {
    assert.match(e.message, /"Blocked domain"/);
    assert.deepStrictEqual(e.thrown, { type: 'Blocked domain' });
    return true;
  });
  await assert.rejects(run({ throw: { val: 'email' } }, { email: 'ada.lovelace@example.org' }), (e) => {
    assert.doesNotMatch(e.message, /lovelace/);
    assert.deepStrictEqual(e.thrown, { type: 'ada.lovelace@example.org' });
    return true;
  });
});

test('community edition: a model written in it scores the same bytes natively and in wasm', async () => {
  const model = {
    format_version: 1, id: 'community', version: '1', logic_edition: 'community-2025',
    fields: [
      { name: 'email', type: 'email' }, { name: 'job_title', type: 'string' },
      { name: 'employees', type: 'number' }, { name: 'country', type: 'string' },
    ],
    groups: [{ id: 'fit' }],
    rules: [
      { id: 'leader', group: 'fit', points: 30, when: { starts_with: [{ lower: { '??': [{ val: 'job_title' }, ''] } }, 'head of'] } },
      { id: 'mid_size', group: 'fit', points: 20, when: { '<=': [10, { val: 'employees' }, 500] } },
      { id: 'lean', group: 'fit', points: 10, when: { '>': [{ try: [{ '/': [1000, { val: 'employees' }] }, 0] }, 50] } },
      { id: 'europe', group: 'fit', points: 5, when: { in: [{ upper: { '??': [{ val: 'country' }, ''] } }, ['FR', 'DE', 'ES']] } },
      { id: 'raises', group: 'fit', points: 7, when: { '+': [{ val: 'job_title' }, 1] } },
    ],
    scale: { min: 0, max: 100 },
    bands: [{ id: 'cold', action: 'nurture', from: 0, to: 39 }, { id: 'hot', action: 'call', from: 40, to: 100 }],
  };
  const leads = [
    { email: 'ada@example.org', job_title: 'Head of Sales', employees: 12, country: 'fr' },
    { email: 'bob@example.org', job_title: 'Engineer', employees: 4000 },
    { email: 'eve@example.org' },
    { email: 'max@example.org', job_title: '42', employees: 0, country: 'de' },
  ];
  const scorer = await createScorer(model);
  const cli = scoreWithCli(JSON.stringify(model), leads, NOW);
  assert.equal(cli.length, leads.length);
  for (const [i, lead] of leads.entries()) {
    const text = scorer.scoreJson(lead, { now: NOW });
    assert.equal(cli[i].text, text, `lead ${i}: native and wasm bytes`);
  }
  const first = JSON.parse(scorer.scoreJson(leads[0], { now: NOW }));
  assert.equal(first.raw_points, 30 + 20 + 10 + 5);  // "Head of Sales" + 1 raises NaN: no points, a warning
  const warning = first.warnings.find((w) => w.code === 'rule_failed');
  assert.equal(warning.path, '/rules/4/when');
  assert.match(warning.message, /"NaN"/);
  // employees 0: the division raises NaN inside try, which answers 0 (not lean); "42" + 1 is 43.
  const last = JSON.parse(scorer.scoreJson(leads[3], { now: NOW }));
  assert.equal(last.raw_points, 5 + 7);
  scorer.dispose();
});
