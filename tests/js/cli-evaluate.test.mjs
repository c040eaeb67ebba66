// `leadscore evaluate` through the native CLI: a hand-written model on a hand-made history with a
// date column and a weekly capacity (every figure computed by hand below), text and JSON output,
// records that cannot be used (listed by line, exit 1), usage errors, and 1,000,000 rows.
// Binary: build/native/bindings/cli/leadscore or $LEADSCORE_CLI.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliPath, runCli, tempDir } from './support.mjs';

const skip = existsSync(cliPath) ? false : `CLI binary not built: ${cliPath}`;
const dir = tempDir();
const file = (name, text) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

// Score = points (scale 0..100): web 80, email 40, ads 0. Bands low 0-49, high 50-100.
const MODEL = file('model.json', JSON.stringify({
  format_version: 1, id: 'eval-test', version: '2',
  fields: [{ name: 'source', type: 'string', column: 'Lead Source' }],
  groups: [{ id: 'fit' }],
  rules: [
    { id: 'web', group: 'fit', points: 80, when: { '==': [{ var: 'source' }, 'web'] } },
    { id: 'email', group: 'fit', points: 40, when: { '==': [{ var: 'source' }, 'email'] } },
  ],
  scale: { min: 0, max: 100 },
  bands: [{ id: 'low', action: 'nurture', from: 0, to: 49 }, { id: 'high', action: 'call', from: 50, to: 100 }],
}));

// 10 leads over ISO weeks 47 (Mon 2026-11-16), 48 (2026-11-23) and 49 (2026-11-30); 4 won.
//   web: 4 leads, 3 won; email: 3 leads, 1 won; ads: 3 leads, 0 won.
// AUC over 4 x 6 = 24 (positive, negative) pairs, ties half: each won web lead beats 2 email + 3
//   ads negatives and ties the lost web lead: 5.5, x3 = 16.5; the won email lead beats 3 ads and
//   ties 2 email: 4. (16.5 + 4) / 24 = 0.854166...
// Bands: high = the 4 web leads, 3 won: share 0.4, rate 0.75, lift 0.75 / 0.4 = 1.875.
//   low = 6 leads, 1 won: rate 1/6, lift (1/6) / 0.4 = 0.41666...
// Weeks: W47 4 leads (2 won; high 2, low 2), W48 3 (1 won; high 1, low 2), W49 3 (1 won; 1, 2).
// Capacity 2/week over 3 weeks: T = 41..80 keeps the 4 web leads, 4/3 <= 2; T = 40 adds the 3
//   email leads, 7/3 > 2. So the threshold is 41: 4 leads, 3 conversions, recall 3/4, rate 3/4.
const ROWS = [
  ['2026-11-16', 'web', 'yes'], ['2026-11-17', 'web', 'no'], ['2026-11-18', 'email', 'yes'],
  ['2026-11-19', 'ads', 'no'], ['2026-11-24', 'web', 'yes'], ['2026-11-25', 'email', 'no'],
  ['2026-11-26', 'ads', 'no'], ['2026-12-01', 'email', 'no'], ['2026-12-02', 'ads', 'no'],
  ['2026-12-03', 'web', 'yes'],
];
const HISTORY = file('history.csv', ['Created,Lead Source,Won', ...ROWS.map((r) => r.join(','))].join('\n') + '\n');
const ARGS = ['evaluate', '--model', MODEL, '--outcome', 'Won', '--date-column', 'Created', '--capacity', '2/week'];
const close = (got, want, label) => assert.ok(Math.abs(got - want) < 1e-4, `${label}: ${got} vs ${want}`);

test('evaluate --format json: AUC, bands, weeks and the capacity threshold by hand', { skip }, () => {
  const r = runCli([...ARGS, '--format', 'json', HISTORY]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.split('\n').length, 2, 'one line and a newline');
  const e = JSON.parse(r.stdout);
  assert.deepEqual(e.rows, { total: 10, scored: 10, errors: 0 });
  assert.deepEqual(e.overall, { count: 10, conversions: 4, rate: 0.4 });
  assert.equal(e.ranking, 'points');
  close(e.metrics.auc, 20.5 / 24, 'auc');
  assert.equal(e.metrics.log_loss, null);
  const high = e.bands.find((b) => b.id === 'high');
  const low = e.bands.find((b) => b.id === 'low');
  assert.deepEqual([high.count, high.conversions], [4, 3]);
  close(high.share, 0.4, 'share');
  close(high.lift, 1.875, 'high lift');
  close(low.lift, 1 / 6 / 0.4, 'low lift');
  assert.equal(e.periods.unit, 'week');
  assert.deepEqual(e.periods.items.map((p) => [p.period, p.start, p.count, p.conversions, p.bands.high, p.bands.low]), [
    ['2026-W47', '2026-11-16', 4, 2, 2, 2],
    ['2026-W48', '2026-11-23', 3, 1, 1, 2],
    ['2026-W49', '2026-11-30', 3, 1, 1, 2],
  ]);
  assert.equal(e.capacity.threshold_score, 41);
  assert.equal(e.capacity.periods, 3);
  assert.deepEqual([e.capacity.leads, e.capacity.conversions], [4, 3]);
  close(e.capacity.recall, 0.75, 'recall');
  assert.equal(e.deciles.length, 10);
  assert.deepEqual(e.deciles.map((d) => d.count), Array(10).fill(1));
  assert.deepEqual(e.deciles.slice(0, 4).map((d) => d.score_max), [80, 80, 80, 80]);
});

