// A host application keeps its own error handling once it uses leadscore: the module installs no
// process-wide handlers (wasm/CMakeLists.txt, NODEJS_CATCH_*). Each case runs one small app twice,
// once as is and once after loading leadscore (ESM and CommonJS entry points) and scoring a lead,
// and requires the same exit code and the same stderr from both runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { repoRoot, tempDir } from './support.mjs';

// What the app does after (maybe) loading leadscore. Each body ends the process its own way.
const apps = {
  'an unhandled rejection without a handler': `Promise.reject(new Error('my app bug'));`,
  'an uncaught exception without a handler': `setTimeout(() => { throw new Error('my app bug'); }, 0);`,
  'its own unhandledRejection handler': `
    process.on('unhandledRejection', (reason) => { console.log('handled:', reason.message); process.exitCode = 3; });
    Promise.reject(new Error('my app bug'));`,
  'its own uncaughtException handler': `
    process.on('uncaughtException', (error) => { console.log('handled:', error.message); });
    setTimeout(() => { throw new Error('my app bug'); }, 0);
    setTimeout(() => console.log('still running'), 20);`,
  'an exit code of its own': `process.exitCode = 5;`,
};

const loaders = {
  esm: `const { createScorer } = await import(${JSON.stringify(path.join(repoRoot, 'bindings/js/node.mjs'))});`,
  cjs: `const { createScorer } = (await import('node:module')).createRequire(import.meta.url)(${JSON.stringify(path.join(repoRoot, 'bindings/js/index.cjs'))});`,
};

function run(dir, name, loader, body) {
  const file = path.join(dir, `${name}.mjs`);
  const load = loader
    ? `${loaders[loader]}
       const scorer = await createScorer();
       if (scorer.score({ seniority: 'vp' }, { now: '2026-11-23T10:00:00Z' }).model.id !== 'default-b2b') throw new Error('no score');`
    : '';
  writeFileSync(file, `${load}\n${body}\n`);
  // Node's report of an error quotes the file: it becomes APP so the runs compare.
  const result = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.replaceAll(file, 'APP') };
}

for (const [label, body] of Object.entries(apps)) {
  test(`host app with ${label}: the same behaviour with leadscore loaded`, () => {
    const dir = tempDir();
    const bare = run(dir, 'bare', null, body);
    for (const loader of Object.keys(loaders)) {
      const withLeadscore = run(dir, `with-${loader}`, loader, body);
      assert.equal(withLeadscore.status, bare.status, `${loader}: exit code`);
      assert.equal(withLeadscore.stdout, bare.stdout, `${loader}: stdout`);
      assert.equal(normalizeLines(withLeadscore.stderr), normalizeLines(bare.stderr), `${loader}: stderr`);
      assert.ok(withLeadscore.stderr.length < 4096, `${loader}: ${withLeadscore.stderr.length} B on stderr`);
    }
  });
}

// Node's report quotes the throwing line and its position (APP:LINE:COL) and the stack; the apps
// differ by the lines that load leadscore before the body (and the awaits in them), so positions
// are compared without line numbers and the stack as one line.
function normalizeLines(stderr) {
  return stderr.replace(/APP:\d+(:\d+)?/g, 'APP:L').replace(/(^\s*at .*\n)+/gm, '    at …\n');
}
