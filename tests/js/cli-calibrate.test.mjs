// `leadscore calibrate` through the native CLI, as a user runs it: the close-rate report in its
// three formats (figures computed by hand below), a model that `leadscore score` then loads, the
// fit report, the X Education protocol's AUC floor, and bad input (errors name lines, never values;
// exit codes of the help text). Binary: build/native/bindings/cli/leadscore or $LEADSCORE_CLI.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliPath, runCli, sharedDir, tempDir } from './support.mjs';

const skip = existsSync(cliPath) ? false : `CLI binary not built: ${cliPath}`;
const dir = tempDir();
const file = (name, text) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

// 10 leads, 4 conversions (overall 0.4). source=web: 4 leads, 3 won -> rate 0.75, lift 0.75/0.4 =
// 1.875; shrunk with m = 20: (3 + 20*0.4)/(4 + 20) = 11/24 = 0.45833 -> 0.4583; points =
// round((0.45833 - 0.4) * 100) = round(5.83) = 6. size=small: 5 leads, 3 won -> 0.6, lift 1.5,
// shrunk (3 + 8)/25 = 0.44, points round(4) = 4. email: 1 of 4 -> shrunk 9/24 = 0.375, points
// round(-2.5) = -3 (half away from zero).
const HISTORY = file('history.csv', [
  'id,source,size,won',
  '1,web,small,yes', '2,web,large,no', '3,web,small,yes', '4,web,large,yes',
  '5,email,small,no', '6,email,large,no', '7,email,small,yes', '8,email,large,no',
  '9,ads,small,no', '10,ads,large,no',
].join('\n') + '\n');
const REPORT = ['calibrate', '--outcome', 'won', '--ignore', 'id', '--test-every', '0', '--report'];

test('calibrate --report --format json: counts, rates, lift, shrinkage and points by hand', { skip }, () => {
  const r = runCli([...REPORT, '--format', 'json', HISTORY]);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.rows, { total: 10, train: 10, test: 0 });
  assert.deepEqual(report.overall, { count: 10, conversions: 4, rate: 0.4 });
  assert.deepEqual(report.columns.map((c) => c.name), ['source', 'size']);
  const web = report.columns[0].values.find((v) => v.value === 'web');
  assert.equal(web.count, 4);
  assert.equal(web.conversions, 3);
  assert.equal(web.rate, 0.75);
  assert.equal(web.lift, 1.875);
  assert.equal(web.shrunk_rate, 0.4583);
  assert.equal(web.points, 6);
  const email = report.columns[0].values.find((v) => v.value === 'email');
  assert.equal(email.points, -3);
  const small = report.columns[1].values.find((v) => v.value === 'small');
  assert.deepEqual([small.count, small.conversions, small.rate, small.lift, small.points], [5, 3, 0.6, 1.5, 4]);
});

test('calibrate --report --format csv: one row per column and value, numbers as in the JSON', { skip }, () => {
  const r = runCli([...REPORT, '--format', 'csv', HISTORY]);
  assert.equal(r.status, 0, r.stderr);
  const rows = r.stdout.trimEnd().split('\n').map((l) => l.split(','));
  assert.deepEqual(rows[0], ['column', 'kind', 'value', 'from', 'to', 'count', 'conversions', 'rate', 'lift',
    'ci_low', 'ci_high', 'shrunk_rate', 'points', 'significant']);
  assert.equal(rows.length, 1 + 3 + 2);
  const web = rows.find((c) => c[0] === 'source' && c[2] === 'web');
  assert.deepEqual([web[5], web[6], web[7], web[8], web[11], web[12]], ['4', '3', '0.75', '1.875', '0.4583', '6']);
});

test('calibrate --report (table, the default): the overall line and an aligned row per value', { skip }, () => {
  const r = runCli([...REPORT, HISTORY]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Overall: 4 conversions of 10 = 40\.0 %/);
  const web = r.stdout.split('\n').find((l) => /^\s+web\s/.test(l));
  assert.match(web, /\s4\s+3\s+75\.0 %.*1\.88.*\+6$/);
  const header = r.stdout.split('\n').find((l) => /^\s+value\s/.test(l));
  assert.equal(header.length, web.length, 'columns aligned');
});

