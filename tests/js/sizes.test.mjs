// What a browser downloads, and the data packs, stay within their ceilings. Sizes are deterministic
// for a given toolchain, so they are tests (issue 14, "Budgets as tests"); scripts/bundle-sizes.mjs
// measures them as `npm run bench` does (docs/benchmarks.md, "Sizes").
//
// The ceilings are today's sizes with a little room, so that nothing grows unnoticed. They are not
// yet the targets: `leadscore/form` at most 180 KB gzip (it is 235 KB: 13 KB of JS, 147 KB
// of code, 69 KB of data, of which 33 KB the lite pack) and the full pack at most 700 KB gzip (it
// is 835 KB). Lower a ceiling whenever a change makes room; never raise one without saying why.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import zlib from 'node:zlib';

import { entrySizes } from '../../scripts/bundle-sizes.mjs';
import { repoRoot } from './support.mjs';

const KB = 1000;
const gzip = (file) => zlib.gzipSync(readFileSync(path.join(repoRoot, file)), { level: 9 }).length;

test('what a browser downloads for each entry point (JS + .wasm, gzip -9)', async () => {
  const sizes = Object.fromEntries((await entrySizes()).map((e) => [e.name, e]));
  assert.ok(sizes['leadscore/form'].total.gzip <= 240 * KB, `leadscore/form: ${sizes['leadscore/form'].total.gzip} B`);
  assert.ok(sizes['leadscore/form'].js.gzip <= 15 * KB, `leadscore/form JS: ${sizes['leadscore/form'].js.gzip} B`);
  assert.ok(sizes.leadscore.total.gzip <= 480 * KB, `leadscore: ${sizes.leadscore.total.gzip} B`);
  // The form module is the smaller one, by what it leaves out.
  assert.ok(sizes['leadscore/form'].wasm.gzip < sizes.leadscore.wasm.gzip / 2);
});

test('the data packs (gzip -9)', () => {
  assert.ok(gzip('dist/data/lite.bin') <= 35 * KB, `lite: ${gzip('dist/data/lite.bin')} B`);
  assert.ok(gzip('dist/data/full.bin') <= 840 * KB, `full: ${gzip('dist/data/full.bin')} B`);
});
