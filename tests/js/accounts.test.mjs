// Account scores through the npm package (scoreAccount) and the native CLI (`leadscore accounts`):
// the example model's numbers worked by hand, events and feedback reaching each contact, errors by
// code and pointer, grouping in order of first appearance, every record accounted for, CSV output,
// --by, --events, exit codes, and the CLI's result bytes equal to scoreAccount()'s.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test, { after } from 'node:test';

import { LeadscoreError, createScorer } from '../../bindings/js/node.mjs';
import { cliPath, repoRoot, runCli, tempDir } from './support.mjs';

const NOW = '2026-11-23T10:00:00Z';
const MODEL_PATH = join(repoRoot, 'examples/models/accounts.json');
const CONTACTS_PATH = join(repoRoot, 'examples/accounts/contacts.csv');
const exampleModel = JSON.parse(readFileSync(MODEL_PATH, 'utf8'));
const skipCli = existsSync(cliPath) ? false : `CLI binary not built: ${cliPath}`;

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
function file(name, content) {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}
const jsonLines = (stdout) => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
const resultText = (line) => line.slice(line.indexOf('"result":') + '"result":'.length, -1);

// A model whose contact score is the sum of the bits a lead sets (b1 = 1 ... b64 = 64 points), with
// an engagement event "demo" worth 40 and the given account section.
function bitsModel(account) {
  const bits = [1, 2, 4, 8, 16, 32, 64];
  return {
    format_version: 1, id: 'bits', version: '1',
    fields: bits.map((b) => ({ name: `b${b}`, type: 'boolean' })),
    groups: [{ id: 'g' }],
    rules: bits.map((b) => ({ id: `b${b}`, group: 'g', points: b, when: { var: `b${b}` } })),
    total: { max: 100 }, scale: { min: 0, max: 100 },
    bands: [{ id: 'cold', action: 'nurture', from: 0, to: 29 }, { id: 'warm', action: 'review', from: 30, to: 69 },
            { id: 'hot', action: 'call', from: 70, to: 100 }],
    engagement: { event_types: [{ id: 'demo' }], groups: [{ id: 'sales' }],
                  rules: [{ id: 'sales.demo', group: 'sales', event: 'demo', points: 40 }] },
    account,
  };
}
const bits = (score) => Object.fromEntries([1, 2, 4, 8, 16, 32, 64].filter((b) => score & b).map((b) => [`b${b}`, true]));

test('scoreAccount: the example model, worked by hand', async () => {
  const scorer = await createScorer(exampleModel);
  // Contact scores (scale 0..60 -> 0..100): C-level marketing "Chief" in the US: role 20 + 10 + 5
  // = 35 capped at 30, + geography 15 = 45 -> 75. VP sales in GB: 30 + 15 = 45 -> 75. Marketing
  // manager in the US: 8 + 10 + 15 = 33 -> 55. Engineer (individual contributor) in the US:
  // 3 + 15 = 18 -> 30. Top 3 mean: (75 + 75 + 55) / 3 = 68.33 -> 68.
  // Account fit: 2500 employees +15, software +10, revenue 180M +5 = 30. Score 98, hot.
  const account = {
    id: 'acme-001',
    fields: { company_size: 2500, industry: 'software', annual_revenue: 180000000 },
    contacts: [
      { lead: { id: 'C001', email: 'ada@example.com', job_title: 'Chief Marketing Officer', seniority: 'c_level', department: 'marketing', country: 'US' } },
      { lead: { id: 'C002', email: 'bo@example.com', job_title: 'Marketing Manager', seniority: 'manager', department: 'marketing', country: 'US' } },
      { lead: { id: 'C004', email: 'di@example.com', job_title: 'Software Engineer', seniority: 'individual_contributor', department: 'engineering', country: 'US' } },
      { lead: { id: 'C006', email: 'fa@example.com', job_title: 'VP Sales', seniority: 'vp', department: 'sales', country: 'GB' } },
    ],
  };
  const r = scorer.scoreAccount(account, { now: NOW });
  assert.equal(r.account_id, 'acme-001');
  assert.equal(r.score, 98);
  assert.deepEqual(r.band, { id: 'hot', label: 'Hot', action: 'call within 24 h' });
  assert.deepEqual(r.aggregation, { method: 'top_n_mean', top_n: 3, sum: 205, contacts_used: 3, points: 68 });
  assert.deepEqual(r.contacts.top.map((c) => [c.index, c.score, c.lead_id]), [[0, 75, 'C001'], [3, 75, 'C006'], [1, 55, 'C002']]);
  assert.deepEqual(r.fit.contributions.map((c) => [c.rule, c.points]),
    [['company.size_enterprise', 15], ['company.target_industry', 10], ['company.revenue_high', 5]]);
  assert.equal(r.fit.points, 30);
  assert.equal(r.raw_points, 98);
  assert.deepEqual(r.warnings, []);
  assert.equal(r.model.id, 'accounts-example');
  assert.equal(r.now, NOW);
  scorer.dispose();
});

