// Every runtime the suites exercise must be here: the native CLI, the wasm modules of the npm
// package, Chromium, PostgreSQL 15 with the extension built, the shared test data. The individual
// suites still say "skip" when one is missing (so a developer running one file sees why), but this
// test fails the run, so `npm test` can never pass with a runtime silently left out.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { CHROMIUM } from './browser-support.mjs';
import { cliPath, repoRoot, sharedDir } from './support.mjs';

const required = [
  ['the native CLI', cliPath, 'bash scripts/build.sh native'],
  ['the full wasm module', path.join(repoRoot, 'dist/leadscore.wasm'), 'bash scripts/build.sh wasm'],
  ['the form wasm module', path.join(repoRoot, 'dist/leadscore-form.wasm'), 'bash scripts/build.sh wasm'],
  ['the full data pack', path.join(repoRoot, 'dist/data/full.bin'), 'bash scripts/build.sh wasm'],
  ['Chromium', CHROMIUM, 'apt-get install chromium (scripts/setup.sh)'],
  ['PostgreSQL 15', '/usr/lib/postgresql/15/bin/postgres', 'apt-get install postgresql-15 (scripts/setup.sh)'],
  ['the PostgreSQL extension', path.join(repoRoot, 'build/native/bindings/postgres/leadscore.so'),
    'apt-get install postgresql-server-dev-15, then bash scripts/build.sh native'],
  ['the X Education leads', path.join(sharedDir, 'datasets/x-education-leads.csv'), 'the ../shared checkout'],
  ['the JsonLogic suite', path.join(sharedDir, 'external/jsonlogic'), 'the ../shared checkout'],
  ['the form-check cases', path.join(sharedDir, 'external/forms'), 'the ../shared checkout'],
];

test('every runtime and data set the suites need is present (a missing one fails, never skips)', () => {
  const missing = required.filter(([, file]) => !existsSync(file));
  assert.deepEqual(missing.map(([what, file, fix]) => `${what}: no ${file} (${fix})`), []);
});
