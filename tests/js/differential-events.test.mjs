// Randomized differential test with events: 10,000+ generated leads, each with 0 to 200 generated
// events, are scored by the native CLI (`leadscore score --events EVENTS.jsonl`) and by the wasm
// package (`scoreJson(lead, {now, events})`), and the result bytes must be identical for every
// lead. Models: the default model and several random models that use every engagement rule kind
// and every decay kind (tests/js/events-random.mjs); several `now` values. Events aim at the
// spec's edges: exactly at `now`, in the future, exactly on window / half-life / inactivity edges
// and 1 ms either side, duplicates, ties, unordered input, invalid and unknown events.
//
// Reproduce with LEADSCORE_EVENTS_SEED=<seed> (printed in the test name); LEADSCORE_EVENTS_LEADS
// changes the number of leads. On a mismatch the test prints the seed, the chunk, the lead index
// and the first differing bytes, shrinks the case to a small lead + events that still differ,
// and writes it (model, lead, events, both outputs, a CLI command) to a directory it names.
import assert from 'node:assert/strict';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { createScorer } from 'leadscore';
import { eventCount, modelEdges, randomEvents, randomFitLead, randomModel, rawJson } from './events-random.mjs';
import { makeRandom } from './random.mjs';
import { cliPath, defaultModelText, repoRoot, runCli, tempDir } from './support.mjs';

const seed = Number(process.env.LEADSCORE_EVENTS_SEED ?? 20261124);
const totalLeads = Number(process.env.LEADSCORE_EVENTS_LEADS ?? 10_200);
const rnd = makeRandom(seed);

const NOWS = [
  '2026-11-23T10:00:00Z',
  '2026-11-23T23:59:59.999+05:30',
  '2025-01-01T00:00:00-08:00',
  '2028-02-29T12:00:00.001Z',
  '2026-03-29T01:30:00+01:00',
  '2026-11-23T12:00:00z',
  '9999-12-31T23:59:59.999+00:00',
  '0001-03-01T00:00:00-01:00',
  '2000-02-29T23:59:59.999-23:59',
];

// ---------------------------------------------------------------------------------------------
// Leads

const defaultModel = JSON.parse(defaultModelText);

function defaultFieldValue(field) {
  const r = rnd.next();
  if (r < 0.1) return undefined;
  if (r < 0.13) return rnd.pick([null, '', 'n/a', true]);
  switch (field.type) {
    case 'enum': return rnd.chance(0.2) ? rnd.pick(field.values).toUpperCase() : rnd.pick(field.values);
    case 'integer': return rnd.pick([5, 50, 250, 1000, '350', 12000]);
    case 'number': return rnd.pick([500000, 7e6, 6e7, '12.5e6']);
    case 'boolean': return rnd.pick([true, false, 'yes', 0]);
    case 'email': return rnd.pick(['ada@acme.example', 'bo@gmail.com', 'broken@', ' x@corp.example ']);
    case 'date': return rnd.pick(['2026-01-31', '2026-11-24', '2026-11-23T23:30:00-02:00', 'soon']);
    default: return field.name === 'country' ? rnd.pick(['US', 'DE', 'AU', 'JP', 'gb']) : rnd.pick(['Ada', 'Head of Sales', '', 'Chief Officer']);
  }
}

function leadFor(model) {
  if (model.id !== defaultModel.id) return randomFitLead(rnd);
  const lead = {};
  for (const field of model.fields) {
    const v = defaultFieldValue(field);
    if (v !== undefined) lead[field.name] = v;
  }
  return lead;
}

/**
 * One chunk: a model, a `now` and `count` leads with their events. Leads carry an `id` (some a
 * `lead_id`, some a number, whose events give it as a number or as a string) and are sorted by
 * it in byte order, as the CLI's merge join expects; the events file follows the same order.
 */
