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
    'dist/leadscore-wasm.cjs', 'dist/leadscore-wasm.mjs', 'dist/api.cjs', 'examples/models/default.json']) {
    assert.ok(files.includes(needed), `package lacks ${needed}`);
  }
  assert.ok(!files.some((f) => f.startsWith('tests/') || f.startsWith('core/')), 'package ships sources or tests');

  const project = path.join(dir, 'app');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(path.join(project, 'package.json'), '{"name":"app","version":"1.0.0","private":true}');
  npm(['install', '--offline', '--no-audit', '--no-fund', path.join(dir, packed[0].filename)], project);

  const lead = JSON.stringify({ seniority: 'vp', company_size: 250 });
  const now = '2026-11-23T10:00:00Z';
  const esm = execFileSync('node', ['--input-type=module', '-e',
    `import { createScorer } from 'leadscore'; const s = await createScorer(); process.stdout.write(s.scoreJson(${lead}, { now: '${now}' }));`],
  { cwd: project, encoding: 'utf8' });
  const cjs = execFileSync('node', ['-e',
    `require('leadscore').createScorer().then((s) => process.stdout.write(s.scoreJson(${lead}, { now: '${now}' })));`],
  { cwd: project, encoding: 'utf8' });
  assert.equal(esm, cjs);
  assert.equal(JSON.parse(esm).model.id, 'default-b2b');
});