test('evaluate text: metrics, deciles, bands, weeks and the capacity line', { skip }, () => {
  const r = runCli([...ARGS, HISTORY]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Model eval-test 2 /);
  assert.match(r.stdout, /Rows: 10 read, 10 scored, 0 errors/);
  assert.match(r.stdout, /ROC AUC 0\.854[12]/);
  assert.match(r.stdout, /^\s+high\s+4\s+40\.0 %\s+3\s+75\.0 %\s+1\.88x$/m);
  assert.match(r.stdout, /^\s+2026-W48\s+2026-11-23\s+3\s+1\s/m);
  assert.match(r.stdout, /Capacity 2\/week: score >= 41 gives 4 leads over 3 period\(s\)/);
  assert.match(r.stdout, /recall 75\.0 %/);
});

test('--history H.csv is the input too; --period month', { skip }, () => {
  const r = runCli(['evaluate', '--model', MODEL, '--outcome', 'Won', '--date-column', 'Created',
    '--period', 'month', '--format', 'json', '--history', HISTORY]);
  assert.equal(r.status, 0, r.stderr);
  const e = JSON.parse(r.stdout);
  assert.deepEqual(e.periods.items.map((p) => [p.period, p.count]), [['2026-11', 7], ['2026-12', 3]]);
  assert.equal(e.capacity, null);
});

test('records that cannot be used are listed by line and give exit 1; the rest is evaluated', { skip }, () => {
  const bad = file('bad.csv', 'Created,Lead Source,Won\n2026-11-16,web,yes\n2026-11-17,web,SECRET\n' +
    'not-a-date,ads,no\n2026-11-19,ads,no\n2026-11-20,email,yes\n');
  const r = runCli([...ARGS, '--format', 'json', bad]);
  assert.equal(r.status, 1);
  const e = JSON.parse(r.stdout);
  assert.deepEqual(e.rows, { total: 5, scored: 3, errors: 2 });
  assert.deepEqual(e.errors.map((x) => x.line), [3, 4]);
  assert.ok(!r.stdout.includes('SECRET') && !r.stderr.includes('SECRET'));
  assert.match(r.stderr, /2 records could not be used/);
  const text = runCli([...ARGS, bad]);
  assert.equal(text.status, 1);
  assert.match(text.stdout, /line 3: /);
});

test('usage and file errors: exit 2 for flags, options and models, 3 for files', { skip }, () => {
  let r = runCli(['evaluate', '--outcome', 'Won', HISTORY]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--model M\.json is required/);
  r = runCli(['evaluate', '--model', MODEL, HISTORY]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--outcome COL is required/);
  r = runCli(['evaluate', '--model', MODEL, '--outcome', 'Won', '--wat', HISTORY]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown option --wat/);
  r = runCli(['evaluate', '--model', MODEL, '--outcome', 'Won', '--capacity', 'lots', HISTORY]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--capacity/);
  r = runCli(['evaluate', '--model', MODEL, '--outcome', 'Won', '--history', HISTORY, HISTORY]);
  assert.equal(r.status, 2);
  r = runCli(['evaluate', '--model', file('broken.json', '{'), '--outcome', 'Won', HISTORY]);
  assert.equal(r.status, 2);
  r = runCli(['evaluate', '--model', path.join(dir, 'none.json'), '--outcome', 'Won', HISTORY]);
  assert.equal(r.status, 3);
  r = runCli(['evaluate', '--model', MODEL, '--outcome', 'Won', path.join(dir, 'none.csv')]);
  assert.equal(r.status, 3);
});

test('1,000,000 rows stream through evaluate', { skip }, () => {
  const channels = ['web', 'email', 'ads', 'event', 'partner'];
  const lines = ['Lead Source,visits,Won'];
  for (let i = 0; i < 1_000_000; i++) {
    const c = i % 5;
    const visits = (i * 7) % 100;
    lines.push(`${channels[c]},${visits},${(c + visits) % 4 === 0 ? 1 : 0}`);
  }
  const big = file('million.csv', lines.join('\n') + '\n');
  const r = runCli(['evaluate', '--model', MODEL, '--outcome', 'Won', '--format', 'json', big]);
  assert.equal(r.status, 0, r.stderr);
  const e = JSON.parse(r.stdout);
  assert.deepEqual(e.rows, { total: 1_000_000, scored: 1_000_000, errors: 0 });
  assert.equal(e.deciles.reduce((n, d) => n + d.count, 0), 1_000_000);
});

test('--jobs: the same evaluation on 1, 2 and 3 threads, errors listed in line order across batches', { skip }, () => {
  // 5,000 rows (several batches of 1,024), a bad outcome or date every so often, so errors and
  // rows from different batches and threads must come back in file order.
  const channels = ['web', 'email', 'ads', 'event', 'partner'];
  const lines = ['Created,Lead Source,Won'];
  for (let i = 0; i < 5000; i++) {
    const day = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const outcome = i % 997 === 5 ? 'maybe' : (i * 13) % 7 < 2 ? 'yes' : 'no';
    lines.push(`${i % 1500 === 700 ? 'someday' : day},${channels[(i * 3) % 5]},${outcome}`);
  }
  const history = file('jobs.csv', lines.join('\n') + '\n');
  const runs = ['1', '2', '3'].map((jobs) => runCli([...ARGS, '--format', 'json', '--jobs', jobs, history]));
  for (const r of runs) {
    assert.equal(r.status, 1, r.stderr);  // the bad rows
    assert.equal(r.stdout, runs[0].stdout);
  }
  const e = JSON.parse(runs[0].stdout);
  assert.equal(e.rows.total, 5000);
  const errorLines = e.errors.map((x) => x.line);
  assert.ok(errorLines.length >= 8, `only ${errorLines.length} errors`);
  assert.deepEqual(errorLines, [...errorLines].sort((a, b) => a - b));
  const bad = runCli([...ARGS, '--jobs', '0', history]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--jobs must be a whole number/);
});
