// The JS API as a user sees it: plain objects in and out, LeadscoreError, dispose, CommonJS, and
// bad input that must end in a clear error, never a crash or an abort of the wasm module.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import test from 'node:test';

import { createScorer, defaultModel, evaluateLogic, LeadscoreError, previewCsv, validateModel, version } from 'leadscore';
import { defaultModelText, repoRoot } from './support.mjs';

const now = '2026-11-23T10:00:00Z';
const minimal = {
  format_version: 1, id: 'm', version: '1',
  fields: [{ name: 'title', type: 'string' }, { name: 'size', type: 'integer' }],
  groups: [{ id: 'g', max: 15 }],
  rules: [
    { id: 'ceo', group: 'g', points: 10, when: { '==': [{ var: 'title' }, 'CEO'] } },
    { id: 'big', group: 'g', points: 7.5, when: { '>=': [{ var: 'size' }, 100] } },
  ],
  scale: { min: 0, max: 20 },
  bands: [{ id: 'low', action: 'email', from: 0, to: 49 }, { id: 'high', action: 'call', from: 50, to: 100 }],
};

// The canonical form of docs/model-format.md: compact JSON with object keys sorted.
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

async function rejectsWith(promiseOrFn, code, pathPrefix) {
  let caught;
  try {
    await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof LeadscoreError, `expected LeadscoreError ${code}, got ${caught}`);
  assert.equal(caught.code, code);
  if (pathPrefix !== undefined) assert.ok(caught.path.startsWith(pathPrefix), `path ${caught.path}`);
  return caught;
}

test('createScorer() uses the bundled default model, fingerprinted by its canonical JSON', async () => {
  const scorer = await createScorer();
  const doc = JSON.parse(defaultModelText);
  assert.equal(scorer.model.id, doc.id);
  const digest = createHash('sha256').update(canonical(doc)).digest('hex');
  assert.equal(scorer.model.fingerprint, `sha256:${digest}`);
  assert.deepEqual(await defaultModel(), doc);
  assert.match(await version(), /^\d+\.\d+\.\d+$/);
  scorer.dispose();
});

test('score() takes and returns plain objects; caps and decimals add up', async () => {
  const scorer = await createScorer(minimal);
  const r = scorer.score({ title: 'CEO', size: '250' }, { now });
  assert.equal(r.raw_points, 17.5);
  assert.equal(r.points, 15);  // group max 15
  assert.equal(r.score, 75);   // 100 * 15 / 20
  assert.deepEqual(r.band, { id: 'high', label: 'high', action: 'call' });
  assert.deepEqual(r.groups, [{ id: 'g', label: 'g', points_before_cap: 17.5, points: 15, max: 15 }]);
  assert.deepEqual(r.contributions.map((c) => [c.rule, c.points]), [['ceo', 10], ['big', 7.5]]);
  assert.equal(r.model.fingerprint, scorer.model.fingerprint);
  assert.equal(r.now, now);
  assert.equal(JSON.stringify(r), JSON.stringify(JSON.parse(scorer.scoreJson({ title: 'CEO', size: '250' }, { now }))));
  scorer.dispose();
});

test('now accepts a Date, rejects a time without offset, and defaults to the clock', async () => {
  const scorer = await createScorer(minimal);
  assert.equal(scorer.score({}, { now: new Date(Date.UTC(2026, 10, 23, 10)) }).now, now);
  await rejectsWith(() => scorer.score({}, { now: '2026-11-23T10:00:00' }), 'now_invalid', '/now');
  const before = Date.now();
  const stamped = Date.parse(scorer.score({}).now);
  assert.ok(stamped >= before - 1000 && stamped <= Date.now() + 1000);
  scorer.dispose();
});

test('scoreMany() gives one entry per lead, errors in place', async () => {
  const scorer = await createScorer(minimal);
  const out = scorer.scoreMany([{ title: 'CEO' }, 'not a lead', { size: 'many' }], { now });
  assert.equal(out.length, 3);
  assert.equal(out[0].score, 50);
  assert.deepEqual(out[1].error.code, 'lead_not_object');
  assert.equal(out[1].error.path, '/1');
  assert.deepEqual(out[2].warnings.map((w) => [w.code, w.path]), [['field_type', '/size']]);
  await rejectsWith(() => scorer.scoreMany('nope', { now }), 'leads_not_array');
  scorer.dispose();
});

