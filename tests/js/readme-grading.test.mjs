// The tour's (docs/tour.md) grading and routing section states scores, grades and routes for the default
// model: this test recomputes them, so the README cannot drift from the engine.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { createScorer } from '../../bindings/js/node.mjs';
import { repoRoot, runCli } from './support.mjs';

const now = '2026-11-23T10:00:00Z';
const mia = { email: 'mia@ledger.example', seniority: 'manager', company_size: 300, industry: 'finance' };
const demo = [{ type: 'demo_request', at: '2026-11-13T10:00:00Z' }];
const readme = readFileSync(path.join(repoRoot, 'docs/tour.md'), 'utf8');
const steps = (r) => r.grade.steps.map((s) => [s.criterion, s.state, s.thirds]);

test('README worked example: Mia with a demo request is sent to sales at 63 (A-, rule 2)', async () => {
  const scorer = await createScorer();
  const r = scorer.score(mia, { now, events: demo });
  assert.equal(r.score, 63);
  assert.equal(r.band.id, 'warm');
  assert.equal(r.grade.letter, 'A-');
  assert.deepEqual(steps(r), [['icp.company_size', 'match', 3], ['icp.industry', 'match', 3],
    ['icp.seniority', 'match', 2], ['icp.department', 'unknown', 0], ['icp.country', 'unknown', 0]]);
  assert.deepEqual(r.grade.unknown_fields, ['country', 'department']);
  assert.equal(r.grade.clamped, null);
  assert.deepEqual([r.route.action, r.route.rule, r.route.band, r.route.grade], ['send_to_sales', 'sales.strong_fit', 'warm', 'A-']);
  assert.deepEqual(r.route.strong_actions, [{ rule: 'intent.demo', type: 'demo_request', at: '2026-11-13T10:00:00Z' }]);
  assert.match(readme, /r\.score;  \/\/ 63:/);

  const quiet = scorer.score(mia, { now });
  assert.deepEqual([quiet.score, quiet.grade.letter, quiet.route.rule, quiet.route.action], [33, 'A-', 'nurture.good_fit', 'nurture']);
  assert.match(readme, /Without the demo request she scores 33 with the same A-: rule 5/);
  scorer.dispose();
});

test('README: the busy agency student is hot, graded F and routed to review', async () => {
  const scorer = await createScorer();
  const events = [
    ...Array.from({ length: 16 }, (_, i) => ({ type: 'page_view', at: `2026-11-${String(5 + i).padStart(2, '0')}T10:00:00Z`, props: { url: '/blog' } })),
    { type: 'ebook_download', at: '2026-11-20T10:00:00Z' },
    { type: 'webinar_attended', at: '2026-11-21T10:00:00Z' },
    { type: 'webinar_attended', at: '2026-11-22T10:00:00Z' },
  ];
  const lead = { email: 'leo@uni.example', seniority: 'manager', job_title: 'Head of Growth', company_size: 20, industry: 'agency', country: 'FR', department: 'marketing' };
  const r = scorer.score(lead, { now, events });
  assert.deepEqual([r.score, r.band.id, r.grade.letter, r.route.rule, r.route.action], [85, 'hot', 'F', 'review.poor_fit', 'review']);
  assert.deepEqual(steps(r).map((s) => s[2]), [-3, -3, 2, 1, 1]);
  assert.match(readme, /scores 85 \(hot\) but grades F \(size -3, industry\n-3, seniority \+2, department \+1, country \+1 from D\): rule 4, `review`/);
  scorer.dispose();
});

test('README: threshold crossing and sales feedback examples', async () => {
  const scorer = await createScorer();
  const first = scorer.score(mia, { now, events: demo });
  const second = scorer.score({ ...mia, company_size: 150 }, { now, events: demo, previous: first });
  assert.deepEqual(second.tracking.changes, [{ kind: 'grade', left: 'A-', entered: 'C-' }]);

  const r = scorer.score(mia, { now, feedback: {
    adjustments: [{ by: 'rep-17', at: '2026-11-20T10:00:00Z', points: 10, reason: 'Met at the trade show' }],
    verdict: { by: 'rep-17', at: '2026-11-22T09:00:00Z', value: 'qualified', reason: 'Budget confirmed on a call' } } });
  assert.equal(r.score, 43);
  const adjustment = r.contributions.find((c) => c.kind === 'adjustment');
  assert.deepEqual([adjustment.by, adjustment.label, adjustment.status, adjustment.points], ['rep-17', 'Met at the trade show', 'active', 10]);
  assert.deepEqual([r.route.action, r.route.rule, r.route.overridden.rule, r.route.overridden.action],
    ['send_to_sales', 'verdict', 'nurture.good_fit', 'nurture']);
  assert.match(readme, /score 43 \(33 \+ 10/);

  // The expiry sentence: an expired adjustment stays listed with 0 points.
  const expired = scorer.score(mia, { now, feedback: { adjustments: [{ by: 'rep-17', at: '2026-10-01T10:00:00Z',
    points: 10, reason: 'Old note', expires: '2026-11-01T00:00:00Z' }] } });
  const line = expired.contributions.find((c) => c.kind === 'adjustment');
  assert.deepEqual([line.points, line.status, expired.score], [0, 'expired', 33]);

  // Verification round trip as the README shows it (browser and server here both wasm).
  const submission = scorer.submission(mia, { now, events: demo });
  assert.deepEqual(scorer.verify(submission), { status: 'match' });
  scorer.dispose();
});

test('README: the accounts command prints the lines the README shows', () => {
  const r = runCli(['accounts', '--model', path.join(repoRoot, 'examples/models/accounts.json'), '--now', now,
    '--format', 'csv', path.join(repoRoot, 'examples/accounts/contacts.csv')]);
  assert.equal(r.status, 1, r.stderr); // the example holds one contact without a company id, on purpose
  const lines = r.stdout.trimEnd().split('\n');
  for (const line of [lines[0], lines[1], lines[2], ',,,,,,,,,account_id_missing,8']) {
    assert.ok(lines.includes(line), `CLI output lacks ${line}`);
    assert.ok(readme.includes(`# ${line}`), `README lacks ${line}`);
  }
});
