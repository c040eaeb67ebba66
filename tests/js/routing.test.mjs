// Routing through the npm package: the matrix, strong actions and their window, the previous
// option (tracking with dead bands, previous_invalid), routing model errors by pointer, and the
// worked example of docs/routing.md recomputed from the document itself.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { LeadscoreError, createScorer } from '../../bindings/js/node.mjs';
import { repoRoot } from './support.mjs';

const NOW = '2026-11-23T12:00:00Z';
const FLAGS = [64, 32, 16, 8, 4, 2, 1];

// Fit points from boolean flags b64 ... b1, so a lead's score is the sum of the flags it sets.
function baseModel(routing = {}) {
  return {
    format_version: 1, id: 'routing-js', version: '1',
    fields: FLAGS.map((p) => ({ name: `b${p}`, type: 'boolean' })),
    groups: [{ id: 'fit' }],
    rules: FLAGS.map((p) => ({ id: `fit.b${p}`, group: 'fit', points: p, when: { var: `b${p}` } })),
    scale: { min: 0, max: 100 },
    bands: [
      { id: 'cold', action: 'email', from: 0, to: 29 },
      { id: 'warm', action: 'nurture', from: 30, to: 69 },
      { id: 'hot', action: 'call', from: 70, to: 100 },
    ],
    engagement: {
      event_types: [{ id: 'page_view' }, { id: 'demo_request' }],
      groups: [{ id: 'web' }],
      rules: [
        { id: 'web.pricing', group: 'web', event: 'page_view', points: 0, strong: true, when: { in: ['/pricing', { var: 'url' }] } },
        { id: 'intent.demo', group: 'web', event: 'demo_request', points: 0, strong: true },
      ],
    },
    routing: {
      strong_within: '7d',
      rules: [
        { id: 'strong', action: 'send_to_sales', reason: 'asked for it', strong_action: true },
        { id: 'hot', action: 'call_now', reason: 'hot score', bands: ['hot'] },
      ],
      default: { action: 'nurture', reason: 'the rest' },
      ...routing,
    },
  };
}

const leadScoring = (score) => Object.fromEntries(FLAGS.filter((p) => score & p).map((p) => [`b${p}`, true]));

function throwsCode(fn, code, path) {
  assert.throws(fn, (e) => e instanceof LeadscoreError && e.code === code && e.path === path,
    `expected ${code} at ${path}`);
}

test('the matrix: first match wins, else the default; route reports what it read', async () => {
  const scorer = await createScorer(baseModel());
  const warm = scorer.score(leadScoring(40), { now: NOW });
  assert.deepEqual(warm.route, { action: 'nurture', rule: 'default', reason: 'the rest', band: 'warm', grade: null, strong_actions: [] });
  assert.equal(scorer.score(leadScoring(75), { now: NOW }).route.rule, 'hot');
  assert.equal('tracking' in warm, false);
});

test('strong actions: inside the window only, latest first, pattern-free', async () => {
  const scorer = await createScorer(baseModel());
  const events = [
    { type: 'page_view', at: '2026-11-16T12:00:00Z', props: { url: '/pricing' } },      // exactly 7 days: inside
    { type: 'page_view', at: '2026-11-16T11:59:59Z', props: { url: '/pricing/old' } },  // one second older: outside
    { type: 'page_view', at: '2026-11-22T08:00:00Z', props: { url: '/blog' } },         // not pricing
    { type: 'demo_request', at: '2026-11-22T09:00:00Z' },
  ];
  const r = scorer.score(leadScoring(75), { now: NOW, events });
  assert.equal(r.route.rule, 'strong');
  assert.deepEqual(r.route.strong_actions, [
    { rule: 'intent.demo', type: 'demo_request', at: '2026-11-22T09:00:00Z' },
    { rule: 'web.pricing', type: 'page_view', at: '2026-11-16T12:00:00Z' },
  ]);
  const stale = scorer.score(leadScoring(75), { now: NOW, events: [events[1]] });
  assert.deepEqual(stale.route.strong_actions, []);
  assert.equal(stale.route.rule, 'hot');
});

