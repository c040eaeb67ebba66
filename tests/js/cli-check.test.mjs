// `leadscore check` (the native CLI's form checks), run as a user would: CSV and JSONL in, JSONL and
// CSV out, one line per record, error records, stdin, --lang, the clock default, exit codes, and the
// same bytes as the npm package's checkLead() for the same lead and "now".
import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test, { after } from 'node:test';

import { createScorer } from 'leadscore';
import { cliPath, defaultModelText, repoRoot, runCli, tempDir } from './support.mjs';

const MODEL = join(repoRoot, 'examples/models/default.json');
const NOW = '2026-03-01T12:00:10Z';
const skip = existsSync(cliPath) ? false : `CLI binary not built: ${cliPath}`;

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
function file(name, content) {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
const check = (args, input) => runCli(['check', '--model', MODEL, '--now', NOW, ...args], input);
const jsonLines = (stdout) => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
// The result text of a JSONL line: everything after "result": up to the final brace.
const resultText = (line) => line.slice(line.indexOf('"result":') + '"result":'.length, -1);

const leads = [
  { id: 'A', email: 'jane@gmail.com', first_name: 'jane', last_name: 'Doe', company: 'Acme' },
  { id: 'B', email: 'bob@acme.com', first_name: 'Bob', last_name: 'Smith', company: 'Acme Inc' },
  { id: 'C', email: 'jhon@gmial.com', first_name: 'asdf', url: 'spam', form_rendered_at: '2026-03-01T12:00:09Z' },
  { id: 'D', first_name: 'Zoë😀', last_name: 'כהן', company: 'شركة asdf', phone: '+33 1 23 45 67 89', country: 'FR' },
  { id: 'E', first_name: 'Ja\u0000ne', email: 'info@acme.com', website: 'nope', form_rendered_at: '2026-03-01T11:00:00Z' },
  { id: 'F' },
];

test('check: JSONL in, one result per record, the same bytes as checkLead() in the npm package', { skip }, async () => {
  const scorer = await createScorer();
  for (const lang of ['en', 'fr']) {
    const r = check(['--lang', lang, file(`leads-${lang}.jsonl`, leads.map((l) => JSON.stringify(l)).join('\n') + '\n')]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, leads.length);
    lines.forEach((line, i) => {
      assert.ok(line.startsWith(`{"record":{"line":${i + 1}},"result":`), line.slice(0, 60));
      const js = JSON.stringify(scorer.checkLead(leads[i], { now: NOW, lang }));
      assert.equal(resultText(line), js, `lead ${leads[i].id} (${lang})`);
    });
    const verdicts = lines.map((l) => JSON.parse(l).result.quality.verdict);
    assert.deepEqual(verdicts, ['suspicious', 'ok', 'spam', 'suspicious', 'spam', 'ok']);
  }
  const fr = JSON.parse(check(['--lang', 'fr', join(dir, 'leads-fr.jsonl')]).stdout.split('\n')[0]);
  assert.equal(fr.result.findings[0].message, 'Merci d\'utiliser votre adresse e-mail professionnelle, pas une messagerie personnelle.');
  scorer.dispose();
});

test('check: CSV in, CSV out (line,id,verdict,quality,findings,codes,error_code), from stdin', { skip }, () => {
  const csv = 'id,email,first_name,last_name,company,notes\n' +
    'A,jane@gmail.com,jane,Doe,Acme,\n' +
    'B,bob@acme.com,Bob,Smith,Acme Inc,"two\nlines"\n' +
    'C,x,y\n' +
    '=D,jhon@gmial.com,Jane,Doe,,\n';
  const r = runCli(['check', '--model', MODEL, '--now', NOW, '--format', 'csv', '-'], csv);
  assert.equal(r.status, 1, r.stderr); // the ragged row
  assert.deepEqual(r.stdout.trimEnd().split('\n'), [
    'line,id,verdict,quality,findings,codes,error_code',
    '2,A,suspicious,60,2,email_free;name_case,',
    '3,B,ok,100,1,company_domain_match,', // "notes" is not a checked field
    '5,,,,,,csv_ragged_row', // a ragged row never becomes a lead: no id
    "6,'=D,suspicious,60,2,email_typo;email_free,",
  ]);
  // The same input as JSONL output: records keep their lines; the error record names its line.
  const jsonl = jsonLines(runCli(['check', '--model', MODEL, '--now', NOW], csv).stdout);
  assert.deepEqual(jsonl.map((l) => [l.record.line, l.error?.code ?? l.result.quality.verdict]),
    [[2, 'suspicious'], [3, 'ok'], [5, 'csv_ragged_row'], [6, 'suspicious']]);
  assert.deepEqual(jsonl[2].error.path, 'line 5');
});

test('check: broken records are error lines and checking goes on (exit 1)', { skip }, () => {
  const input = Buffer.concat([
    Buffer.from('{"id":1,"first_name":"Jane"}\n'),
    Buffer.from('{"id":2,"first_name":"J'), Buffer.from([0xff]), Buffer.from('ne"}\n'),
    Buffer.from('{"id":3,"first_name":"J\\ud800ne"}\n'), // a lone surrogate escape
    Buffer.from('[1,2]\n'),
    Buffer.from('{"id":5,\n'),
    Buffer.from('\n'),
    Buffer.from('{"id":7,"first_name":"jane"}\n'),
  ]);
  const r = runCli(['check', '--model', MODEL, '--now', NOW, '--input-format', 'jsonl', '-'], input);
  assert.equal(r.status, 1, r.stderr);
  const lines = jsonLines(r.stdout);
  assert.deepEqual(lines.map((l) => [l.record.line, l.error?.code ?? l.result.quality.verdict]), [
    [1, 'ok'], [2, 'json_invalid_utf8'], [3, 'json_syntax'], [4, 'lead_not_object'], [5, 'json_syntax'], [7, 'ok'],
  ]);
  for (const l of lines.filter((x) => x.error)) assert.deepEqual(Object.keys(l), ['error', 'record']);
  // Invalid UTF-8 in a CSV cell fails its record only (csv_invalid_utf8), as `score` does; the
  // message names the line and column, never the value.
  const csv = Buffer.concat([Buffer.from('id,first_name,company\n1,Jane,Acme\n2,J'), Buffer.from([0xc3, 0x28]),
    Buffer.from('ne,Secret Corp\n3,jane,Acme\n')]);
  const c = check(['--format', 'csv', file('invalid-utf8.csv', csv)]);
  assert.equal(c.status, 1);
  assert.deepEqual(c.stdout.trimEnd().split('\n').slice(1), ['2,1,ok,100,0,,', '3,,,,,,csv_invalid_utf8', '4,3,ok,80,1,name_case,']);
  const j = jsonLines(check([join(dir, 'invalid-utf8.csv')]).stdout)[1];
  assert.equal(j.error.path, 'line 3');
  assert.ok(!j.error.message.includes('Secret'));
});

test('check: NUL bytes, 1 MB values and 10,000 columns through the CLI', { skip }, () => {
  const nul = check([file('nul.csv', 'id,first_name\n1,Ja\u0000ne\n')]);
  assert.equal(nul.status, 0, nul.stderr);
  const finding = jsonLines(nul.stdout)[0].result.findings[0];
  assert.deepEqual([finding.code, finding.span], ['control_characters', [2, 3]]);
  const big = 'x'.repeat(1 << 20);
  const t0 = Date.now();
  const r = check([file('big.csv', `id,first_name,company\n1,${big},Acme\n`)]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(jsonLines(r.stdout)[0].result.findings.map((f) => [f.field, f.code]), [['first_name', 'too_long']]);
  const header = ['id', 'email'];
  const row = ['W', 'jane@gmail.com'];
  for (let i = 0; i < 10000; i++) { header.push(`f${i}`); row.push('asdf'); }
  const wide = check([file('wide.csv', `${header.join(',')}\n${row.join(',')}\n`)]);
  assert.equal(wide.status, 0, wide.stderr);
  assert.deepEqual(jsonLines(wide.stdout)[0].result.findings.map((f) => [f.field, f.code]), [['email', 'email_free']]);
  assert.ok(Date.now() - t0 < 10000, 'the CLI took over 10 s');
});

test('check: without --now the clock is read once; the fill-time check uses it', { skip }, () => {
  const at = (msAgo) => new Date(Date.now() - msAgo).toISOString();
  const input = [{ form_rendered_at: at(500) }, { form_rendered_at: at(3_600_000) }].map((l) => JSON.stringify(l)).join('\n');
  const r = runCli(['check', '--model', MODEL, '-'], input);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(jsonLines(r.stdout).map((l) => l.result.findings.map((f) => f.code)), [['form_too_fast'], []]);
});

test('check: a model without a "checks" section checks the conventional fields, with a note', { skip }, () => {
  const model = JSON.parse(defaultModelText);
  delete model.checks;
  model.groups = model.groups.filter((g) => g.id !== 'form_quality');
  const r = runCli(['check', '--model', file('no-checks.json', JSON.stringify(model)), '--now', NOW, '-'],
    '{"first_name":"jane","url":"x"}\n');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /no "checks" section/);
  assert.deepEqual(jsonLines(r.stdout)[0].result.findings.map((f) => f.code), ['name_case']);
});

test('check: exit codes and usage errors as for score', { skip }, () => {
  const ok = join(dir, 'leads-en.jsonl');
  // No --model: the bundled default model, as in the JS API.
  const byDefault = runCli(['check', '--now', '2026-03-01T12:00:10Z', ok]);
  assert.equal(byDefault.status, 0, byDefault.stderr);
  assert.equal(byDefault.stdout,
    runCli(['check', '--model', join(repoRoot, 'examples/models/default.json'), '--now', '2026-03-01T12:00:10Z', ok]).stdout);
  assert.equal(runCli(['check', '--model', '', ok]).status, 2, 'an empty --model');
  assert.equal(check(['--lang', 'de', ok]).status, 2);
  assert.match(check(['--lang', 'de', ok]).stderr, /--lang must be en or fr/);
  assert.equal(check(['--format', 'xml', ok]).status, 2);
  assert.equal(check(['--events', ok, ok]).status, 2, 'check has no --events');
  assert.equal(runCli(['check', '--model', MODEL, '--now', '2026-03-01T12:00:10', ok]).status, 2);
  assert.equal(runCli(['check', '--model', join(dir, 'no-such-model.json'), ok]).status, 3);
  assert.equal(runCli(['check', '--model', join(repoRoot, 'tests/fixtures/cli/invalid-model.json'), ok]).status, 2);
  assert.equal(check([join(dir, 'no-such-input.jsonl')]).status, 3);
  const empty = check(['--input-format', 'jsonl', '-'], '');
  assert.equal(empty.status, 1);
  assert.match(empty.stderr, /empty/);
  const header = check(['--input-format', 'csv', '-'], 'id,email\n');
  assert.deepEqual([header.status, header.stdout], [0, '']);
  const help = runCli(['check', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /leadscore check \[--model M\.json\]/);
  assert.match(help.stdout, /line,id,verdict,quality,findings,codes,error_code/);
});

test('score --lang fr: French check messages and labels, byte-identical to the npm package', { skip }, async () => {
  const scorer = await createScorer();
  const lead = leads[0];
  for (const lang of ['en', 'fr']) {
    const r = runCli(['score', '--model', MODEL, '--now', NOW, '--lang', lang, '-'], JSON.stringify(lead) + '\n');
    assert.equal(r.status, 0, r.stderr);
    const text = resultText(r.stdout.trimEnd());
    assert.equal(text, scorer.scoreJson(lead, { now: NOW, lang }));
    const check = JSON.parse(text).contributions.find((c) => c.kind === 'check');
    assert.equal(check.label, lang === 'fr'
      ? 'Merci d\'utiliser votre adresse e-mail professionnelle, pas une messagerie personnelle.'
      : 'Please use your work email address, not a personal webmail one.');
  }
  assert.equal(runCli(['score', '--model', MODEL, '--lang', 'es', '-']).status, 2); // no input: it exits before reading
  scorer.dispose();
});
