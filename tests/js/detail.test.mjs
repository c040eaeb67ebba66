// Detail levels through the public APIs: a summary says what the explain result says (wasm, for
// random leads with and without events, over every example model; both levels valid under
// schema/result.schema.json), the native CLI writes the same summary bytes as wasm, and a bad
// detail level is a clear error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { createScorer, LeadscoreError } from 'leadscore';
import { eventCount, modelEdges, randomEvents } from './events-random.mjs';
import { makeRandom, randomLeadFor } from './random.mjs';
import { assertResultMatchesSchema } from './result-schema.mjs';
import { repoRoot, runCli, tempDir } from './support.mjs';
import { writeFileSync } from 'node:fs';

const NOW = '2026-11-23T10:00:00Z';
const examples = ['default.json', 'personas.json', 'accounts.json']
  .map((name) => readFileSync(path.join(repoRoot, 'examples/models', name), 'utf8'));

// The summary's keys, each from the explain result (docs/model-format.md, "Summary result").
function summaryOf(explain) {
  const out = {
    band: explain.band,
    detail: 'summary',
    engagement_points: explain.engagement.points,
    fit_points: explain.fit.points,
    format_version: explain.format_version,
    last_activity: explain.last_activity,
    model: { fingerprint: explain.model.fingerprint, id: explain.model.id, version: explain.model.version },
    now: explain.now,
    points: explain.points,
    score: explain.score,
    warnings: explain.warnings.map((w) => w.code),
  };
  if (explain.model.persona) out.model.persona = explain.model.persona.id;
  if ('grade' in explain) out.grade = explain.grade.letter;
  if ('probability' in explain) out.probability = explain.probability;
  if ('quality' in explain) out.quality = explain.quality.verdict;
  if ('route' in explain) out.route = explain.route.action;
  if ('data' in explain) out.data = explain.data;
  return out;
}

function corpus(modelText, seed, count) {
  const rnd = makeRandom(seed);
  const model = JSON.parse(modelText);
  const edges = model.engagement ? modelEdges(model) : null;
  const leads = [];
  const events = [];
  for (let i = 0; i < count; i++) {
    leads.push({ id: `d${i}`, ...randomLeadFor(rnd, model) });
    events.push(edges && rnd.chance(0.5)
      ? randomEvents(rnd, { model, nowMs: Date.parse(NOW), leadId: `d${i}`, edges, count: Math.min(eventCount(rnd), 40) })
        .filter((e) => e.event).map((e) => e.event)
      : null);
  }
  return { leads, events };
}

test('wasm: every summary equals the summary of its explain result (random leads, events, every example model)', async () => {
  let compared = 0;
  for (const [index, modelText] of examples.entries()) {
    const scorer = await createScorer(modelText);
    try {
      const { leads, events } = corpus(modelText, 7000 + index, 700);
      const summaries = scorer.scoreMany(leads, { now: NOW, events, detail: 'summary' });
      const explained = scorer.scoreMany(leads, { now: NOW, events });
      assert.equal(summaries.length, leads.length);
      for (let i = 0; i < leads.length; i++) {
        // Both levels as schema/result.schema.json describes them.
        assertResultMatchesSchema('score_many_entry', explained[i], `model ${index}, lead ${i} (explain)`);
        assertResultMatchesSchema('score_many_summary_entry', summaries[i], `model ${index}, lead ${i} (summary)`);
        if ('error' in explained[i]) {
          assert.deepEqual(summaries[i], explained[i], `lead ${i}: the same error at both levels`);
          continue;
        }
        assert.deepEqual(summaries[i], summaryOf(explained[i]), `model ${index}, lead ${i}`);
        // One lead at a time gives the same text as the batch.
        if (i % 50 === 0) {
          const one = scorer.scoreJson(leads[i], { now: NOW, events: events[i] ?? undefined, detail: 'summary' });
          assert.deepEqual(JSON.parse(one), summaries[i]);
        }
        compared += 1;
      }
    } finally {
      scorer.dispose();
    }
  }
  assert.ok(compared >= 1500, `only ${compared} compared`);
});

test('a detail level other than "explain" or "summary" is a LeadscoreError at /detail', async () => {
  const scorer = await createScorer();
  try {
    for (const detail of ['Summary', 'short', '', 5, {}]) {
      for (const call of [() => scorer.score({}, { now: NOW, detail }), () => scorer.scoreMany([{}], { now: NOW, detail }),
        () => scorer.scoreJson({}, { now: NOW, detail })]) {
        assert.throws(call, (e) => e instanceof LeadscoreError && e.code === 'detail_invalid' && e.path === '/detail',
          `detail ${JSON.stringify(detail)}`);
      }
    }
    // Absent or null: the whole result.
    assert.ok('contributions' in scorer.score({}, { now: NOW, detail: null }));
    assert.ok('contributions' in scorer.score({}, { now: NOW }));
    assert.equal(scorer.score({}, { now: NOW, detail: 'explain' }).detail, undefined);
  } finally {
    scorer.dispose();
  }
});

test('CLI --detail summary writes the bytes wasm writes, in JSONL; CSV columns are the explain values', async () => {
  const modelText = examples[0];
  const { leads } = corpus(modelText, 9100, 400);
  const dir = tempDir();
  const leadsPath = path.join(dir, 'leads.jsonl');
  const modelPath = path.join(dir, 'model.json');
  writeFileSync(leadsPath, `${leads.map((l) => JSON.stringify(l)).join('\n')}\n`);
  writeFileSync(modelPath, modelText);
  const summary = runCli(['score', '--model', modelPath, '--now', NOW, '--detail', 'summary', leadsPath]);
  assert.equal(summary.status, 0, summary.stderr);
  const lines = summary.stdout.trimEnd().split('\n');
  assert.equal(lines.length, leads.length);
  const scorer = await createScorer(modelText);
  try {
    for (let i = 0; i < leads.length; i++) {
      const text = lines[i].slice(lines[i].indexOf('"result":') + 9, -1);
      assert.equal(text, scorer.scoreJson(leads[i], { now: NOW, detail: 'summary' }), `lead ${i}`);
    }
  } finally {
    scorer.dispose();
  }
  // CSV scores the summary way whatever --detail says: its columns must be the explain values.
  const csv = runCli(['score', '--model', modelPath, '--now', NOW, '--format', 'csv', leadsPath]);
  assert.equal(csv.status, 0, csv.stderr);
  const rows = csv.stdout.trimEnd().split('\n').slice(1);
  assert.equal(rows.length, leads.length);
  const scorer2 = await createScorer(modelText);
  try {
    for (let i = 0; i < leads.length; i++) {
      const r = scorer2.score(leads[i], { now: NOW });
      const cells = rows[i].split(',');  // the default model's ids, bands and actions hold no comma
      const want = [String(i + 1), leads[i].id, String(r.score), r.band.id, r.band.action, String(r.points),
        String(r.warnings.length), '', String(r.fit.points), String(r.engagement.points), r.last_activity ?? '',
        r.grade.letter, r.route.action, ''];
      assert.deepEqual(cells, want, `CSV row ${i + 1}`);
    }
  } finally {
    scorer2.dispose();
  }
  const bad = runCli(['score', '--model', modelPath, '--now', NOW, '--detail', 'full', leadsPath]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--detail/);
});