test('model errors are LeadscoreError with code and JSON pointer', async () => {
  await rejectsWith(createScorer('{"format_version": 1,'), 'json_syntax', 'byte ');
  await rejectsWith(createScorer({ ...minimal, rules: [{ ...minimal.rules[0], when: { regex: ['a'] } }] }), 'unknown_operator', '/rules/0/when/regex');
  await rejectsWith(createScorer({ ...minimal, rules: [{ ...minimal.rules[0], points: NaN }] }), 'wrong_type', '/rules/0/points');
  await rejectsWith(createScorer({ ...minimal, bands: [minimal.bands[1]] }), 'band_gap', '/bands/0/from');
  await rejectsWith(createScorer({ ...minimal, extra: 1 }), 'unknown_key', '/extra');
});

test('hostile input: deep nesting, a 10 MB string, huge numbers, broken text', async () => {
  const scorer = await createScorer(minimal);
  const deepRule = '{"!":['.repeat(10000) + 'true' + ']}'.repeat(10000);
  const deepModel = JSON.stringify({ ...minimal, rules: [{ ...minimal.rules[0], when: 0 }] }).replace('"when":0', `"when":${deepRule}`);
  await rejectsWith(createScorer(deepModel), 'json_too_deep');
  // As an object, the same model is too deep for JSON.stringify itself: still a clean error.
  await rejectsWith(createScorer(JSON.parse(deepModel)), 'not_serializable');
  await rejectsWith(() => scorer.scoreJson(`{"title":${'['.repeat(10000)}1${']'.repeat(10000)}}`, { now }), 'json_too_deep');
  const big = scorer.score({ title: 'x'.repeat(10 << 20) }, { now });
  assert.equal(big.score, 0);
  // A number beyond double range is a JSON error (its byte is named), not an Infinity.
  await rejectsWith(() => scorer.scoreJson('{"size": 1e400}', { now }), 'json_syntax', 'byte ');
  assert.deepEqual(scorer.score({ size: Number.MAX_VALUE }, { now }).warnings, []);
  await rejectsWith(() => scorer.scoreJson('{"title": "\\ud800"}', { now }), 'json_syntax');
  await rejectsWith(() => scorer.scoreJson('', { now }), 'json_empty');
  await rejectsWith(() => scorer.score({ a: 1n }, { now }), 'not_serializable');
  // The module still works after all of that (nothing aborted).
  assert.equal(scorer.score({ title: 'CEO' }, { now }).score, 50);
  scorer.dispose();
});

test('dispose() is idempotent and later calls fail clearly', async () => {
  const scorer = await createScorer(minimal);
  scorer.dispose();
  scorer.dispose();
  await rejectsWith(() => scorer.score({}, { now }), 'scorer_disposed');
});

test('evaluateLogic and validateModel', async () => {
  assert.equal(await evaluateLogic({ if: [{ '>': [{ var: 'n' }, 3] }, 'big', 'small'] }, { n: 5 }), 'big');
  await rejectsWith(evaluateLogic({ nope: [] }), 'unknown_operator', '/nope');
  const ok = await validateModel(minimal);
  assert.deepEqual(Object.keys(ok), ['findings']);
  assert.ok(Array.isArray(ok.findings));
  // A model that does not load throws, like every other call.
  await rejectsWith(validateModel('{}'), 'missing_key', '/format_version');
});

