// Bounded JsonLogic evaluation through the npm package (docs/model-format.md, "JsonLogic dialect",
// item 3): hostile rules end in a LeadscoreError with a stable code, never in a crash, a hang or
// an exhausted wasm heap; and the module keeps working afterwards.
import test from 'node:test';
import assert from 'node:assert/strict';

import { evaluateLogic, LeadscoreError } from 'leadscore';

/** Asserts that `promise` rejects with a LeadscoreError of `code` (and `path` when given). */
async function rejectsWith(promise, code, path) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof LeadscoreError, `expected a LeadscoreError, got ${error}`);
    assert.equal(error.code, code, error.message);
    if (path !== undefined) assert.equal(error.path, path);
    assert.ok(error.message.length > 0);
    return true;
  });
}

async function stillWorks() {
  assert.equal(await evaluateLogic({ '+': [1, { var: 'a' }] }, { a: 2 }), 3);
}

test('a rule nested 10,000 levels deep is rejected with json_too_deep', async () => {
  const depth = 10000;
  // Built as text: {"!":{"!":...{"!":true}...}} (objects) and [[[...]]] (arrays).
  const objects = '{"!":'.repeat(depth) + 'true' + '}'.repeat(depth);
  await rejectsWith(evaluateLogic(objects, '{}'), 'json_too_deep');
  const arrays = '['.repeat(depth) + '1' + ']'.repeat(depth);
  await rejectsWith(evaluateLogic(arrays, '{}'), 'json_too_deep');
  // Deep data is refused the same way.
  await rejectsWith(evaluateLogic('{"var":"a"}', '{"a":' + '['.repeat(depth) + ']'.repeat(depth) + '}'), 'json_too_deep');
  await stillWorks();
});

test('a rule that needs too many steps fails with logic_budget_exceeded', async () => {
  const xs = Array.from({ length: 2000 }, (_, i) => i);
  // 2,000 x 2,000 inner evaluations: far over the 1,000,000-step budget.
  const rule = { map: [{ var: 'xs' }, { map: [xs, { '*': [{ var: '' }, 2] }] }] };
  const started = Date.now();
  await rejectsWith(evaluateLogic(rule, { xs }), 'logic_budget_exceeded');
  assert.ok(Date.now() - started < 10000, 'the budget should stop the evaluation early');
  // The same shape over a small array is fine.
  assert.deepEqual(await evaluateLogic({ map: [{ var: 'xs' }, { map: [[1, 2], { '*': [{ var: '' }, 2] }] }] }, { xs: [0, 1] }),
    [[2, 4], [2, 4]]);
  await stillWorks();
});

test('a cat that builds more than 1 MiB fails with logic_value_too_large', async () => {
  const s = 'x'.repeat(1024);
  // 1,100 x 1,024 characters = 1,126,400 > 1,048,576.
  await rejectsWith(evaluateLogic({ cat: Array(1100).fill({ var: 's' }) }, { s }), 'logic_value_too_large');
  // Growing by doubling in a reduce hits the same bound.
  const doubling = { reduce: [{ var: 'steps' }, { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, { var: 's' }] };
  await rejectsWith(evaluateLogic(doubling, { s, steps: Array(12).fill(0) }), 'logic_value_too_large');
  // Exactly at the bound (1,024 x 1,024 characters) is allowed.
  const atLimit = await evaluateLogic({ cat: Array(1024).fill({ var: 's' }) }, { s });
  assert.equal(atLimit.length, 1 << 20);
  await stillWorks();
});

test('an unknown operator fails with unknown_operator and the path of the operator', async () => {
  await rejectsWith(evaluateLogic({ regex: ['a', 'b'] }), 'unknown_operator', '/regex');
  await rejectsWith(evaluateLogic({ and: [{ '==': [1, 1] }, { if: [true, 1, { regex: ['^a', { var: 'x' }] }] }] }),
    'unknown_operator', '/and/1/if/2/regex');
  // At compile time: even in a branch that would never run, and with no data at all.
  await rejectsWith(evaluateLogic({ if: [false, { 'Array.prototype.map': [] }, 1] }), 'unknown_operator', '/if/1/Array.prototype.map');
  // JSON pointer escaping of the operator name ("~" -> "~0", "/" -> "~1").
  await rejectsWith(evaluateLogic({ '!': { 'a/b~c': 1 } }), 'unknown_operator', '/!/a~1b~0c');
  await stillWorks();
});
