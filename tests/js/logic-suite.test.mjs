// The official JsonLogic conformance suite (jsonlogic.com/tests.json, 278 cases, vendored at
// ../shared/external/jsonlogic/tests.json or $LEADSCORE_SHARED_DIR/external/jsonlogic/tests.json),
// evaluated through the npm package (wasm). The native build runs the same file in
// tests/cpp/jsonlogic_suite_test.cpp.
//
// Equality is JSON equality: numbers compare as values (1 and 1.0 are equal once parsed), object
// keys in any order.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { evaluateLogic } from 'leadscore';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sharedDir = process.env.LEADSCORE_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
const suitePath = path.join(sharedDir, 'external/jsonlogic/tests.json');

// Entries are section comments (strings) or [rule, data, expected].
const cases = [];
let section = '';
for (const entry of JSON.parse(readFileSync(suitePath, 'utf8'))) {
  if (typeof entry === 'string') {
    section = entry.replace(/^#\s*/, '');
    continue;
  }
  const [rule, data, expected] = entry;
  cases.push({ section, rule, data, expected });
}

test('the JsonLogic suite has 278 cases', () => {
  assert.equal(cases.length, 278, `${suitePath} holds ${cases.length} cases`);
});

test('JsonLogic suite: every case gives the expected result through the wasm package', async (t) => {
  for (const [i, c] of cases.entries()) {
    const label = `#${i + 1} (${c.section}): ${JSON.stringify(c.rule)} on ${JSON.stringify(c.data)}`;
    await t.test(label, async () => {
      // JSON text, not values: evaluateLogic takes a string argument as JSON text, and some rules
      // are plain strings (e.g. "apple").
      const result = await evaluateLogic(JSON.stringify(c.rule), JSON.stringify(c.data));
      assert.deepStrictEqual(result, c.expected);
    });
  }
});
