// Server-side verification through the npm package and the native CLI: scorer.submission() and
// scorer.verify() (match, mismatch with the first differing pointer, model_mismatch, malformed
// submissions as LeadscoreError with pointers), results made by the native engine verified by wasm,
// and `leadscore verify` on submissions made by wasm (JSONL and CSV output, error lines, exit codes,
// the same verification objects as scorer.verify()).
import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test, { after } from 'node:test';

import { createScorer } from '../../bindings/js/node.mjs';
import { cliPath, defaultModelText, runCli, scoreWithCli, tempDir } from './support.mjs';

const NOW = '2026-11-23T10:00:00Z';
const skipCli = existsSync(cliPath) ? false : `CLI binary not built: ${cliPath}`;

const LEAD = { id: 'L1', email: 'ada@acme.example', first_name: 'Ada', last_name: 'Lovelace', company: 'Acme',
  seniority: 'director', industry: 'software', country: 'FR' };
const EVENTS = [
  { type: 'page_view', at: '2026-11-20T09:00:00Z', props: { url: '/pricing' } },
  { type: 'email_open', at: '2026-11-21T08:00:00Z', props: { campaign: 'c1' } },
  { type: 'demo_request', at: '2026-11-22T15:30:00Z' },
];

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
function file(name, content) {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
// Both sides load this one text (the bundled default model as read at start), so the fingerprints
// agree even while the file is being edited.
const MODEL = file('model.json', defaultModelText);
const model = () => createScorer(JSON.parse(defaultModelText));
const jsonLines = (stdout) => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
const verifyCli = (args, input) => runCli(['verify', '--model', MODEL, ...args], input);
const FORGED = `sha256:${'0'.repeat(64)}`;

/** A deep copy with `edit` applied. */
function edited(submission, edit) {
  const copy = structuredClone(submission);
  edit(copy);
  return copy;
}

test('submission(): model identity, the inputs as given, and the result of score()', async (t) => {
  const scorer = await model();
  t.after(() => scorer.dispose());
  const options = { now: '2026-11-23T11:00:00+01:00', events: EVENTS, lang: 'fr' };
  const s = scorer.submission(LEAD, options);
  assert.deepEqual(Object.keys(s).sort(), ['format', 'inputs', 'model', 'result']);
  assert.equal(s.format, 'leadscore-submission/1');
  assert.deepEqual(s.model, scorer.model);
  assert.deepEqual(s.inputs, { lead: LEAD, now: '2026-11-23T11:00:00+01:00', lang: 'fr', events: EVENTS });
  assert.deepEqual(s.result, scorer.score(LEAD, options));
  assert.equal(s.result.now, NOW);
  // No events given: no "events" key; lang defaults to en.
  assert.deepEqual(scorer.submission(LEAD, { now: NOW }).inputs, { lead: LEAD, now: NOW, lang: 'en' });
  assert.throws(() => scorer.submission([], { now: NOW }), { code: 'lead_not_object' });
});

test('verify(): honest, tampered, forged and malformed submissions', async (t) => {
  const scorer = await model();
  t.after(() => scorer.dispose());
  const honest = scorer.submission(LEAD, { now: NOW, events: EVENTS });
  const r = honest.result;

  await t.test('an honest submission matches, as an object or as JSON text', () => {
    assert.deepEqual(scorer.verify(honest), { status: 'match' });
    assert.deepEqual(scorer.verify(JSON.stringify(honest)), { status: 'match' });
  });

  await t.test('a tampered score is a mismatch at /score with both values', () => {
    const s = edited(honest, (x) => { x.result.score = r.score === 100 ? 99 : 100; });
    assert.deepEqual(scorer.verify(s), { status: 'mismatch', field: '/score', expected: r.score, received: s.result.score });
  });

  await t.test('the first difference in key order is reported (band before score)', () => {
    const s = edited(honest, (x) => { x.result.score = 0; x.result.band.label = 'Forged'; });
    assert.deepEqual(scorer.verify(s), { status: 'mismatch', field: '/band/label', expected: r.band.label, received: 'Forged' });
  });

  await t.test('a changed contribution and a dropped one', () => {
    const last = r.contributions.length - 1;
    const s = edited(honest, (x) => { x.result.contributions[last].points += 1; });
    assert.equal(scorer.verify(s).field, `/contributions/${last}/points`);
    const dropped = edited(honest, (x) => { x.result.contributions.pop(); });
    assert.deepEqual(scorer.verify(dropped), { status: 'mismatch', field: `/contributions/${last}`, expected: r.contributions[last] });
  });

  await t.test('a forged fingerprint, in the model block or in the result, is model_mismatch', () => {
    const want = { status: 'model_mismatch', expected: scorer.model.fingerprint, received: FORGED };
    assert.deepEqual(scorer.verify(edited(honest, (x) => { x.model.fingerprint = FORGED; })), want);
    assert.deepEqual(scorer.verify(edited(honest, (x) => { x.result.model.fingerprint = FORGED; })), want);
  });

  await t.test('changed inputs with the old result are a mismatch', () => {
    const s = edited(honest, (x) => { x.inputs.events = []; });
    assert.equal(scorer.verify(s).status, 'mismatch');
    const later = edited(honest, (x) => { x.inputs.now = '2026-11-24T10:00:00Z'; });
    assert.equal(scorer.verify(later).status, 'mismatch');
  });

  await t.test('malformed submissions throw submission_invalid with the pointer', () => {
    const cases = [
      [[], ''],
      [edited(honest, (x) => { x.format = 'leadscore-submission/2'; }), '/format'],
      [edited(honest, (x) => { delete x.model; }), '/model'],
      [edited(honest, (x) => { x.model.fingerprint = null; }), '/model/fingerprint'],
      [edited(honest, (x) => { delete x.inputs.lead; }), '/inputs/lead'],
      [edited(honest, (x) => { x.inputs.now = 20261123; }), '/inputs/now'],
      [edited(honest, (x) => { x.inputs.lang = 'de'; }), '/inputs/lang'],
      [edited(honest, (x) => { delete x.result; }), '/result'],
    ];
    for (const [s, path] of cases) assert.throws(() => scorer.verify(s), { code: 'submission_invalid', path }, path);
    assert.throws(() => scorer.verify('{"format":'), { code: 'json_syntax' });
  });

  await t.test('inputs that cannot be scored give score()\'s error under /inputs', () => {
    assert.throws(() => scorer.verify(edited(honest, (x) => { x.inputs.now = 'soon'; })), { code: 'now_invalid', path: '/inputs/now' });
    assert.throws(() => scorer.verify(edited(honest, (x) => { x.inputs.events = {}; })), { code: 'events_not_array', path: '/inputs/events' });
  });

  await t.test('another model verifies nothing of this one: model_mismatch', async () => {
    const other = await createScorer(JSON.parse(defaultModelText.replace('"version": "', '"version": "x')));
    try {
      assert.notEqual(other.model.fingerprint, scorer.model.fingerprint);
      assert.equal(other.verify(honest).status, 'model_mismatch');
    } finally {
      other.dispose();
    }
  });
});

test('native -> wasm: a result made by the native CLI verifies in wasm, a tampered one does not', { skip: skipCli }, async (t) => {
  const scorer = await model();
  t.after(() => scorer.dispose());
  const [out] = scoreWithCli(defaultModelText, [LEAD], NOW, [EVENTS]);
  assert.ok(out.text, 'the CLI scored the lead');
  const submission = { format: 'leadscore-submission/1', model: scorer.model,
    inputs: { lead: LEAD, now: NOW, lang: 'en', events: EVENTS }, result: JSON.parse(out.text) };
  assert.deepEqual(scorer.verify(submission), { status: 'match' });
  const tampered = edited(submission, (x) => { x.result.band.id = 'forged'; });
  assert.deepEqual(scorer.verify(tampered), { status: 'mismatch', field: '/band/id', expected: submission.result.band.id, received: 'forged' });
});

test('leadscore verify: wasm-made submissions, one verification per line, exit codes', { skip: skipCli }, async (t) => {
  const scorer = await model();
  t.after(() => scorer.dispose());
  const honest = scorer.submission(LEAD, { now: NOW, events: EVENTS, lang: 'fr' });
  const submissions = [
    honest,
    edited(honest, (x) => { x.result.score += 1; }),
    edited(honest, (x) => { x.model.fingerprint = FORGED; }),
    edited(honest, (x) => { x.inputs.lead.seniority = 'intern'; }),
    edited(honest, (x) => { delete x.inputs.now; }),
  ];
  const lines = [...submissions.map((s) => JSON.stringify(s)), '', 'not json', '{"format":"leadscore-submission/1"}'];
  const input = file('subs.jsonl', `${lines.join('\r\n')}\n`);

  await t.test('JSONL: the same verification objects as scorer.verify(), error lines for the rest', () => {
    const r = verifyCli([input]);
    assert.equal(r.status, 1, r.stderr);
    const out = jsonLines(r.stdout);
    assert.deepEqual(out.map((o) => o.record.line), [1, 2, 3, 4, 5, 7, 8]);
    for (const [i, s] of submissions.slice(0, 4).entries()) assert.deepEqual(out[i].verification, scorer.verify(s));
    assert.deepEqual(out.map((o) => o.verification?.status ?? o.error.code),
      ['match', 'mismatch', 'model_mismatch', 'mismatch', 'submission_invalid', 'json_syntax', 'submission_invalid']);
    assert.equal(out[4].error.path, '/inputs/now');
    assert.equal(out[6].error.path, '/model');
    // Lines are canonical: keys sorted, "record" before "verification".
    assert.match(r.stdout.split('\n')[0], /^\{"record":\{"line":1\},"verification":\{"status":"match"\}\}$/);
  });

  await t.test('CSV: line,status,field,error_code', () => {
    const r = verifyCli(['--format', 'csv', input]);
    assert.equal(r.status, 1, r.stderr);
    const changedInput = scorer.verify(submissions[3]).field;
    assert.equal(r.stdout, 'line,status,field,error_code\n1,match,,\n2,mismatch,/score,\n3,model_mismatch,,\n'
      + `4,mismatch,${changedInput},\n`
      + '5,error,/inputs/now,submission_invalid\n7,error,byte 2,json_syntax\n'
      + '8,error,/model,submission_invalid\n');
  });

  await t.test('all matching from stdin: exit 0', () => {
    const r = verifyCli(['-'], `${JSON.stringify(honest)}\n${JSON.stringify(scorer.submission({}, { now: NOW }))}\n`);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(jsonLines(r.stdout).map((o) => o.verification), [{ status: 'match' }, { status: 'match' }]);
  });

  await t.test('empty input 1, bad model 2, unreadable input 3, usage 2', () => {
    assert.equal(verifyCli([file('empty.jsonl', '')]).status, 1);
    const bad = runCli(['verify', '--model', file('bad-model.json', '{"format_version": 1}'), input]);
    assert.equal(bad.status, 2);
    assert.equal(bad.stdout, '');
    assert.equal(verifyCli([join(dir, 'missing.jsonl')]).status, 3);
    assert.equal(runCli(['verify', input]).status, 2);
    assert.equal(verifyCli(['--format', 'xml', input]).status, 2);
  });

  await t.test('help names the command, its output and exit codes', () => {
    const r = runCli(['help', 'verify']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /verify: recomputes submitted scores/);
    assert.match(r.stdout, /line,status,field,error_code/);
  });
});