test('tracking: 69 -> 71 -> 69 with a dead band of 3 never changes; without one it flaps', async () => {
  const held = await createScorer(baseModel({ dead_band: { score: 3 } }));
  const plain = await createScorer(baseModel());
  const run = (scorer) => {
    let previous;
    const changes = [];
    for (const s of [69, 71, 69, 71]) {
      const r = scorer.score(leadScoring(s), { now: NOW, ...(previous ? { previous } : {}) });
      if (previous) changes.push(...r.tracking.changes.map((c) => `${c.left}->${c.entered}`));
      previous = r;
    }
    return { changes, last: previous };
  };
  const h = run(held);
  assert.deepEqual(h.changes, []);
  assert.deepEqual(h.last.tracking, { band: 'warm', grade: null, changes: [] });
  assert.equal(h.last.band.id, 'hot');           // the score's own band
  assert.equal(h.last.route.band, 'warm');       // routing reads the held one
  assert.deepEqual(run(plain).changes, ['warm->hot', 'hot->warm', 'warm->hot']);
  // Past the dead band the change lands in the score's band.
  const r = held.score(leadScoring(73), { now: NOW, previous: h.last });
  assert.deepEqual(r.tracking.changes, [{ kind: 'band', left: 'warm', entered: 'hot' }]);
});

test('previous_invalid names the pointer and never echoes the value', async () => {
  const scorer = await createScorer(baseModel());
  const score = (previous) => () => scorer.score(leadScoring(1), { now: NOW, previous });
  throwsCode(score(42), 'previous_invalid', '/previous');
  throwsCode(score({ band: { id: 'tepid' } }), 'previous_invalid', '/previous/band/id');
  throwsCode(score({ tracking: { band: 'warm', grade: 'E+' } }), 'previous_invalid', '/previous/tracking/grade');
  try {
    score({ tracking: { band: 'ada@example.com' } })();
    assert.fail('no error');
  } catch (e) {
    assert.equal(e.path, '/previous/tracking/band');
    assert.equal(e.message.includes('ada@example.com'), false);
  }
});

test('routing model errors by JSON pointer', async () => {
  const bad = async (routing, code, path, patch = (m) => m) => {
    await assert.rejects(createScorer(patch(baseModel(routing))), (e) => e instanceof LeadscoreError && e.code === code && e.path === path,
      `expected ${code} at ${path}`);
  };
  await bad({ rules: [{ id: 'x', action: 'review', reason: 'r', bands: ['tepid'] }] }, 'unknown_band', '/routing/rules/0/bands/0');
  await bad({ rules: [{ id: 'x', action: 'review', reason: 'r', grade: { min: 'B' } }] }, 'grading_missing', '/routing/rules/0/grade');
  await bad({ rules: [{ id: 'x', action: 'review', reason: 'r' }, { id: 'x', action: 'nurture', reason: 'r' }] }, 'duplicate_id', '/routing/rules/1/id');
  await bad({ rules: [{ id: 'x', action: 'review' }] }, 'missing_key', '/routing/rules/0/reason');
  await bad({ verdicts: { rejected: 'discard' } }, 'unknown_key', '/routing/verdicts/rejected');
  await bad({ default: undefined }, 'missing_key', '/routing/default');
  await bad({}, 'rule_kind', '/engagement/rules/2/strong', (m) => {
    m.engagement.rules.push({ id: 'web.often', group: 'web', pattern: 'recency', within: '7d', points: 1, strong: true });
    return m;
  });
});

// The worked example of docs/routing.md: its lead, events and previous result, and the route the
// document states, so the published example cannot drift from the engine.
test('the worked example of docs/routing.md gives the route the doc states', async () => {
  const doc = readFileSync(path.join(repoRoot, 'docs/routing.md'), 'utf8');
  const example = doc.slice(doc.indexOf('## Worked example'));
  const blocks = [...example.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
  const [input, stated] = blocks;
  const scorer = await createScorer(JSON.parse(readFileSync(path.join(repoRoot, 'examples/models/default.json'), 'utf8')));
  const r = scorer.score(input.lead, { now: input.now, events: input.events });
  assert.equal(r.score, stated.score);
  assert.deepEqual(r.route, stated.route);
});
