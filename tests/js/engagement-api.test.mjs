// Engagement through the JS API: the events option of score/scoreJson/scoreMany, bad event input,
// and the worked example of docs/model-format.md recomputed from the document itself.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { LeadscoreError, createScorer } from '../../bindings/js/node.mjs';
import { defaultModelText, repoRoot } from './support.mjs';

const NOW = '2026-11-23T12:00:00Z';

// The engagement section and the events table of the doc's worked example, read from the doc so
// the published numbers cannot drift from the engine.
function docExample() {
  const doc = readFileSync(path.join(repoRoot, 'docs/model-format.md'), 'utf8');
  const section = doc.slice(doc.indexOf('### The `engagement` section'));
  const block = section.slice(section.indexOf('```json') + 7, section.indexOf('```', section.indexOf('```json') + 7));
  const engagement = JSON.parse(`{${block}}`).engagement;
  const example = doc.slice(doc.indexOf('### Worked example'));
  const rows = [...example.matchAll(/^\| (\d+) \| (\w+) \| (\S+) \|\s*(?:`(.*)`)?\s*\|$/gm)];
  const events = rows.map(([, , type, at, props]) => (props ? { type, at, props: JSON.parse(props) } : { type, at }));
  return { engagement, events };
}

test('the worked example of the model doc gives the numbers the doc states', async () => {
  const { engagement, events } = docExample();
  assert.equal(events.length, 5);
  const model = { ...JSON.parse(defaultModelText), engagement };
  const scorer = await createScorer(model);
  const r = scorer.score({ email: 'ada@example.com' }, { now: NOW, events });
  assert.equal(r.engagement.points, 36.2);
  assert.equal(r.engagement.events.duplicates, 1);
  assert.equal(r.engagement.events.used, 4);
  assert.equal(r.last_activity, '2026-11-22T15:00:00Z');
  assert.deepEqual(r.engagement.stages.map((s) => s.points), [2.66, 3.54, 30]);
  const decay = r.contributions.filter((c) => c.kind === 'decay').map((c) => [c.rule, c.points]);
  assert.deepEqual(decay, [['web.visit', -1.34], ['web.pricing', -6.46]]);
  const visit = r.engagement.rules.find((x) => x.id === 'web.visit');
  assert.deepEqual([visit.matched, visit.counted, visit.points], [3, 2, 2.66]);

  // 32 days 21 hours after the last activity: one inactivity step of 10 on the sales group.
  const later = scorer.score({ email: 'ada@example.com' }, { now: '2026-12-25T12:00:00Z', events });
  const inactivity = later.contributions.filter((c) => c.decay === 'inactivity');
  assert.deepEqual(inactivity.map((c) => [c.group, c.points]), [['sales', -10]]);
  scorer.dispose();
});

test('events as an array and as JSON text give the same bytes; scoreMany takes one entry per lead', async () => {
  const scorer = await createScorer();
  const events = [
    { type: 'demo_request', at: '2026-11-20T09:00:00Z' },
    { type: 'page_view', at: '2026-11-22T09:00:00+01:00', props: { url: '/pricing' } },
  ];
  const a = scorer.scoreJson({ email: 'a@example.com' }, { now: NOW, events });
  const b = scorer.scoreJson({ email: 'a@example.com' }, { now: NOW, events: JSON.stringify(events) });
  assert.equal(a, b);
  const withEvents = JSON.parse(a);
  assert.ok(withEvents.engagement.points > 30);
  const many = scorer.scoreMany([{ email: 'a@example.com' }, { email: 'b@example.com' }], { now: NOW, events: [events, null] });
  assert.equal(JSON.stringify(many[0]), JSON.stringify(withEvents));
  assert.equal(many[1].engagement.points, 0);
  assert.equal(many[1].last_activity, null);
  scorer.dispose();
});