test('one LeadscoreError: an error thrown by the CommonJS entry is an instance of the ESM class, and back', async () => {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const cjs = require('leadscore');
  let fromCjs;
  try {
    await cjs.createScorer('{');
  } catch (e) {
    fromCjs = e;
  }
  let fromEsm;
  try {
    await createScorer('{');
  } catch (e) {
    fromEsm = e;
  }
  assert.ok(fromCjs instanceof LeadscoreError, 'a CommonJS error is an ESM LeadscoreError');
  assert.ok(fromEsm instanceof cjs.LeadscoreError, 'an ESM error is a CommonJS LeadscoreError');
  assert.ok(fromEsm instanceof Error && !(new Error('x') instanceof LeadscoreError));
  assert.equal(fromCjs.code, fromEsm.code);
});

test('CommonJS entry gives the same results as ESM', async () => {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const cjs = require('leadscore');
  const a = await cjs.createScorer(minimal);
  const b = await createScorer(minimal);
  assert.equal(a.scoreJson({ title: 'CEO' }, { now }), b.scoreJson({ title: 'CEO' }, { now }));
  assert.ok(new cjs.LeadscoreError('x', 'y') instanceof Error);
  a.dispose();
  b.dispose();
});

test('the shipped glues have no eval / new Function (CSP) and make no network request in Node', async () => {
  for (const file of ['dist/leadscore.mjs', 'dist/leadscore-form.mjs']) {
    const glue = readFileSync(path.join(repoRoot, file), 'utf8');
    assert.ok(!/\bnew Function\s*\(/.test(glue), `new Function in ${file}`);
    assert.ok(!/\beval\s*\(/.test(glue), `eval in ${file}`);
  }
  // Start fresh module instances with fetch booby-trapped: Node reads the .wasm from the package.
  const { makeApi } = await import('../../bindings/js/api.mjs');
  const { nodeLoader } = await import('../../bindings/js/node-loader.mjs');
  const saved = globalThis.fetch;
  globalThis.fetch = () => { throw new Error('network access attempted'); };
  try {
    for (const name of ['leadscore', 'leadscore-form']) {
      const { default: createModule } = await import(`../../dist/${name}.mjs`);
      const api = makeApi(nodeLoader(createModule, path.join(repoRoot, `dist/${name}.wasm`)));
      const scorer = await api.createScorer(minimal);
      assert.equal(scorer.score({ title: 'CEO' }, { now }).score, 50);
      scorer.dispose();
    }
  } finally {
    globalThis.fetch = saved;
  }
});

test('scorer.describe(): the settings as the engine runs them (leadscore only)', async () => {
  const scorer = await createScorer();
  const described = scorer.describe();
  assert.equal(described.fingerprint, scorer.model.fingerprint);
  assert.equal(described.checks.section, true);
  assert.equal(described.checks.rendered_at_field, 'form_rendered_at');
  assert.equal(described.checks.min_fill_seconds, 3);
  assert.equal(described.routing.strong_within_ms, 30 * 24 * 3600 * 1000);
  assert.deepEqual(described.routing.default.id, 'default');
  scorer.dispose();
  // A model without checks: the defaults the core applies.
  const bare = await createScorer(minimal);
  assert.equal(bare.describe().checks.section, false);
  assert.equal(bare.describe().checks.fields.email, 'email');
  bare.dispose();
});

test('previewCsv(): the first records as the engine reads them (delimiter, quotes, BOM), leads without empty cells', async () => {
  const csv = '\ufeffid;name;note\n1;"Ada; Lovelace";\n2;Bob;"two\nlines"\n3;Cy;x;extra\n4;Di;d\n';
  const p = await previewCsv(csv, { records: 3 });
  assert.equal(p.delimiter, ';');
  assert.deepEqual(p.header, ['id', 'name', 'note']);
  assert.deepEqual(p.records[0], { line: 2, cells: ['1', 'Ada; Lovelace', ''], lead: { id: '1', name: 'Ada; Lovelace' } });
  assert.deepEqual(p.records[1].cells, ['2', 'Bob', 'two\nlines']);
  assert.equal(p.records[2].line, 5);
  assert.equal(p.records[2].error.code, 'csv_ragged_row');
  assert.equal(p.more, true);
  await rejectsWith(previewCsv(''), 'csv_empty', '');
  await rejectsWith(previewCsv('a,b\n', { records: -1 }), 'options_invalid', '/records');
});
