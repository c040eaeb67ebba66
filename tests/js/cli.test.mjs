// The native `leadscore` CLI, run as a user would: output shape, one line per input record, broken
// inputs, exit codes and `validate` findings. Binary: build/native/bindings/cli/leadscore, or
// $LEADSCORE_CLI.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.LEADSCORE_CLI || join(root, 'build/native/bindings/cli/leadscore');
const fixtures = join(root, 'tests/fixtures/cli');
const fixture = (name) => join(fixtures, name);
const MODEL = fixture('model.json');
const NOW = '2026-11-23T09:30:00Z';
const skip = existsSync(cli) ? false : `CLI binary not built: ${cli}`;

function run(args, input) {
  const r = spawnSync(cli, args, { input, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const score = (input, ...extra) => run(['score', '--model', MODEL, '--now', NOW, ...extra, input]);
const jsonLines = (stdout) => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

// CSV output rows (the writer never quotes in these fixtures except where a test says so).
const csvRows = (stdout) => stdout.trimEnd().split('\n').map((l) => l.split(','));

test('--help documents the commands, the clock default and the exit codes', { skip }, () => {
  const r = run(['--help']);
  assert.equal(r.code, 0);
  for (const text of ['score [--model M.json]', 'the bundled default model', 'validate --model', '--now', 'system clock', 'Exit codes']) {
    assert.ok(r.stdout.includes(text), `help mentions ${text}`);
  }
});

test('--version prints the library version', { skip }, () => {
  const r = run(['--version']);
  assert.equal(r.code, 0);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.match(r.stdout, new RegExp(`^leadscore ${pkg.version.replace(/\./g, '\\.')}\\b`));
});

test('score CSV -> JSONL: one result per record, line numbers of multi-line records', { skip }, () => {
  const r = score(fixture('leads.csv'));
  assert.equal(r.code, 0, r.stderr);
  const lines = jsonLines(r.stdout);
  assert.deepEqual(lines.map((l) => l.record.line), [2, 3, 6]);
  assert.deepEqual(lines.map((l) => l.result.score), [100, 0, 60]);
  assert.deepEqual(lines.map((l) => l.result.band.id), ['high', 'low', 'high']);
  for (const l of lines) {
    assert.equal(l.result.now, NOW);
    assert.equal(l.result.model.id, 'cli-test');
    assert.deepEqual(Object.keys(l), ['record', 'result']);
  }
});

test('JSONL lines wrap the result text unchanged and are canonical (sorted keys)', { skip }, () => {
  const r = score(fixture('leads.csv'));
  for (const line of r.stdout.trimEnd().split('\n')) {
    const m = /^\{"record":\{"line":(\d+)\},"result":(.*)\}$/.exec(line);
    assert.ok(m, `line shape: ${line.slice(0, 60)}`);
    const result = JSON.parse(m[2]);
    assert.equal(typeof result.score, 'number');
    // dump_json sorts keys: the top-level keys of the result text are in order.
    const keys = Object.keys(result);
    assert.deepEqual(keys, [...keys].sort());
  }
});

test('score CSV -> CSV with ids, semicolons and a BOM', { skip }, () => {
  const r = score(fixture('semicolon-bom.csv'), '--format', 'csv');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(csvRows(r.stdout), [
    ['line', 'id', 'score', 'band', 'action', 'points', 'warnings', 'error_code', 'fit_points', 'engagement_points', 'last_activity', 'grade', 'route', 'persona'],
    ['2', 'S1', '100', 'high', 'call', '10', '0', '', '10', '0', '', '', '', ''],
    ['3', 'S2', '40', 'low', 'nurture', '4', '1', '', '4', '0', '', '', '', ''], // "2,5" is not an integer: field_type warning
  ]);
});

test('JSONL input, from stdin, with id and lead_id', { skip }, () => {
  const input = readFileSync(fixture('leads.jsonl'), 'utf8');
  const r = run(['score', '--model', MODEL, '--now', NOW, '--format', 'csv', '-'], input);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(csvRows(r.stdout).slice(1).map((row) => row.slice(0, 3)), [
    ['1', 'J1', '100'],
    ['2', '7', '0'],
  ]);
});

test('input format is sniffed when the extension does not say', { skip }, () => {
  const r = score(fixture('leads.txt'), '--format', 'csv');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(csvRows(r.stdout)[1][1], 'X1');
});

test('ragged CSV rows become error lines and scoring continues (exit 1)', { skip }, () => {
  const r = score(fixture('ragged.csv'));
  assert.equal(r.code, 1);
  const lines = jsonLines(r.stdout);
  assert.deepEqual(lines.map((l) => l.record.line), [2, 3, 4, 5]);
  assert.deepEqual(lines.map((l) => l.error?.code ?? 'ok'), ['ok', 'csv_ragged_row', 'csv_ragged_row', 'ok']);
  assert.deepEqual(lines[1].error.path, 'line 3');
  assert.deepEqual(Object.keys(lines[1]), ['error', 'record']);
});

test('an unterminated quote is one error line; the lines it took are read again', { skip }, () => {
  const r = score(fixture('unterminated.csv'));
  assert.equal(r.code, 1);
  const lines = jsonLines(r.stdout);
  assert.deepEqual(lines.map((l) => l.record.line), [2, 3, 4]);
  assert.equal(lines[1].error.code, 'csv_unterminated_quote');
  assert.ok(lines[2].result, 'line 4 is scored');
});

test('invalid UTF-8 fails only its record, and messages never echo lead data', { skip }, () => {
  const r = score(fixture('invalid-utf8.csv'));
  assert.equal(r.code, 1);
  const lines = jsonLines(r.stdout);
  assert.deepEqual(lines.map((l) => l.error?.code ?? l.result.score), [100, 'csv_invalid_utf8', 60]);
  assert.ok(!lines[1].error.message.includes('example.com'));
});

test('bad JSONL lines become error lines; blank lines are skipped', { skip }, () => {
  const r = score(fixture('bad.jsonl'));
  assert.equal(r.code, 1);
  const lines = jsonLines(r.stdout);
  assert.deepEqual(lines.map((l) => [l.record.line, l.error?.code ?? 'ok']), [
    [1, 'ok'],
    [3, 'json_syntax'],
    [4, 'lead_not_object'],
    [5, 'ok'],
  ]);
  const warnings = lines[3].result.warnings.map((w) => w.code);
  assert.ok(warnings.includes('missing_required_field'));
  assert.ok(!JSON.stringify(lines[3].result.warnings).includes('many'), 'warning names the field, not the value');
});

test('empty input is a clear error; a header-only CSV is an empty export', { skip }, () => {
  for (const args of [[fixture('empty.csv')], ['--input-format', 'jsonl', '-'], ['--input-format', 'csv', '-']]) {
    const r = run(['score', '--model', MODEL, '--now', NOW, ...args], '');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /empty/);
  }
  const header = run(['score', '--model', MODEL, '--now', NOW, '--input-format', 'csv', '-'], 'id,email\n');
  assert.equal(header.code, 0, header.stderr);
  assert.equal(header.stdout, '');
  assert.match(header.stderr, /no records/);
});

test('one output line per input record on a generated file', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-cli-'));
  try {
    const rows = ['id,email,size,country'];
    for (let i = 0; i < 500; i++) {
      rows.push(i % 50 === 7 ? `r${i},x` : `r${i},u${i}@example.com,${i},"${i % 2 ? 'US' : 'F\nR'}"`);
    }
    const path = join(dir, 'many.csv');
    writeFileSync(path, rows.join('\r\n') + '\r\n');
    const r = score(path, '--format', 'csv');
    assert.equal(r.code, 1); // the ragged rows
    const out = csvRows(r.stdout).slice(1);
    assert.equal(out.length, 500);
    assert.equal(out.filter((row) => row[7] === 'csv_ragged_row').length, 10);
    // Records that follow a quoted newline start one physical line later each time.
    let line = 2;
    out.forEach((row, i) => {
      assert.equal(row[0], String(line));
      line += i % 50 !== 7 && i % 2 === 0 ? 2 : 1;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without --now every record gets the same clock instant', { skip }, () => {
  const r = run(['score', '--model', MODEL, fixture('leads.csv')]);
  assert.equal(r.code, 0, r.stderr);
  const nows = new Set(jsonLines(r.stdout).map((l) => l.result.now));
  assert.equal(nows.size, 1);
  const [now] = nows;
  assert.match(now, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.ok(Math.abs(Date.parse(now) - Date.now()) < 60_000);
});

test('exit codes: usage 2, invalid model 2, unreadable files 3', { skip }, () => {
  assert.equal(run(['frobnicate']).code, 2);
  assert.equal(run(['score', '--model', '', fixture('leads.csv')]).code, 2, 'an empty --model');
  assert.equal(run(['accounts', fixture('leads.csv')]).code, 2, 'accounts without --model');
  assert.equal(run(['score', '--model', MODEL, '--format', 'xml', fixture('leads.csv')]).code, 2);
  assert.equal(run(['score', '--model', MODEL, '--now', '2026-11-23T09:30:00', fixture('leads.csv')]).code, 2);
  assert.equal(run(['score', '--model', MODEL, '--model', MODEL, fixture('leads.csv')]).code, 2);
  const invalid = run(['score', '--model', fixture('invalid-model.json'), fixture('leads.csv')]);
  assert.equal(invalid.code, 2);
  assert.match(invalid.stderr, /band_gap/);
  assert.equal(invalid.stdout, '');
  const missingModel = run(['score', '--model', fixture('no-such-model.json'), fixture('leads.csv')]);
  assert.equal(missingModel.code, 3);
  assert.equal(score(fixture('no-such-input.csv')).code, 3);
  assert.equal(score(fixtures).code, 3, 'a directory as input');
  for (const r of [invalid, missingModel]) assert.doesNotMatch(r.stderr, /Usage:/);
});

test('no arguments: a short reminder on stderr (exit 2); a usage error shows its own command only', { skip }, () => {
  const bare = run([]);
  assert.equal(bare.code, 2);
  assert.equal(bare.stdout, '');
  assert.ok(bare.stderr.split('\n').length < 30, `${bare.stderr.split('\n').length} lines`);
  for (const command of ['score', 'check', 'accounts', 'verify', 'validate', 'calibrate', 'evaluate']) {
    assert.ok(bare.stderr.includes(`leadscore ${command} `), `the reminder lists ${command}`);
  }
  assert.match(bare.stderr, /leadscore COMMAND --help/);
  const wrong = run(['check', '--jobs', 'many']);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /^leadscore: check: --jobs must be/);
  assert.match(wrong.stderr, /leadscore check \[--model/);
  assert.doesNotMatch(wrong.stderr, /leadscore score |leadscore calibrate /);
  assert.match(wrong.stderr, /Run 'leadscore check --help'/);
  // An unknown command gets the whole synopsis, and a command's --help its own synopsis.
  assert.match(run(['frobnicate']).stderr, /leadscore score [\s\S]*leadscore evaluate /);
  const help = run(['verify', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /leadscore verify --model/);
  assert.doesNotMatch(help.stdout, /leadscore score \[/);
});

test('CSV output quotes cells that need it', { skip }, () => {
  const input = 'id,email\n"a,""b""",a@example.com\n';
  const r = run(['score', '--model', MODEL, '--now', NOW, '--format', 'csv', '--input-format', 'csv', '-'], input);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.split('\n')[1].split(',"a,""b"""')[0], '2');
});

test('validate: clean model exits 0', { skip }, () => {
  const r = run(['validate', '--model', MODEL]);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /no findings/);
});

test('validate: findings with JSON pointers, exit 1 for warnings', { skip }, () => {
  const r = run(['validate', '--model', fixture('lint-warnings.json'), '--format', 'json']);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout);
  assert.equal(report.ok, true);
  assert.deepEqual(report.findings.map((f) => [f.severity, f.code, f.path]), [
    ['warning', 'unknown_field', '/rules/1/when'],
    ['warning', 'empty_group', '/groups/1'],
    ['warning', 'unreachable_band', '/bands/1'],
  ]);
  const text = run(['validate', '--model', fixture('lint-warnings.json')]);
  assert.equal(text.code, 1);
  assert.match(text.stdout, /^warning unknown_field \/rules\/1\/when: /m);
});

test('validate: invalid model exits 2 with the error', { skip }, () => {
  const r = run(['validate', '--model', fixture('invalid-model.json'), '--format', 'json']);
  assert.equal(r.code, 2);
  const report = JSON.parse(r.stdout);
  assert.equal(report.ok, false);
  assert.equal(report.error.code, 'band_gap');
  assert.equal(report.error.path, '/bands/1/from');
  assert.equal(run(['validate', '--model', fixture('no-such-model.json')]).code, 3);
});

test('validate: the bundled default model is clean', { skip }, () => {
  const r = run(['validate', '--model', join(root, 'examples/models/default.json')]);
  assert.equal(r.code, 0, r.stdout);
});

test('CSV output neutralises cells that a spreadsheet would run as formulas', { skip }, () => {
  const input = `${JSON.stringify({ id: '=1+2' })}\n${JSON.stringify({ id: '@SUM(A1)' })}\n${JSON.stringify({ id: 'L-7' })}\n`;
  const r = run(['score', '--model', MODEL, '--now', NOW, '--format', 'csv', '--input-format', 'jsonl', '-'], input);
  assert.equal(r.code, 0, r.stderr);
  const ids = csvRows(r.stdout).slice(1).map((row) => row[1]);
  assert.deepEqual(ids, ["'=1+2", "'@SUM(A1)", 'L-7']);
});

test('a model with a lint warning (a misspelt variable) scores, and says so once on stderr', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-lint-'));
  try {
    const model = JSON.parse(readFileSync(join(root, 'examples/models/default.json'), 'utf8'));
    model.rules[0].when = { '==': [{ var: 'senority' }, 'vp'] };
    writeFileSync(join(dir, 'typo.json'), JSON.stringify(model));
    const leads = '{"seniority":"vp"}\n{"seniority":"cxo"}\n{"seniority":"manager"}\n';
    const r = run(['score', '--model', join(dir, 'typo.json'), '--now', NOW, '--detail', 'summary'], leads);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trimEnd().split('\n').length, 3);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('leadscore: model warning'));
    assert.equal(warnings.length, 1, r.stderr);
    assert.match(warnings[0], /^leadscore: model warning unknown_field at \/rules\/0\/when: Rule "[^"]+" reads "senority"/);
    // The bundled model has no warning: nothing on stderr.
    const clean = run(['score', '--now', NOW, '--detail', 'summary'], leads);
    assert.equal(clean.code, 0, clean.stderr);
    assert.equal(clean.stderr, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