test('scoreAccount: each contact is scored with its events and feedback', async () => {
  const scorer = await createScorer(bitsModel({ aggregation: 'sum', cap: 100 }));
  const r = scorer.scoreAccount({
    id: 'a',
    contacts: [
      { lead: bits(10), events: [{ type: 'demo', at: '2026-11-20T10:00:00Z' }] },  // 10 + 40 = 50
      { lead: bits(5) },                                                          // 5
      { lead: bits(4), feedback: { adjustments: [{ by: 'rep-1', at: '2026-11-20T10:00:00Z', points: 10, reason: 'met' }] } },  // 4 + 10
    ],
  }, { now: NOW });
  assert.equal(r.score, 69);
  assert.deepEqual(r.contacts.top.map((c) => c.score), [50, 14, 5]);
  scorer.dispose();
});

test('scoreAccount: failing contacts are listed, errors carry a code and a pointer', async () => {
  const scorer = await createScorer(bitsModel({ aggregation: 'max', max_contacts: 3 }));
  const r = scorer.scoreAccount({ id: 'a', contacts: [{ lead: bits(20) }, { lead: [] }, { lead: bits(30), events: {} }] }, { now: NOW });
  assert.equal(r.score, 20);
  assert.deepEqual(r.contacts.errors.map((e) => [e.index, e.error.code, e.error.path]),
    [[1, 'lead_not_object', '/lead'], [2, 'events_not_array', '/events']]);
  assert.deepEqual(r.warnings.map((w) => w.path), ['/contacts/1/lead', '/contacts/2/events']);
  const throwsCode = (fn, code, path) => assert.throws(fn, (e) => e instanceof LeadscoreError && e.code === code && e.path === path);
  throwsCode(() => scorer.scoreAccount({ id: 'a', contacts: Array(4).fill({ lead: {} }) }, { now: NOW }), 'too_many_contacts', '/contacts');
  throwsCode(() => scorer.scoreAccount({ contacts: [] }, { now: NOW }), 'account_invalid', '/id');
  throwsCode(() => scorer.scoreAccount({ id: 'a', contacts: [] }, { now: 'soon' }), 'now_invalid', '/now');
  scorer.dispose();
  const plain = bitsModel(undefined);
  delete plain.account;
  const noSection = await createScorer(plain);
  throwsCode(() => noSection.scoreAccount({ id: 'a', contacts: [] }, { now: NOW }), 'no_account_section', '/account');
  noSection.dispose();
  await assert.rejects(createScorer(bitsModel({ top_n: 0 })), (e) => e.code === 'account_range' && e.path === '/account/top_n');
});

test('accounts CLI: the example CSV, accounts in order of first appearance, every record accounted for', { skip: skipCli }, () => {
  const r = runCli(['accounts', '--model', MODEL_PATH, '--now', NOW, CONTACTS_PATH]);
  assert.equal(r.status, 1, r.stderr);  // line 8 has no company id
  const lines = jsonLines(r.stdout);
  assert.deepEqual(lines.map((l) => l.account ?? l.error.code), ['acme-001', 'demo-002', 'tiny-003', 'account_id_missing', 'uni-004']);
  assert.deepEqual(lines[0].record.lines, [2, 3, 5, 7]);
  assert.equal(lines[0].result.score, 98);  // the scoreAccount test above, from the CSV
  assert.deepEqual(lines[3], { error: { code: 'account_id_missing', path: '/company_id', message: lines[3].error.message }, record: { line: 8 } });
  const seen = lines.flatMap((l) => l.record.lines ?? [l.record.line]).sort((a, b) => a - b);
  const records = readFileSync(CONTACTS_PATH, 'utf8').trimEnd().split('\n').length - 1;
  assert.deepEqual(seen, Array.from({ length: records }, (_, i) => i + 2));
  const csv = runCli(['accounts', '--model', MODEL_PATH, '--now', NOW, '--format', 'csv', CONTACTS_PATH]);
  assert.equal(csv.status, 1);
  assert.deepEqual(csv.stdout.trimEnd().split('\n').slice(0, 2), [
    'account,score,band,action,contact_points,fit_points,contacts,scored,failed,error_code,lines',
    'acme-001,98,hot,call within 24 h,68,30,4,4,0,,2;3;5;7',
  ]);
  assert.equal(csv.stdout.trimEnd().split('\n')[4], ',,,,,,,,,account_id_missing,8');
});