test('bad events: clear errors and warnings, never a crash', async () => {
  const scorer = await createScorer();
  assert.throws(() => scorer.score({}, { now: NOW, events: { type: 'page_view' } }),
    (e) => e instanceof LeadscoreError && e.code === 'events_not_array' && e.path === '/events');
  assert.throws(() => scorer.score({}, { now: NOW, events: '{"type":"x"}' }),
    (e) => e.code === 'events_not_array' && e.path === '/events');
  assert.throws(() => scorer.score({}, { now: NOW, events: '[{"type":' }),
    (e) => e.code === 'json_syntax' && /events/.test(e.message));
  assert.throws(() => scorer.scoreMany([{}, {}], { now: NOW, events: [[]] }),
    (e) => e.code === 'events_not_array');

  const tooMany = Array.from({ length: 100001 }, (_, i) => ({ type: 'page_view', at: `2026-11-01T00:00:${String(i % 60).padStart(2, '0')}Z` }));
  assert.throws(() => scorer.score({}, { now: NOW, events: tooMany }), (e) => e.code === 'too_many_events' && e.path === '/events');

  const r = scorer.score({}, {
    now: NOW,
    events: [
      { type: 'page_view', at: '2026-11-20 10:00' },
      { type: 'page_view', at: '2026-11-20T10:00:00Z', props: ['url'] },
      { type: 'teleport', at: '2026-11-20T10:00:00Z' },
      { type: 'page_view', at: '2027-11-20T10:00:00Z' },
    ],
  });
  assert.deepEqual(r.warnings.map((w) => [w.code, w.path]).filter(([c]) => c.startsWith('event')), [
    ['event_invalid', '/events/0/at'],
    ['event_invalid', '/events/1/props'],
    ['event_unknown_type', '/events/2/type'],
    ['events_in_future', '/events/3/at'],
  ]);
  assert.deepEqual(r.engagement.events, { duplicates: 0, future: 1, invalid: 2, received: 4, unknown: 1, used: 0 });
  scorer.dispose();
});

test('the default model scores the seed stages: interest, engagement, intent', async () => {
  const scorer = await createScorer(defaultModelText);
  const at = (daysAgo) => new Date(Date.parse(NOW) - daysAgo * 86400000).toISOString();
  const events = [
    { type: 'newsletter_signup', at: at(3) },
    { type: 'ebook_download', at: at(2), props: { asset: 'guide' } },
    { type: 'demo_request', at: at(1) },
    ...[5, 4, 3].flatMap((d) => [
      { type: 'email_sent', at: at(d), props: { campaign: `c${d}` } },
      { type: 'email_open', at: at(d - 0.5), props: { campaign: `c${d}` } },
    ]),
  ];
  const r = scorer.score({ email: 'a@example.com' }, { now: NOW, events });
  const stages = Object.fromEntries(r.engagement.stages.map((s) => [s.id, s.points]));
  assert.ok(stages.interest > 0 && stages.engagement > 20 && stages.intent === 30, JSON.stringify(stages));
  assert.ok(r.engagement.rules.find((x) => x.id === 'email.streak').fired);

  // Unsubscribing takes 20 points away and resets the email group: the streak no longer counts.
  const gone = scorer.score({ email: 'a@example.com' }, { now: NOW, events: [...events, { type: 'unsubscribe', at: at(0.1) }] });
  assert.equal(gone.engagement.rules.find((x) => x.id === 'email.streak'), undefined, 'no send after the reset: the streak rule matched nothing and is not listed');
  assert.equal(gone.engagement.groups.find((g) => g.id === 'email').points, 0);
  assert.ok(gone.engagement.groups.find((g) => g.id === 'email').reset_at);
  assert.equal(gone.engagement.groups.find((g) => g.id === 'negative').points, -20);
  scorer.dispose();
});

test('the README engagement example gives the numbers the README states', async () => {
  const scorer = await createScorer();
  const events = [
    { type: 'page_view', at: '2026-11-08T10:00:00Z', props: { url: '/pricing' } },
    { type: 'demo_request', at: '2026-11-22T10:00:00Z' },
  ];
  const lead = { email: 'max@shop.example', seniority: 'manager', company_size: '60', industry: 'retail', country: 'DE' };
  const first = scorer.score(lead, { now: '2026-11-23T10:00:00Z', events });
  assert.deepEqual([first.fit.points, first.engagement.points, first.score, first.band.id], [31, 42.78, 74, 'hot']);
  const later = scorer.score(lead, { now: '2026-12-28T10:00:00Z', events });
  assert.deepEqual([later.fit.points, later.engagement.points, later.score, later.band.id], [31, 23.46, 54, 'warm']);
  const readme = readFileSync(path.join(repoRoot, 'docs/tour.md'), 'utf8');
  assert.match(readme, /fit 31 \+ engagement 42\.78 -> score 74, hot/);
  assert.match(readme, /fit 31 \+ engagement 23\.46 -> score 54, warm/);
  scorer.dispose();
});