function makeChunk(index, modelText, now, count) {
  const model = JSON.parse(modelText);
  const edges = modelEdges(model);
  const nowMs = Date.parse(now.replace(/z$/, 'Z'));
  const items = [];
  for (let i = 0; i < count; i++) {
    const lead = leadFor(model);
    const roll = rnd.next();
    const numeric = roll < 0.05;
    const id = numeric ? 7_000_000 + index * 10_000 + i : `c${String(index).padStart(2, '0')}-L${String(i).padStart(5, '0')}`;
    const key = !numeric && roll > 0.9 ? 'lead_id' : 'id';
    const withId = { [key]: id, ...lead };
    // Some leads' events carry numbers in spellings JSON.stringify never writes; wasm gets those
    // as JSON text (the same bytes as the events file), the others as an array of objects.
    const raw = rnd.chance(0.15);
    const generated = randomEvents(rnd, { model, nowMs, leadId: id, edges, count: eventCount(rnd), raw });
    for (const e of generated) if (e.event && numeric && rnd.chance(0.5)) e.event.lead_id = String(id);
    // The core ignores keys other than type/at/props: wasm gets some leads' events without lead_id.
    const stripLeadId = rnd.chance(0.5);
    const entries = generated.map((e) => (e.event ? { line: rawJson(e.event) } : e));
    const objects = generated.filter((e) => e.event).map((e) => {
      if (!stripLeadId) return e.event;
      const { lead_id: _omit, ...rest } = e.event;
      return rest;
    });
    const texts = objects.map(rawJson);
    const events = raw ? `[${texts.join(',')}]` : objects;
    items.push({ lead: withId, sortKey: String(id), entries, events, texts, raw });
  }
  items.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  return { index, modelText, model, now, items };
}

// ---------------------------------------------------------------------------------------------
// Scoring both ways

/** Cuts the CLI JSONL envelope: {record, text} for a result line, {record, error} for an error. */
function cutEnvelope(line) {
  const marker = line.indexOf('"result":');
  if (marker < 0) {
    const { record, error } = JSON.parse(line);
    return { record, error };
  }
  const { record } = JSON.parse(`${line.slice(0, marker - 1)}}`);
  return { record, text: line.slice(marker + '"result":'.length, -1) };
}

/** Writes model, leads and events files of the given items and runs the CLI with --events. */
function runChunkCli(dir, modelText, now, items) {
  const modelPath = path.join(dir, 'model.json');
  const leadsPath = path.join(dir, 'leads.jsonl');
  const eventsPath = path.join(dir, 'events.jsonl');
  const eventLines = [];
  const expectedLines = [];
  for (const item of items) {
    const lines = [];
    for (const e of item.entries) {
      if (e.broken !== undefined) eventLines.push(e.broken);
      else {
        eventLines.push(e.line);
        lines.push(eventLines.length);
      }
    }
    expectedLines.push(lines);
  }
  writeFileSync(modelPath, modelText);
  writeFileSync(leadsPath, `${items.map((it) => JSON.stringify(it.lead)).join('\n')}\n`);
  writeFileSync(eventsPath, eventLines.length ? `${eventLines.join('\n')}\n` : '');
  const args = ['score', '--model', modelPath, '--now', now, '--events', eventsPath, leadsPath];
  const r = runCli(args);
  return { r, args, expectedLines, brokenLines: eventLines.length - expectedLines.flat().length };
}

function wasmText(scorer, lead, now, events) {
  try {
    return { text: scorer.scoreJson(lead, { now, events }) };
  } catch (error) {
    if (!error.code) throw error;
    return { error: { code: error.code, path: error.path } };
  }
}

const same = (native, wasm) => (native.text !== undefined
  ? native.text === wasm.text
  : wasm.error !== undefined && native.error.code === wasm.error.code && native.error.path === wasm.error.path);

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 100);
  return `first difference at byte ${i}:\n  native …${a.slice(from, i + 100)}…\n  wasm   …${b.slice(from, i + 100)}…`;
}

/** An event's JSON text (an object) with the lead's id as its first key, for the events file. */
function withLeadId(text, id) {
  const key = `{"lead_id":${JSON.stringify(id)}`;
  return text === '{}' ? `${key}}` : `${key},${text.slice(1)}`;
}

/** One lead through the CLI (its event texts as an events file), for shrinking. */
function cliOne(dir, modelText, now, lead, texts) {
  const id = lead.id ?? lead.lead_id;
  const { r } = runChunkCli(dir, modelText, now, [{ lead, entries: texts.map((t) => ({ line: withLeadId(t, id) })) }]);
  const line = r.stdout.trimEnd().split('\n')[0];
  return cutEnvelope(line);
}