test('calibrate writes a model that score loads; the fit report says converged', { skip }, () => {
  const out = path.join(dir, 'model.json');
  const fit = path.join(dir, 'fit.json');
  const r = runCli(['calibrate', '--outcome', 'won', '--ignore', 'id', '--test-every', '0', '--id', 'hand',
    '--out', out, '--fit-report', fit, HISTORY]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /fit: \d+ Newton iterations, converged \(max gradient [^)]+\) in \d+(\.\d)? ms/);
  const text = readFileSync(out, 'utf8');
  assert.ok(text.endsWith('}\n') && text.startsWith('{\n  "'), 'pretty JSON with a trailing newline');
  const model = JSON.parse(text);
  assert.equal(model.id, 'hand');
  assert.ok(model.probability && model.probability.points_to_double_odds === 20);
  assert.ok(model.description.includes('history.csv') && !model.description.includes(dir), 'base name only');
  const report = JSON.parse(readFileSync(fit, 'utf8'));
  assert.equal(report.fit.converged, true);
  assert.ok(report.metrics.train.auc > 0.5);

  const scored = runCli(['score', '--model', out, '--now', '2026-11-23T09:30:00Z', HISTORY]);
  assert.equal(scored.status, 0, scored.stderr);
  const results = scored.stdout.trim().split('\n').map((l) => JSON.parse(l).result);
  assert.equal(results.length, 10);
  for (const res of results) assert.ok(res.probability > 0 && res.probability < 1);
  // web/small converts most, ads/large least: the exported points keep that order.
  assert.ok(results[0].points > results[9].points);
});

test('calibrate without --out writes the model on stdout; stdin is named "stdin"', { skip }, () => {
  const r = runCli(['calibrate', '--outcome', 'won', '--ignore', 'id', '--test-every', '0', '-'],
    readFileSync(HISTORY, 'utf8'));
  assert.equal(r.status, 0, r.stderr);
  const model = JSON.parse(r.stdout);
  assert.ok(model.description.includes('stdin'));
  assert.ok(r.stdout.endsWith('\n'));
});

const X_EDUCATION = path.join(sharedDir, 'datasets/x-education-leads.csv');
const PRE_CONTACT_IGNORE = ['Prospect ID', 'Lead Number', 'Tags', 'Lead Quality', 'Lead Profile',
  'Asymmetrique Activity Index', 'Asymmetrique Profile Index', 'Asymmetrique Activity Score',
  'Asymmetrique Profile Score', 'Last Notable Activity'];

test('X Education, pre-contact columns: the exported points model reaches test AUC >= 0.885',
  { skip: skip || (!existsSync(X_EDUCATION) && `no ${X_EDUCATION}`) }, () => {
    const out = path.join(dir, 'x-model.json');
    const fit = path.join(dir, 'x-fit.json');
    const r = runCli(['calibrate', '--outcome', 'Converted', '--ignore', PRE_CONTACT_IGNORE.join(','),
      '--out', out, '--fit-report', fit, X_EDUCATION]);
    assert.equal(r.status, 0, r.stderr);
    const metrics = JSON.parse(readFileSync(fit, 'utf8')).metrics;
    assert.ok(metrics.test_exported.auc >= 0.885, `exported test AUC ${metrics.test_exported.auc}`);
    assert.match(r.stderr, /test AUC 0\.\d{4} \(continuous\) vs 0\.\d{4} \(exported points\)/);
  });

