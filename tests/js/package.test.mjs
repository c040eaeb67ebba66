// The npm package as a user installs it: `npm pack`, install the tarball into an empty project,
// then import (ESM) and require (CommonJS) it from there and score a lead.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { repoRoot, tempDir } from './support.mjs';

const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });

test('npm pack -> install into an empty project -> import and require work', () => {
  const dir = tempDir();
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], repoRoot));
  const files = packed[0].files.map((f) => f.path);
  for (const needed of ['bindings/js/node.mjs', 'bindings/js/browser.mjs', 'bindings/js/index.cjs', 'bindings/js/index.d.ts',
    'bindings/js/form-node.mjs', 'bindings/js/form-browser.mjs', 'bindings/js/form.cjs', 'bindings/js/form.d.ts',
    'dist/leadscore.mjs', 'dist/leadscore.wasm', 'dist/leadscore-form.mjs', 'dist/leadscore-form.wasm', 'dist/api.cjs',
    'dist/api.mjs', 'examples/models/default.json', 'LICENSE', 'README.md']) {
    assert.ok(files.includes(needed), `package lacks ${needed}`);
  }
  // Each module once: its .wasm file, one glue that every entry point shares; each data pack once;
  // the CLI for npx; the JS API once per module system (dist/api.mjs, dist/api.cjs: bundled from
  // bindings/js/api.mjs and its modules, which are not shipped as well).
  assert.deepEqual(files.filter((f) => f.startsWith('dist/')).sort(),
    ['dist/api.cjs', 'dist/api.mjs', 'dist/data/full.bin', 'dist/data/lite.bin', 'dist/leadscore-cli.cjs', 'dist/leadscore-cli.wasm',
      'dist/leadscore-form.mjs', 'dist/leadscore-form.wasm', 'dist/leadscore.mjs', 'dist/leadscore.wasm',
      'dist/types/model.d.ts', 'dist/types/result.d.ts']);
  assert.ok(!files.some((f) => f.startsWith('tests/') || f.startsWith('core/')), 'package ships sources or tests');
  for (const source of ['api.mjs', 'scorer.mjs', 'errors.mjs', 'handles.mjs', 'data-packs.mjs', 'text-bytes.mjs'])
    assert.ok(!files.includes(`bindings/js/${source}`), `bindings/js/${source} is shipped besides dist/api.mjs`);

  const project = path.join(dir, 'app');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(path.join(project, 'package.json'), '{"name":"app","version":"1.0.0","private":true,"type":"module"}');
  npm(['install', '--offline', '--no-audit', '--no-fund', path.join(dir, packed[0].filename)], project);

  const lead = JSON.stringify({ seniority: 'vp', company_size: 250 });
  const now = '2026-11-23T10:00:00Z';
  // One lead scored in a fresh process through `entry`, imported (ESM) or required (CommonJS).
  const scoreThrough = (entry, esmodule) => execFileSync('node', esmodule
    ? ['--input-type=module', '-e', `import { createScorer } from '${entry}'; const s = await createScorer(); process.stdout.write(s.scoreJson(${lead}, { now: '${now}' }));`]
    : ['-e', `require('${entry}').createScorer().then((s) => process.stdout.write(s.scoreJson(${lead}, { now: '${now}' })));`],
  { cwd: project, encoding: 'utf8' });
  const esm = scoreThrough('leadscore', true);
  assert.equal(scoreThrough('leadscore', false), esm);
  assert.equal(JSON.parse(esm).model.id, 'default-b2b');
  // leadscore/form gives the same bytes, through import and require.
  assert.equal(scoreThrough('leadscore/form', true), esm);
  assert.equal(scoreThrough('leadscore/form', false), esm);

  // The declarations resolve from the installed package (index.d.ts imports the generated
  // dist/types/): a typed model compiles, a misspelt key does not.
  writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [] },
    files: ['app.ts'],
  }));
  const typedApp = (extraKey) => `import { createScorer, type ModelFile, type ScoreResult } from 'leadscore';
const model: ModelFile = { format_version: 1, id: 'm', version: '1', fields: [{ name: 'seniority', type: 'string' }],
  groups: [{ id: 'fit' }], rules: [{ id: 'vp', group: 'fit', points: 10, when: { '==': [{ var: 'seniority' }, 'vp'] } }],
  scale: { min: 0, max: 10 }, bands: [{ id: 'all', action: 'call', from: 0, to: 100 }]${extraKey} };
const scorer = await createScorer(model);
const result: ScoreResult = scorer.score({ seniority: 'vp' }, { now: '${now}' });
console.log(result.score);
`;
  const tsc = (source) => {
    writeFileSync(path.join(project, 'app.ts'), source);
    try {
      execFileSync(path.join(repoRoot, 'node_modules/.bin/tsc'), ['-p', project], { encoding: 'utf8' });
      return '';
    } catch (e) {
      return e.stdout;
    }
  };
  assert.equal(tsc(typedApp('')), '');
  assert.match(tsc(typedApp(", scael: { min: 0, max: 1 }")), /error TS2353|error TS2561/);
});
