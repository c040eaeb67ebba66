// `npx leadscore` from the npm package as a user installs it (npm pack, installed into an empty
// project): the C++ CLI compiled to WebAssembly for Node gives the native CLI's output bytes and
// exit codes, command by command, over the golden vectors' leads and the examples.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { cliPath, installedPackage, loadVectors, repoRoot } from './support.mjs';

const NOW = '2026-11-23T10:00:00Z';
test('npx leadscore gives the native CLI\'s bytes and exit codes', async (t) => {
  const project = installedPackage();
  const data = path.join(project, 'data');
  mkdirSync(data);
  for (const f of ['leads.csv', 'leads.jsonl', 'events.csv']) copyFileSync(path.join(repoRoot, 'examples', f), path.join(data, f));
  copyFileSync(path.join(repoRoot, 'examples/history/leads-history.csv'), path.join(data, 'history.csv'));
  copyFileSync(path.join(repoRoot, 'examples/accounts/contacts.csv'), path.join(data, 'contacts.csv'));
  // The leads of every golden vector on the default model, one JSON line each.
  const vectorLeads = loadVectors().filter((v) => v.model_ref === 'default' && !v.events)
    .map((v) => JSON.stringify(v.lead)).join('\n');
  writeFileSync(path.join(data, 'vectors.jsonl'), `${vectorLeads}\n`);
  writeFileSync(path.join(data, 'model.json'), readFileSync(path.join(repoRoot, 'examples/models/default.json')));
  copyFileSync(path.join(repoRoot, 'examples/models/accounts.json'), path.join(data, 'accounts.json'));

  const native = (args, input) => spawnSync(cliPath, args, { cwd: project, input, encoding: 'utf8', maxBuffer: 1 << 28 });
  const npx = (args, input) => spawnSync('npx', ['--no-install', 'leadscore', ...args],
    { cwd: project, input, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, npm_config_loglevel: 'error' } });

  const cases = [
    ['version', ['--version']],
    ['score, default model, CSV', ['score', '--now', NOW, 'data/leads.csv']],
    ['score, vectors\' leads, explain', ['score', '--model', 'data/model.json', '--now', NOW, 'data/vectors.jsonl']],
    ['score, summary as CSV, 2 jobs', ['score', '--now', NOW, '--detail', 'summary', '--format', 'csv', '--jobs', '2', 'data/vectors.jsonl']],
    ['score with events', ['score', '--now', NOW, '--events', 'data/events.csv', 'data/leads.csv']],
    ['score, lite data', ['score', '--now', NOW, '--data', 'node_modules/leadscore/dist/data/lite.bin', 'data/leads.jsonl']],
    ['check', ['check', '--now', NOW, 'data/leads.jsonl']],
    ['validate', ['validate', '--model', 'data/model.json']],
    ['accounts', ['accounts', '--model', 'data/accounts.json', '--now', NOW, '--format', 'csv', 'data/contacts.csv']],
    ['evaluate', ['evaluate', '--model', 'data/model.json', '--outcome', 'converted', '--date-column', 'created_at',
      '--capacity', '200/week', 'data/history.csv']],
    ['calibrate report', ['calibrate', '--report', '--outcome', 'converted', '--ignore', 'lead_id,created_at', 'data/history.csv']],
    ['a missing input file', ['score', '--now', NOW, 'data/missing.csv']],
    ['a usage error', ['score', '--jobs', 'many']],
  ];
  for (const [label, args] of cases) {
    await t.test(label, () => {
      const a = native(args);
      const b = npx(args);
      assert.equal(b.stdout, a.stdout);
      assert.equal(b.status, a.status, b.stderr);
      assert.equal(b.stderr.replace(/\r/g, ''), a.stderr);
    });
  }
  await t.test('stdin', () => {
    const input = readFileSync(path.join(repoRoot, 'examples/leads.jsonl'), 'utf8');
    const a = native(['score', '--now', NOW, '-'], input);
    const b = npx(['score', '--now', NOW, '-'], input);
    assert.equal(b.stdout, a.stdout);
    assert.equal(b.status, a.status);
  });
});