/**
 * Shrinks a mismatching case: drops events (halves, then quarters ... then one at a time), then
 * lead fields, then engagement and fit rules of the model, keeping each step only while native
 * and wasm still differ. Bounded, so a pathological case cannot hang the suite.
 */
async function shrink(dir, modelText, now, lead, events, asText) {
  // wasm gets the events in the form the failing call used: JSON text, or objects.
  const wasmEvents = (texts) => (asText ? `[${texts.join(',')}]` : texts.map((t) => JSON.parse(t)));
  let budget = 600;
  const differs = async (mText, l, evs) => {
    if (--budget < 0) return false;
    let scorer;
    try {
      scorer = await createScorer(mText);
    } catch {
      return false;  // the shrunk model is invalid: not this case
    }
    try {
      const native = cliOne(dir, mText, now, l, evs);
      return !same(native, wasmText(scorer, l, now, wasmEvents(evs)));
    } finally {
      scorer.dispose();
    }
  };
  let evs = events;
  for (let size = Math.max(1, evs.length >> 1); size >= 1; size = size === 1 ? 0 : size >> 1) {
    for (let at = 0; at < evs.length;) {
      const candidate = [...evs.slice(0, at), ...evs.slice(at + size)];
      if (await differs(modelText, lead, candidate)) evs = candidate;
      else at += size;
    }
  }
  for (let i = 0; i < evs.length; i++) {
    const e = JSON.parse(evs[i]);
    // Only events whose text JSON.stringify reproduces (no raw number spellings) are edited.
    if (JSON.stringify(e) !== evs[i]) continue;
    for (const key of Object.keys(e)) {
      if (key === 'type' || key === 'at') continue;
      const { [key]: _drop, ...rest } = JSON.parse(evs[i]);
      const candidate = evs.map((x, j) => (j === i ? JSON.stringify(rest) : x));
      if (await differs(modelText, lead, candidate)) evs = candidate;
    }
    const props = JSON.parse(evs[i]).props;
    if (!props || typeof props !== 'object' || Array.isArray(props)) continue;
    for (const key of Object.keys(props)) {
      const current = JSON.parse(evs[i]);
      delete current.props[key];
      const candidate = evs.map((x, j) => (j === i ? JSON.stringify(current) : x));
      if (await differs(modelText, lead, candidate)) evs = candidate;
    }
  }
  let l = lead;
  for (const key of Object.keys(lead)) {
    if (key === 'id' || key === 'lead_id') continue;
    const { [key]: _drop, ...rest } = l;
    if (await differs(modelText, rest, evs)) l = rest;
  }
  let model = JSON.parse(modelText);
  for (const where of ['engagement', 'fit']) {
    const list = () => (where === 'fit' ? model.rules : model.engagement?.rules ?? []);
    for (let i = list().length - 1; i >= 0; i--) {
      const candidate = structuredClone(model);
      (where === 'fit' ? candidate.rules : candidate.engagement.rules).splice(i, 1);
      if (await differs(JSON.stringify(candidate), l, evs)) model = candidate;
    }
  }
  return { modelText: JSON.stringify(model), lead: l, events: evs, exhausted: budget < 0 };
}

