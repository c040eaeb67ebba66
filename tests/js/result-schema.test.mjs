// schema/result.schema.json agrees with the engine: every golden vector's result (and its
// `expected` subset) is valid under the $defs entry of its kind, every expected_error under
// $defs/error, and so are thousands of results of random inputs (random models with events, the
// example models with sales feedback and previous results, random accounts, submissions and every
// verify outcome) at both detail levels. The schema is strict, so the negative cases at the end
// show that a result with an unknown key, without a required key or with a wrong code fails.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';

import { createScorer, LeadscoreError } from '../../bindings/js/node.mjs';
import { eventCount, modelEdges, randomEvents, randomFitLead, randomModel } from './events-random.mjs';
import { makeRandom, randomLeadFor } from './random.mjs';
import { assertResultMatchesSchema, partialValidator, resultSchema, resultValidator, schemaErrors } from './result-schema.mjs';
import { loadVectors, repoRoot, vectorModelText } from './support.mjs';
import { vectorCall } from './vector-call.mjs';

const NOW = '2026-11-23T10:00:00Z';
const NOW_MS = Date.parse(NOW);
const exampleText = (name) => readFileSync(path.join(repoRoot, 'examples/models', name), 'utf8');

// The $defs entry a vector's result is checked against (the vector kinds of tests/vectors/README.md).
function vectorKind(v) {
  if (v.expected_error) return 'error';
  if ('check_field' in v) return 'check_field_result';
  if ('check_lead' in v) return 'check_lead_result';
  if ('score_account' in v) return 'account_result';
  if ('verify' in v) return 'verify_result';
  return v.detail === 'summary' ? 'score_summary' : 'score_result';
}

// How many vectors of each kind there are: a vector added (or no longer recognised) changes a
// count here, so none is skipped silently. Update with tests/vectors/MANIFEST.
const VECTOR_COUNTS = {
  score_result: 256,
  score_summary: 6,
  check_field_result: 83,
  check_lead_result: 23,
  account_result: 15,
  verify_result: 15,
  error: 86,
};