test('--scale, --bands and --band-shares shape the exported scale and bands; the summary shows the test rows\' bands',
  { skip: skip || (!existsSync(X_EDUCATION) && `no ${X_EDUCATION}`) }, () => {
    const out = path.join(dir, 'x-scale.json');
    const fit = path.join(dir, 'x-scale-fit.json');
    let r = runCli(['calibrate', '--outcome', 'Converted', '--ignore', PRE_CONTACT_IGNORE.join(','),
      '--band-shares', '70,20,10', '--out', out, '--fit-report', fit, X_EDUCATION]);
    assert.equal(r.status, 0, r.stderr);
    const { metrics } = JSON.parse(readFileSync(fit, 'utf8'));
    const hot = metrics.bands.find((b) => b.id === 'hot');
    assert.ok(hot.share > 0.05 && hot.share < 0.15, `hot share ${hot.share}`);
    assert.match(r.stderr, /^bands \(test rows\): cold 0-\d+ \d+ leads [\d.]+ %, [\d.]+ % converted; warm .*; hot \d+-100 .*; score 0: [\d.]+ %$/m);
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8'))['x-calibration'].options.band_shares, [70, 20, 10]);
    r = runCli(['calibrate', '--outcome', 'Converted', '--ignore', PRE_CONTACT_IGNORE.join(','),
      '--scale', 'odds', '--bands', 'fixed', '--out', out, X_EDUCATION]);
    assert.equal(r.status, 0, r.stderr);
    const model = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(model.bands.map((b) => [b.from, b.to]), [[0, 29], [30, 69], [70, 100]]);
    r = runCli(['calibrate', '--outcome', 'Converted', '--band-shares', '50,30,x', X_EDUCATION]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--band-shares needs comma-separated numbers/);
    r = runCli(['calibrate', '--outcome', 'Converted', '--band-shares', '50,30,10', X_EDUCATION]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /options_invalid at \/band_shares \(--band-shares\)/);
  });

test('--ignore may be repeated: the lists are joined', { skip }, () => {
  const r = runCli(['calibrate', '--outcome', 'won', '--ignore', 'id', '--ignore', 'size', '--test-every', '0',
    '--report', '--format', 'json', HISTORY]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).columns.map((c) => c.name), ['source']);
});

test('an outcome with other values: exit 1, the error names the lines, never the values', { skip }, () => {
  const bad = file('bad-outcome.csv', 'source,won\nweb,yes\nweb,SECRET-VALUE\nads,no\nads,maybe-ACME\n');
  const r = runCli(['calibrate', '--outcome', 'won', '--report', bad]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^leadscore calibrate: outcome_invalid at [^:]*: .*\b3\b.*\b5\b/);
  assert.ok(!r.stderr.includes('SECRET') && !r.stderr.includes('ACME'), r.stderr);
});

test('a ragged CSV: exit 1, history_csv naming the line', { skip }, () => {
  const bad = file('ragged.csv', 'source,size,won\nweb,small,yes\nweb,large\nads,small,no\n');
  const r = runCli(['calibrate', '--outcome', 'won', bad]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /history_csv.*\b3\b/);
  assert.equal(r.stdout, '', 'no model is written');
});

test('0 positives: exit 1, outcome_one_class', { skip }, () => {
  const none = file('no-wins.csv', 'source,won\nweb,no\nads,no\nweb,no\n');
  const r = runCli(['calibrate', '--outcome', 'won', none]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /outcome_one_class/);
});

test('usage errors: unknown flag, missing --outcome, bad option value, missing column (exit 2)', { skip }, () => {
  let r = runCli(['calibrate', '--outcome', 'won', '--bogus', '1', HISTORY]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown option --bogus/);
  r = runCli(['calibrate', HISTORY]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--outcome COL is required/);
  r = runCli(['calibrate', '--outcome', 'won', '--bins', '99', HISTORY]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /options_invalid at \/bins \(--bins\)/);
  r = runCli(['calibrate', '--outcome', 'nope', HISTORY]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /column_not_found/);
  r = runCli(['calibrate', '--outcome', 'won', path.join(dir, 'missing.csv')]);
  assert.equal(r.status, 3);
});

test('1,000,000 rows stream through calibrate --report', { skip }, () => {
  const big = path.join(dir, 'million.csv');
  writeMillion(big);
  const r = runCli(['calibrate', '--outcome', 'won', '--report', '--format', 'json', big]);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.rows.total, 1_000_000);
  assert.equal(report.rows.test, 200_000);
});

/** A 3-column CSV of 1,000,000 leads: channel (5 levels), visits (0..99), won (about 1 in 4). */
function writeMillion(target) {
  const channels = ['web', 'email', 'ads', 'event', 'partner'];
  const lines = ['channel,visits,won'];
  for (let i = 0; i < 1_000_000; i++) {
    const c = i % 5;
    const visits = (i * 7) % 100;
    lines.push(`${channels[c]},${visits},${(c + visits) % 4 === 0 ? 1 : 0}`);
  }
  writeFileSync(target, lines.join('\n') + '\n');
}