async function report(chunk, i, native, wasm, dir) {
  const { lead, texts, raw } = chunk.items[i];
  const head = `seed ${seed}, chunk ${chunk.index} (model ${chunk.model.id}, now ${chunk.now}), lead index ${i} `
    + `(${JSON.stringify(lead.id ?? lead.lead_id)}, ${texts.length} events${raw ? ', given to wasm as JSON text' : ''})`;
  const diff = native.text !== undefined && wasm.text !== undefined
    ? firstDifference(native.text, wasm.text)
    : `native ${native.text ?? JSON.stringify(native.error)}\n  wasm   ${wasm.text ?? JSON.stringify(wasm.error)}`;
  const small = await shrink(dir, chunk.modelText, chunk.now, lead, texts, raw);
  const scorer = await createScorer(small.modelText);
  const n = cliOne(dir, small.modelText, chunk.now, small.lead, small.events);
  const eventsText = `[${small.events.join(',')}]`;
  const w = wasmText(scorer, small.lead, chunk.now, raw ? eventsText : JSON.parse(eventsText));
  scorer.dispose();
  const reproDir = tempDir();
  writeFileSync(path.join(reproDir, 'model.json'), small.modelText);
  writeFileSync(path.join(reproDir, 'lead.json'), JSON.stringify(small.lead));
  writeFileSync(path.join(reproDir, 'events.json'), `[\n${small.events.join(',\n')}\n]\n`);
  const smallId = small.lead.id ?? small.lead.lead_id;
  writeFileSync(path.join(reproDir, 'leads.jsonl'), `${JSON.stringify(small.lead)}\n`);
  writeFileSync(path.join(reproDir, 'events.jsonl'), small.events.map((t) => `${withLeadId(t, smallId)}\n`).join(''));
  writeFileSync(path.join(reproDir, 'native.txt'), n.text ?? JSON.stringify(n.error));
  writeFileSync(path.join(reproDir, 'wasm.txt'), w.text ?? JSON.stringify(w.error));
  const smallDiff = n.text !== undefined && w.text !== undefined ? firstDifference(n.text, w.text) : '(error on one side)';
  const smallModel = JSON.parse(small.modelText);
  const kept = `${smallModel.engagement?.rules.length ?? 0} of ${chunk.model.engagement?.rules.length ?? 0} engagement rules, `
    + `${smallModel.rules.length} of ${chunk.model.rules.length} fit rules`;
  return `${head}\n  ${diff}\n\nshrunk${small.exhausted ? ' (budget exhausted)' : ''} to ${small.events.length} events, `
    + `lead ${JSON.stringify(small.lead)}, now ${chunk.now}, the model with ${kept}:\n${eventsText}\n  ${smallDiff}\n`
    + `repro files in ${reproDir} (model.json, lead.json, events.json, leads.jsonl, events.jsonl, native.txt, wasm.txt); `
    + `CLI: cd ${reproDir} && ${cliPath} score --model model.json --now '${chunk.now}' --events events.jsonl leads.jsonl`;
}

/**
 * In a shared work tree a mismatch can also mean that one runtime was rebuilt from newer sources
 * than the other: says so when a file under core/ is newer than the CLI or the wasm glue.
 */
