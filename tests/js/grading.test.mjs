// Grading and sales feedback through the npm package (createScorer, scorer.score(lead, {now,
// feedback})): the worked examples of docs/grading.md and docs/feedback.md, errors as
// LeadscoreError with their pointers, and the feedback option's absent/null forms.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { LeadscoreError, createScorer } from '../../bindings/js/node.mjs';
import { repoRoot } from './support.mjs';

const NOW = '2026-11-23T10:00:00Z';

const base = {
  format_version: 1, id: 'grading-js', version: '1',
  fields: [
    { name: 'industry', type: 'string' },
    { name: 'company_size', type: 'integer' },
    { name: 'country', type: 'string' },
  ],
  groups: [{ id: 'g' }],
  rules: [{ id: 'r', group: 'g', points: 20, when: true }],
  scale: { min: 0, max: 100 },
  bands: [{ id: 'low', action: 'nurture', from: 0, to: 49 }, { id: 'high', action: 'call', from: 50, to: 100 }],
};

// The grading section shown in docs/grading.md, read from the doc so the example cannot drift.
function docGrading() {
  const doc = readFileSync(path.join(repoRoot, 'docs/grading.md'), 'utf8');
  const start = doc.indexOf('```json', doc.indexOf('## The criteria method')) + 7;
  return JSON.parse(`{${doc.slice(start, doc.indexOf('```', start))}}`).grading;
}

const expectLeadscoreError = (fn, code, errorPath) =>
  assert.throws(fn, (e) => e instanceof LeadscoreError && e.code === code && e.path === errorPath);

test('the worked example of docs/grading.md gives the letters the doc states', async () => {
  const scorer = await createScorer({ ...base, grading: docGrading() });
  try {
    const g = scorer.score({ industry: 'software', country: 'US' }, { now: NOW }).grade;
    assert.deepEqual([g.letter, g.rank, g.method, g.start, g.clamped], ['C+', 6, 'criteria', 'D', null]);
    assert.deepEqual(g.steps.map((s) => [s.state, s.thirds]), [['match', 3], ['unknown', 0], ['match', 1]]);
    assert.deepEqual(g.steps[1].missing, ['company_size']);
    assert.deepEqual(g.unknown_fields, ['company_size']);
    assert.equal('adjustments' in g, false);
    const retail = scorer.score({ industry: 'retail', country: 'US' }, { now: NOW }).grade;
    assert.deepEqual([retail.letter, retail.clamped], ['F', null]);
    const clamped = scorer.score({ industry: 'retail', country: 'DE' }, { now: NOW }).grade;
    assert.deepEqual([clamped.letter, clamped.rank, clamped.clamped], ['F', 0, 'F']);
  } finally {
    scorer.dispose();
  }
});

test('fit_bands grades the capped fit points, not the feedback points', async () => {
  const scorer = await createScorer({
    ...base, grading: { method: 'fit_bands', bands: [{ grade: 'A', from: 30 }, { grade: 'C', from: 20 }] },
  });
  try {
    const feedback = { adjustments: [{ by: 'rep', at: '2026-11-20T10:00:00Z', points: 15, reason: 'trade show' }] };
    const r = scorer.score({}, { now: NOW, feedback });
    assert.equal(r.fit.points, 20);
    assert.equal(r.points, 35);
    assert.deepEqual(r.grade, { letter: 'C', rank: 5, method: 'fit_bands', steps: [], unknown_fields: [], clamped: null });
  } finally {
    scorer.dispose();
  }
});

test('the worked example of docs/feedback.md gives the numbers the doc states', async () => {
  const grading = { criteria: [{ id: 'sw', weight: 3, when: { '==': [{ var: 'industry' }, 'software'] } }] };
  const scorer = await createScorer({ ...base, grading, feedback: { expire_after: '3d' } });
  try {
    const feedback = {
      adjustments: [
        { by: 'rep-17', at: '2026-11-20T10:00:00Z', points: 10, reason: 'met at trade show' },
        { by: 'rep-17', at: '2026-11-21T10:00:00Z', points: 7, reason: 'asked for pricing' },
        { by: 'rep-9', at: '2026-11-22T10:00:00Z', grade: 2, reason: 'budget owner' },
        { by: 'rep-9', at: '2026-11-24T10:00:00Z', grade: 'A', reason: 'board approval expected' },
      ],
    };
    const r = scorer.score({ industry: 'software' }, { now: NOW, feedback });
    assert.equal(r.score, 27);
    assert.deepEqual([r.grade.letter, r.grade.rank], ['B-', 7]);
    assert.deepEqual(r.grade.adjustments, [{ index: 2, by: 'rep-9', thirds: 2 }]);
    assert.deepEqual(r.feedback, { points: 7, active: 2, expired: 1, future: 1, verdict: null });
    const adjustments = r.contributions.filter((c) => c.kind === 'adjustment');
    assert.deepEqual(adjustments.map((c) => [c.index, c.status, c.points, c.expires ?? null]), [
      [0, 'expired', 0, '2026-11-23T10:00:00Z'],
      [1, 'active', 7, '2026-11-24T10:00:00Z'],
      [2, 'active', 0, '2026-11-25T10:00:00Z'],
      [3, 'future', 0, '2026-11-27T10:00:00Z'],
    ]);
    assert.deepEqual(adjustments[2], {
      kind: 'adjustment', label: 'budget owner', group: '', points: 0, index: 2, by: 'rep-9',
      at: '2026-11-22T10:00:00Z', status: 'active', expires: '2026-11-25T10:00:00Z', grade: 2,
    });
    assert.deepEqual(r.warnings.map((w) => [w.code, w.path]), [['feedback_future', '/feedback/adjustments/3/at']]);
  } finally {
    scorer.dispose();
  }
});

test('a verdict is recorded; without the option there is no feedback key', async () => {
  const scorer = await createScorer(base);
  try {
    const verdict = { by: 'rep-1', at: '2026-11-22T16:00:00+01:00', value: 'disqualified', reason: 'student' };
    const r = scorer.score({}, { now: NOW, feedback: { verdict } });
    assert.deepEqual(r.feedback.verdict, { ...verdict, at: '2026-11-22T15:00:00Z', status: 'active' });
    assert.equal('feedback' in scorer.score({}, { now: NOW }), false);
    assert.equal('feedback' in scorer.score({}, { now: NOW, feedback: null }), false);
  } finally {
    scorer.dispose();
  }
});

test('model and feedback errors are LeadscoreErrors with their pointers', async () => {
  const criterion = { id: 'c', weight: 4, when: { '==': [{ var: 'country' }, 'US'] } };
  await assert.rejects(createScorer({ ...base, grading: { criteria: [criterion] } }),
    (e) => e instanceof LeadscoreError && e.code === 'grade_weight' && e.path === '/grading/criteria/0/weight');
  await assert.rejects(createScorer({ ...base, grading: { criteria: [{ ...criterion, weight: 1, when: { var: 'revenue' } }] } }),
    (e) => e instanceof LeadscoreError && e.code === 'unknown_field' && e.path === '/grading/criteria/0/when');
  await assert.rejects(createScorer({ ...base, grading: { start: 'E', criteria: [] } }),
    (e) => e instanceof LeadscoreError && e.code === 'unknown_grade' && e.path === '/grading/start');

  const scorer = await createScorer(base);
  try {
    const ok = { by: 'rep', at: '2026-11-20T10:00:00Z', points: 5, reason: 'call went well' };
    const score = (feedback) => () => scorer.score({}, { now: NOW, feedback });
    expectLeadscoreError(score({ adjustments: [ok, { ...ok, at: 'yesterday' }] }), 'feedback_invalid', '/feedback/adjustments/1/at');
    expectLeadscoreError(score({ adjustments: [{ ...ok, grade: 'A' }] }), 'feedback_invalid', '/feedback/adjustments/0/grade');
    expectLeadscoreError(score({ adjustments: [{ ...ok, points: undefined, grade: 0 }] }), 'feedback_invalid', '/feedback/adjustments/0/grade');
    expectLeadscoreError(score({ adjustments: Array(1001).fill(ok) }), 'feedback_invalid', '/feedback/adjustments');
    const verdict = { by: 'rep', at: '2026-11-20T10:00:00Z', value: 'yes', reason: 'call went well' };
    expectLeadscoreError(score({ verdict }), 'feedback_invalid', '/feedback/verdict/value');
    expectLeadscoreError(score('great lead'), 'feedback_invalid', '/feedback');
    // The scorer still works after errors.
    assert.equal(scorer.score({}, { now: NOW, feedback: { adjustments: [ok] } }).score, 25);
  } finally {
    scorer.dispose();
  }
});