test('accounts CLI: result bytes equal scoreAccount(); --by; account fields from the first non-blank contact', { skip: skipCli }, async () => {
  const model = bitsModel({ aggregation: 'top_n_mean', top_n: 2, fields: [{ name: 'tier', type: 'integer' }],
                            rules: [{ id: 'tier1', points: 7, when: { '==': [{ var: 'tier' }, 1] } }] });
  const modelPath = file('bits.json', model);
  const leads = [
    { id: 'L1', org: 'x', tier: '', ...bits(40) },
    { id: 'L2', org: 'y', ...bits(3) },
    { id: 'L3', org: 'x', tier: 1, ...bits(61) },
    { id: 'L4', org: 'x', tier: 2, ...bits(10) },
    { id: 'L5', org: 7, ...bits(1) },
  ];
  const input = file('leads.jsonl', leads.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const r = runCli(['accounts', '--model', modelPath, '--by', 'org', '--now', NOW, input]);
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trimEnd().split('\n');
  assert.deepEqual(out.map((l) => JSON.parse(l).account), ['x', 'y', '7']);
  const scorer = await createScorer(model);
  const x = { id: 'x', fields: { tier: 1 }, contacts: [leads[0], leads[2], leads[3]].map((lead) => ({ lead })) };
  assert.equal(resultText(out[0]), JSON.stringify(scorer.scoreAccount(x, { now: NOW })));
  // (61 + 40) / 2 = 50.5 -> 51, + tier 1 (the first non-blank tier) 7 = 58.
  assert.equal(JSON.parse(out[0]).result.score, 58);
  scorer.dispose();
  // The model's id_field (company_id) is absent from these leads: every record is an error line.
  const noBy = runCli(['accounts', '--model', modelPath, '--now', NOW, input]);
  assert.equal(noBy.status, 1);
  assert.deepEqual(jsonLines(noBy.stdout).map((l) => [l.error.code, l.record.line]),
    [1, 2, 3, 4, 5].map((n) => ['account_id_missing', n]));
});

test('accounts CLI: --events joins each contact\'s events by lead id', { skip: skipCli }, () => {
  const modelPath = file('bits-sum.json', bitsModel({ aggregation: 'sum' }));
  const input = file('c.jsonl', [{ id: 'A', company_id: 'k', ...bits(10) }, { id: 'B', company_id: 'k', ...bits(5) }, { company_id: 'k', ...bits(1) }]
    .map((l) => JSON.stringify(l)).join('\n') + '\n');
  const events = file('events.csv', 'lead_id,type,at\nA,demo,2026-11-20T10:00:00Z\n');
  const r = runCli(['accounts', '--model', modelPath, '--now', NOW, '--events', events, input]);
  assert.equal(r.status, 1, r.stderr);  // the third contact has no lead id to join on
  const [account, error] = jsonLines(r.stdout);
  assert.equal(account.result.score, 55);  // 10 + 40 (demo) + 5
  assert.deepEqual(account.record.lines, [1, 2]);
  assert.deepEqual([error.error.code, error.record.line], ['lead_id_missing', 3]);
});

test('accounts CLI: bounds and exit codes', { skip: skipCli }, () => {
  const modelPath = file('bits-max2.json', bitsModel({ max_contacts: 2 }));
  const input = file('three.jsonl', [1, 2, 3].map((n) => JSON.stringify({ company_id: 'k', ...bits(n) })).join('\n') + '\n');
  const r = runCli(['accounts', '--model', modelPath, '--now', NOW, input]);
  assert.equal(r.status, 1);
  const [line] = jsonLines(r.stdout);
  assert.deepEqual([line.account, line.error.code, line.record.lines], ['k', 'too_many_contacts', [1, 2, 3]]);
  const plain = bitsModel(undefined);
  delete plain.account;
  const noSection = runCli(['accounts', '--model', file('plain.json', plain), '--now', NOW, input]);
  assert.equal(noSection.status, 2);
  assert.match(noSection.stderr, /no_account_section/);
  assert.equal(runCli(['accounts', '--model', modelPath, '--now', NOW, '--input-format', 'jsonl', '-'], '').status, 1);
  assert.equal(runCli(['accounts', '--model', modelPath, '--now', 'later', input]).status, 2);
  assert.equal(runCli(['accounts', '--model', modelPath, '--now', NOW, join(dir, 'missing.csv')]).status, 3);
  const ok = runCli(['accounts', '--model', modelPath, '--now', NOW, file('ok.csv', 'company_id,b1\nk,true\nk,false\n')]);
  assert.equal(ok.status, 0, ok.stderr);
});