function staleBuildNote() {
  const newest = (dir) => readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => statSync(f).isFile())
    .reduce((best, f) => (statSync(f).mtimeMs > best.mtimeMs ? { file: f, mtimeMs: statSync(f).mtimeMs } : best), { file: '', mtimeMs: 0 });
  try {
    const source = newest(path.join(repoRoot, 'core'));
    const built = [cliPath, path.join(repoRoot, 'dist/leadscore.wasm')].map((f) => ({ f, mtimeMs: statSync(f).mtimeMs }));
    const stale = built.filter((b) => b.mtimeMs < source.mtimeMs);
    const skew = Math.abs(built[0].mtimeMs - built[1].mtimeMs) / 1000;
    if (stale.length) {
      return `NOTE: ${path.relative(repoRoot, source.file)} is newer than ${stale.map((b) => path.relative(repoRoot, b.f)).join(' and ')}: `
        + 'rebuild both (scripts/build.sh native, scripts/build.sh wasm) before reading this as a core bug.\n';
    }
    return skew > 60 ? `(the CLI and the wasm glue were built ${skew.toFixed(0)} s apart)\n` : '';
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------

test(`native CLI --events and wasm agree byte for byte on ${totalLeads.toLocaleString('en-US')} random leads with 0-200 events (seed ${seed})`, async (t) => {
  // The default model at three `now`s, and four random models at two `now`s each.
  const plan = [
    ...[0, 1, 2].map((k) => ({ modelText: defaultModelText, now: NOWS[k], weight: 1.3 })),
  ];
  for (let m = 0; m < 4; m++) {
    const modelText = JSON.stringify(randomModel(rnd, `random-${seed}-${m}`));
    for (const k of [3 + 2 * m, 4 + 2 * m]) plan.push({ modelText, now: NOWS[k % NOWS.length], weight: 1 });
  }
  const weights = plan.reduce((s, p) => s + p.weight, 0);
  let compared = 0;
  let events = 0;
  let broken = 0;
  const mismatches = [];
  const manyMismatches = [];
  const dir = tempDir();  // the chunk's files, rewritten for each chunk; removed at the end
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const started = Date.now();
  let planned = 0;
  for (const [index, p] of plan.entries()) {
    const count = index === plan.length - 1
      ? Math.max(1, totalLeads - planned)
      : Math.max(1, Math.round((totalLeads * p.weight) / weights));
    planned += count;
    let scorer;
    try {
      scorer = await createScorer(p.modelText);
    } catch (error) {
      assert.fail(`seed ${seed}: generated model #${index} does not load in wasm: ${error.code} ${error.path} ${error.message}`);
    }
    try {
      const chunk = makeChunk(index, p.modelText, p.now, count);
      const { r, args, expectedLines, brokenLines } = runChunkCli(dir, p.modelText, p.now, chunk.items);
      assert.ok(r.status === 0 || r.status === 1, `seed ${seed}, chunk ${index}: CLI exited ${r.status}: ${r.stderr}\n(${args.join(' ')})`);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, chunk.items.length, `seed ${seed}, chunk ${index}: one CLI output line per lead`);
      if (brokenLines > 0) assert.equal(r.status, 1, `seed ${seed}, chunk ${index}: broken event lines must make the exit code 1`);
      for (let i = 0; i < chunk.items.length; i++) {
        const item = chunk.items[i];
        const native = cutEnvelope(lines[i]);
        const wasm = wasmText(scorer, item.lead, p.now, item.events);
        events += item.texts.length;
        if (!same(native, wasm)) {
          mismatches.push({ chunk, i, native, wasm });
        } else if (native.text !== undefined) {
          assert.deepEqual(native.record.event_lines ?? [], expectedLines[i],
            `seed ${seed}, chunk ${index}, lead ${i}: event_lines are not the lines of the lead's events`);
        }
        compared += 1;
      }
      broken += brokenLines;
      // scoreMany with per-lead events gives what scoreJson gives (parsed), on a sample.
      const sample = chunk.items.slice(0, 120).filter((it) => !it.raw);
      const many = scorer.scoreMany(sample.map((it) => it.lead), { now: p.now, events: sample.map((it) => it.events) });
      for (let i = 0; i < sample.length; i++) {
        const one = wasmText(scorer, sample[i].lead, p.now, sample[i].events);
        const got = JSON.stringify(many[i].error ? { code: many[i].error.code, path: many[i].error.path } : many[i]);
        const want = JSON.stringify(one.text !== undefined ? JSON.parse(one.text) : one.error);
        if (got !== want) manyMismatches.push(`chunk ${index} lead ${chunk.items.indexOf(sample[i])}:\n  scoreMany ${got}\n  scoreJson ${want}`);
      }
      t.diagnostic(`chunk ${index}: ${chunk.model.id} at ${p.now}: ${chunk.items.length} leads, `
        + `${chunk.items.reduce((s, it) => s + it.texts.length, 0)} events, CLI exit ${r.status}`);
    } finally {
      scorer.dispose();
    }
  }
  t.diagnostic(`${compared} leads, ${events} events (+${broken} non-object lines the CLI skipped) compared in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (mismatches.length) {
    const first = mismatches[0];
    const detail = await report(first.chunk, first.i, first.native, first.wasm, dir);
    const where = mismatches.slice(0, 20).map((m) => `chunk ${m.chunk.index} lead ${m.i}`).join(', ');
    assert.fail(`native and wasm differ on ${mismatches.length} of ${compared} leads (${where}${mismatches.length > 20 ? ', …' : ''})\n${staleBuildNote()}${detail}`);
  }
  assert.equal(manyMismatches.length, 0, `seed ${seed}: wasm scoreMany() differs from scoreJson() on ${manyMismatches.length} leads; first: ${manyMismatches[0]}`);
  assert.ok(compared >= totalLeads, `compared only ${compared}`);
});