test('the schema is a valid draft 2020-12 schema; every property is described; the top level takes each kind', () => {
  const ajv = new Ajv2020({ strict: false });
  assert.ok(ajv.validateSchema(resultSchema), JSON.stringify(ajv.errors));
  assert.equal(resultSchema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  // Properties become documented TypeScript members: each needs a description (if/then/else
  // hold conditions, not members).
  const undocumented = [];
  const walk = (node, at) => {
    if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${at}/${i}`));
    if (node === null || typeof node !== 'object') return;
    for (const [name, sub] of Object.entries(node.properties ?? {}))
      if (sub !== false && typeof sub.description !== 'string') undocumented.push(`${at}/properties/${name}`);
    for (const [key, sub] of Object.entries(node)) if (!['if', 'then', 'else'].includes(key)) walk(sub, `${at}/${key}`);
  };
  walk(resultSchema, '');
  assert.deepEqual(undocumented, []);
  for (const [name, def] of Object.entries(resultSchema.$defs))
    assert.equal(typeof def.description, 'string', `$defs/${name} has no description`);
  const top = resultSchema.anyOf.map((s) => s.$ref.replace('#/$defs/', ''));
  for (const kind of [...Object.keys(VECTOR_COUNTS), 'score_many_entry', 'score_many_summary_entry', 'submission'])
    assert.ok(top.includes(kind), `the top level does not take ${kind}`);
});

test('every golden vector: its result is valid under its kind, and so is its expected subset; exact counts', async () => {
  const vectors = loadVectors();
  const counts = {};
  for (const v of vectors) {
    const kind = vectorKind(v);
    counts[kind] = (counts[kind] ?? 0) + 1;
    let scorer;
    let outcome;
    try {
      scorer = await createScorer(vectorModelText(v));
      outcome = { result: JSON.parse(vectorCall(scorer, v)) };
    } catch (error) {
      assert.ok(error instanceof LeadscoreError, `${v.name}: ${error}`);
      outcome = { error: { code: error.code, path: error.path, message: error.message } };
    } finally {
      scorer?.dispose();
    }
    if (kind === 'error') {
      assert.ok(outcome.error, `${v.name}: expected an error`);
      // The thrown error itself, with its message (the vector's record is checked in the next test).
      assertResultMatchesSchema('error', outcome.error, `${v.name} (thrown)`);
      continue;
    }
    assert.ok(outcome.result !== undefined, `${v.name}: unexpected ${outcome.error?.code}`);
    assertResultMatchesSchema(kind, outcome.result, v.name);
    // The subset the vector states: every key it gives is one the schema lists, with a valid value.
    const expected = kind === 'check_field_result' ? v.expected_findings : v.expected;
    const partial = partialValidator(kind);
    assert.ok(partial(expected), `${v.name}: expected is not a subset of a ${kind}: ${schemaErrors(partial)}`);
  }
  assert.deepEqual(counts, VECTOR_COUNTS);
  assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), vectors.length);
});

test('every expected_error of the vectors is valid under $defs/error', () => {
  const records = loadVectors().filter((v) => v.expected_error);
  for (const v of records) assertResultMatchesSchema('error', v.expected_error, v.name);
  assert.equal(records.length, VECTOR_COUNTS.error);
});

// Validates every entry of scoreMany() at both detail levels; returns how many were results.
function validateMany(scorer, leads, options, label) {
  let results = 0;
  for (const detail of ['explain', 'summary']) {
    const entries = scorer.scoreMany(leads, { ...options, detail });
    assert.equal(entries.length, leads.length);
    const kind = detail === 'summary' ? 'score_many_summary_entry' : 'score_many_entry';
    for (const [i, entry] of entries.entries()) {
      assertResultMatchesSchema(kind, entry, `${label} lead ${i} (${detail})`);
      if (!('error' in entry)) results += 1;
    }
  }
  return results;
}

test('random models with random events (every engagement rule and decay kind): scoreMany at both detail levels', async () => {
  const rnd = makeRandom(20261207);
  const nows = ['2026-11-23T10:00:00Z', '2026-11-23T23:59:59.999+05:30', '2028-02-29T12:00:00.001Z'];
  let results = 0;
  for (let m = 0; m < 8; m++) {
    const model = randomModel(rnd, `schema-${m}`);
    const scorer = await createScorer(model);
    try {
      const now = nows[m % nows.length];
      const edges = modelEdges(model);
      const leads = [];
      const events = [];
      for (let i = 0; i < 200; i++) {
        leads.push({ id: `s${m}-${i}`, ...randomFitLead(rnd) });
        events.push(randomEvents(rnd, { model, nowMs: Date.parse(now), leadId: `s${m}-${i}`, edges, count: eventCount(rnd) })
          .filter((e) => e.event).map((e) => e.event));
      }
      results += validateMany(scorer, leads, { now, events }, `random model ${m}`);
    } finally {
      scorer.dispose();
    }
  }
  assert.ok(results >= 3000, `only ${results} results validated`);
});

// Sales feedback drawn from valid pieces: point and grade adjustments (letters and thirds),
// expired, future and expiring ones, verdicts in force and future, or none.
function randomFeedback(rnd) {
  const at = () => new Date(NOW_MS - rnd.int(-3, 60) * 86_400_000).toISOString();
  const feedback = {};
  if (rnd.chance(0.8)) {
    feedback.adjustments = Array.from({ length: rnd.int(0, 4) }, (_, k) => {
      const a = { by: rnd.pick(['rep-1', 'rep-2']), at: at(), reason: `adjustment ${k}` };
      if (rnd.chance(0.5)) a.points = rnd.pick([10, -5, 2.5, -40]);
      else a.grade = rnd.pick(['A+', 'C', 'F', 3, -2, 12, -12]);
      if (rnd.chance(0.3)) a.expires = new Date(Date.parse(a.at) + rnd.int(1, 90) * 86_400_000).toISOString();
      return a;
    });
  }
  if (rnd.chance(0.5)) {
    feedback.verdict = rnd.chance(0.2) ? null
      : { by: 'rep-3', at: at(), value: rnd.pick(['qualified', 'disqualified']), reason: rnd.pick(['no budget', 'demo booked']) };
  }
  return feedback;
}

test('example models (checks, grading, routing, personas): random leads, events, feedback and previous results', async () => {
  const rnd = makeRandom(20261208);
  let results = 0;
  for (const name of ['default.json', 'personas.json']) {
    const text = exampleText(name);
    const model = JSON.parse(text);
    const edges = model.engagement ? modelEdges(model) : null;
    const scorer = await createScorer(text);
    try {
      const leads = [];
      const events = [];
      for (let i = 0; i < 400; i++) {
        leads.push({ id: `e${i}`, ...randomLeadFor(rnd, model) });
        events.push(edges && rnd.chance(0.6)
          ? randomEvents(rnd, { model, nowMs: NOW_MS, leadId: `e${i}`, edges, count: Math.min(eventCount(rnd), 40) })
            .filter((e) => e.event).map((e) => e.event)
          : null);
      }
      results += validateMany(scorer, leads, { now: NOW, events }, name);
      // One lead at a time with feedback, and again a week later with the first result as `previous`
      // (tracking), or only its tracking, band and grade.
      for (let i = 0; i < 150; i++) {
        const options = { now: NOW, events: events[i] ?? undefined, feedback: randomFeedback(rnd) };
        const first = scorer.score(leads[i], options);
        assertResultMatchesSchema('score_result', first, `${name} lead ${i} with feedback`);
        const previous = rnd.pick([first, { tracking: first.tracking ?? { band: first.band.id, grade: first.grade?.letter ?? null, changes: [] } },
          { band: first.band, grade: first.grade }]);
        const later = { ...options, now: '2026-11-30T10:00:00Z', previous };
        for (const detail of ['explain', 'summary']) {
          const result = scorer.score(leads[(i * 7) % leads.length], { ...later, detail });
          assertResultMatchesSchema(detail === 'summary' ? 'score_summary' : 'score_result', result, `${name} lead ${i} later (${detail})`);
          results += 1;
        }
        results += 1;
      }
    } finally {
      scorer.dispose();
    }
  }
  assert.ok(results >= 2000, `only ${results} results validated`);
});

test('the lite data pack: results and checkLead of random leads, with the codes it left undecided', async () => {
  const rnd = makeRandom(20261211);
  const text = exampleText('default.json');
  const model = JSON.parse(text);
  const scorer = await createScorer(text);
  let undecided = 0;
  try {
    scorer.loadData(readFileSync(path.join(repoRoot, 'dist/data/lite.bin')));
    const domains = ['gmail.com', 'acme.example', 'mailinator.com', 'tiny-mail-service.example', 'corp.example'];
    const leads = Array.from({ length: 300 }, (_, i) => {
      const lead = randomLeadFor(rnd, model);
      if (rnd.chance(0.7)) lead.email = `user${i}@${rnd.pick(domains)}`;
      return lead;
    });
    validateMany(scorer, leads, { now: NOW }, 'lite');
    for (const [i, lead] of leads.entries()) {
      const checked = scorer.checkLead(lead, { now: NOW, lang: rnd.pick(['en', 'fr']) });
      assertResultMatchesSchema('check_lead_result', checked, `lite checkLead ${i}`);
      if ('undecided' in checked.data) undecided += 1;
      if (typeof lead.email === 'string')
        assertResultMatchesSchema('check_field_result', scorer.checkField('email', lead.email, { lead }), `lite checkField ${i}`);
    }
  } finally {
    scorer.dispose();
  }
  assert.ok(undecided >= 10, `only ${undecided} results with undecided codes`);
});

test('random accounts (max, sum and top_n_mean; failing contacts) are valid account results', async () => {
  const rnd = makeRandom(20261209);
  const base = JSON.parse(exampleText('accounts.json'));
  const variants = [
    base,
    { ...base, account: { ...base.account, aggregation: 'max', top_n: undefined } },
    { ...base, account: { ...base.account, aggregation: 'sum', cap: 150, top_n: undefined } },
  ];
  let validated = 0;
  for (const model of variants) {
    const scorer = await createScorer(JSON.stringify(model));
    try {
      for (let a = 0; a < 100; a++) {
        const contacts = Array.from({ length: rnd.int(0, 6) }, (_, k) => {
          const roll = rnd.next();
          if (roll < 0.05) return rnd.pick([5, null, { lead: 'x' }, { lead: {}, extra: 1 }]);
          const contact = { lead: { ...(rnd.chance(0.5) ? { id: rnd.pick([`c${k}`, k + 100]) } : {}), ...randomLeadFor(rnd, model) } };
          if (roll < 0.1) contact.events = rnd.pick(['not events', [{ type: 'page_view' }]]);
          if (roll > 0.9) contact.feedback = randomFeedback(rnd);
          return contact;
        });
        const fields = {};
        for (const field of model.account.fields) if (rnd.chance(0.7)) fields[field.name] = randomLeadFor(rnd, { fields: [field] })[field.name];
        const account = { id: rnd.chance(0.5) ? `acct-${a}` : a, contacts, ...(rnd.chance(0.8) ? { fields } : {}) };
        assertResultMatchesSchema('account_result', scorer.scoreAccount(account, { now: NOW }), `account ${a}`);
        validated += 1;
      }
    } finally {
      scorer.dispose();
    }
  }
  assert.equal(validated, 300);
});

test('submissions of random leads, and every verify outcome (match, mismatch, model_mismatch, data_mismatch)', async () => {
  const rnd = makeRandom(20261210);
  const text = exampleText('default.json');
  const model = JSON.parse(text);
  const scorer = await createScorer(text);
  const statuses = {};
  try {
    for (let i = 0; i < 200; i++) {
      const lead = randomLeadFor(rnd, model);
      const submission = scorer.submission(lead, { now: NOW, feedback: rnd.chance(0.3) ? randomFeedback(rnd) : undefined });
      assertResultMatchesSchema('submission', submission, `submission ${i}`);
      const tampered = structuredClone(submission);
      switch (i % 6) {
        case 1: tampered.result.score = (tampered.result.score + 1) % 101; break;
        case 2: delete tampered.result.warnings; break;
        case 3: tampered.result.extra = [1, { a: null }]; break;
        case 4: tampered.model.fingerprint = `sha256:${'0'.repeat(64)}`; break;
        case 5: tampered.result.data = { tier: 'lite', version: '0000000000000000' }; break;
        default: break;
      }
      const outcome = scorer.verify(tampered);
      assertResultMatchesSchema('verify_result', outcome, `verify ${i}`);
      statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
    }
  } finally {
    scorer.dispose();
  }
  assert.deepEqual(Object.keys(statuses).sort(), ['data_mismatch', 'match', 'mismatch', 'model_mismatch']);
});

// ---------------------------------------------------------------------------------------------
// The schema can fail: strict objects, required keys, closed enums.

test('negative: an unknown key, a missing required key or a wrong enum value fails validation', async () => {
  const scorer = await createScorer();
  let explain;
  let summary;
  let check;
  try {
    const lead = { email: 'jo@gmial.com', first_name: 'Jo', country: 'FR', job_title: 'VP Sales', seniority: 'VP' };
    explain = scorer.score(lead, { now: NOW, previous: { band: { id: 'warm' } } });
    summary = scorer.score(lead, { now: NOW, detail: 'summary' });
    check = scorer.checkLead(lead, { now: NOW });
  } finally {
    scorer.dispose();
  }
  const valid = [['score_result', explain], ['score_summary', summary], ['check_lead_result', check],
    ['check_field_result', check.findings], ['error', { code: 'now_invalid', path: '/now', message: 'm' }]];
  for (const [kind, value] of valid) assertResultMatchesSchema(kind, value, `unchanged ${kind}`);
  assert.ok(check.findings.length > 0 && explain.contributions.length > 0, 'the samples have findings and contributions');

  // Each case changes a copy of a valid value; every one must be rejected.
  const cases = [
    ['score_result', explain, (r) => { r.unknown = 1; }, 'unknown top-level key'],
    ['score_result', explain, (r) => { r.band.colour = 'red'; }, 'unknown key in band'],
    ['score_result', explain, (r) => { r.contributions[0].extra = true; }, 'unknown key in a contribution'],
    ['score_result', explain, (r) => { r.engagement.events.lost = 0; }, 'unknown key in engagement.events'],
    ['score_result', explain, (r) => { r.quality.findings[0].value = 'jo@gmial.com'; }, 'unknown key in a finding'],
    ['score_result', explain, (r) => { delete r.score; }, 'missing score'],
    ['score_result', explain, (r) => { delete r.model.fingerprint; }, 'missing model.fingerprint'],
    ['score_result', explain, (r) => { delete r.grade.clamped; }, 'missing grade.clamped'],
    ['score_result', explain, (r) => { delete r.route.strong_actions; }, 'missing route.strong_actions'],
    ['score_result', explain, (r) => { delete r.tracking.changes; }, 'missing tracking.changes'],
    ['score_result', explain, (r) => { delete r.data; }, 'quality without data'],
    ['score_result', explain, (r) => { r.grade.letter = 'E'; }, 'grade letter E'],
    ['score_result', explain, (r) => { r.quality.verdict = 'fine'; }, 'verdict "fine"'],
    ['score_result', explain, (r) => { r.quality.findings[0].severity = 'error'; }, 'severity "error"'],
    ['score_result', explain, (r) => { r.quality.findings[0].code = 'email_typoo'; }, 'finding code "email_typoo"'],
    ['score_result', explain, (r) => { r.contributions[0].kind = 'bonus'; }, 'contribution kind "bonus"'],
    ['score_result', explain, (r) => { r.warnings.push({ code: 'field_typo', path: '/x', message: 'm' }); }, 'warning code "field_typo"'],
    ['score_result', explain, (r) => { r.data.tier = 'medium'; }, 'data tier "medium"'],
    ['score_result', explain, (r) => { r.score = 101; }, 'score 101'],
    ['score_result', explain, (r) => { r.now = '2026-11-23T10:00:00+01:00'; }, 'now not in UTC'],
    ['score_result', explain, (r) => { r.format_version = 2; }, 'format_version 2'],
    ['score_summary', summary, (r) => { r.contributions = []; }, 'summary with contributions'],
    ['score_summary', summary, (r) => { delete r.detail; }, 'summary without detail'],
    ['score_summary', summary, (r) => { r.detail = 'explain'; }, 'summary with detail "explain"'],
    ['score_summary', summary, (r) => { r.quality = 'spammy'; }, 'summary quality "spammy"'],
    ['check_lead_result', check, (r) => { r.quality.blocked = false; }, 'check_lead quality with blocked'],
    ['check_lead_result', check, (r) => { delete r.data; }, 'check_lead without data'],
    ['check_field_result', check.findings, (r) => { delete r[0].message; }, 'finding without message'],
    ['check_field_result', check.findings, (r) => { r[0].span = [1]; }, 'span of one number'],
    ['verify_result', { status: 'match' }, (r) => { r.status = 'matched'; }, 'verify status "matched"'],
    ['verify_result', { status: 'match' }, (r) => { r.field = '/score'; }, 'match with field'],
    ['verify_result', { status: 'mismatch', field: '/score', expected: 1, received: 2 }, (r) => { delete r.field; }, 'mismatch without field'],
    ['score_many_entry', { error: { code: 'lead_not_object', message: 'm', path: '/0' } }, (r) => { delete r.error.message; },
      'a scoreMany error without message'],
    ['error', { code: 'now_invalid', path: '/now' }, (r) => { r.hint = 'x'; }, 'error with an unknown key'],
    ['error', { code: 'now_invalid', path: '/now' }, (r) => { delete r.path; }, 'error without path'],
    ['error', { code: 'now_invalid', path: '/now' }, (r) => { r.code = 'Now Invalid'; }, 'error code not snake_case'],
  ];
  for (const [kind, value, change, what] of cases) {
    assertResultMatchesSchema(kind, value, `${what}: the value before the change`);
    const copy = structuredClone(value);
    change(copy);
    assert.equal(resultValidator(kind)(copy), false, `${what}: accepted as ${kind}`);
  }
});
