// Model sets (docs/personas.md) through the npm package: the example set and its worked example,
// selection on raw lead values and event counts, persona_failed on a hostile lead, load errors by
// pointer, and validateModel's persona findings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { LeadscoreError, createScorer, validateModel } from '../../bindings/js/node.mjs';
import { repoRoot } from './support.mjs';

const NOW = '2026-11-23T10:00:00Z';
const exampleText = readFileSync(path.join(repoRoot, 'examples/models/personas.json'), 'utf8');
const example = () => JSON.parse(exampleText);
const pick = (r) => [r.model.persona.id, r.model.persona.also_matched, r.score, r.band.action];

test('the example set gives the worked example of docs/personas.md', async () => {
  const scorer = await createScorer(exampleText);
  const ann = { email: 'ann@example.com', seniority: 'vp', company_size: 5000, industry: 'software', is_customer: 'yes', seats: 60 };
  const bob = { email: 'bob@example.com', seniority: 'director', company_size: 2500, industry: 'finance' };
  const cy = { email: 'cy@example.com', seniority: 'manager', company_size: 40, department: 'sales', seats: 12 };
  const purchase = [{ type: 'purchase', at: '2026-06-01T00:00:00Z' }];
  assert.deepEqual(pick(scorer.score(ann, { now: NOW })), ['returning', ['enterprise'], 50, 'in-app upgrade offer']);
  assert.deepEqual(pick(scorer.score(bob, { now: NOW })), ['enterprise', [], 45, 'nurture and review']);
  assert.deepEqual(pick(scorer.score(cy, { now: NOW, events: purchase })), ['returning', [], 15, 'customer newsletter']);
  assert.deepEqual(pick(scorer.score(cy, { now: NOW })), ['new_business', [], 10, 'automated email nurture']);
  const r = scorer.score(bob, { now: NOW });
  assert.equal(r.model.id, 'acme-personas');
  assert.equal(r.model.fingerprint, scorer.model.fingerprint);
  assert.deepEqual(scorer.model.personas.map((p) => [p.id, p.model]),
    [['returning', 'customer'], ['enterprise', 'enterprise'], ['new_business', 'b2b']]);
  assert.equal(r.model.persona.label, 'Enterprise');
  assert.equal(r.model.persona.model, 'enterprise');
  assert.deepEqual(r.warnings, []);
  scorer.dispose?.();
});

test('selection reads the raw lead: CSV spellings of the flag, numeric strings', async () => {
  const scorer = await createScorer(example());
  const persona = (lead) => scorer.score({ email: 'x@example.com', ...lead }, { now: NOW }).model.persona.id;
  for (const flag of [true, 'true', 'yes', 1, '1']) assert.equal(persona({ is_customer: flag }), 'returning', String(flag));
  for (const flag of [false, 'no', 'Yes', 0, null]) assert.equal(persona({ is_customer: flag }), 'new_business', String(flag));
  assert.equal(persona({ company_size: '1500' }), 'enterprise');
  assert.equal(persona({ company_size: '999' }), 'new_business');
});

test('event counts: only past events with a string type and a valid instant count', async () => {
  const scorer = await createScorer(example());
  const persona = (events) => scorer.score({ email: 'x@example.com' }, { now: NOW, events }).model.persona.id;
  assert.equal(persona([{ type: 'purchase', at: NOW }]), 'returning');  // at == now counts
  assert.equal(persona([{ type: 'purchase', at: '2026-11-23T10:00:00.001Z' }]), 'new_business');
  assert.equal(persona([{ type: 'purchase', at: '2026-11-01' }]), 'new_business');  // no offset
  assert.equal(persona([{ type: ['purchase'], at: NOW }, 42, null, { at: NOW }]), 'new_business');
  assert.equal(persona([]), 'new_business');
  assert.throws(() => scorer.score({}, { now: NOW, events: { type: 'purchase' } }), (e) => e.code === 'events_not_array');
});

test('a persona condition that fails on a hostile lead warns persona_failed without the lead value', async () => {
  const set = example();
  set.personas[0].when = { in: ['needle', { cat: [{ var: 'lead.note' }, { var: 'lead.note' }] }] };
  const scorer = await createScorer(set);
  const note = 'Z'.repeat(600_000);  // cat builds 1,200,000 characters: above the 1 MiB value limit
  const r = scorer.score({ email: 'x@example.com', company_size: 5000, note }, { now: NOW });
  assert.equal(r.model.persona.id, 'enterprise');
  const failed = r.warnings.filter((w) => w.code === 'persona_failed');
  assert.deepEqual(failed.map((w) => w.path), ['/personas/0/when']);
  assert.ok(!failed[0].message.includes('ZZZZ'));
  assert.equal(scorer.score({ email: 'x@example.com', note: 'short' }, { now: NOW }).warnings.length, 0);
});

test('load errors name their pointer', async () => {
  const cases = [
    [(s) => { s.models.b2b.extends = 'customer'; }, 'circular_reference', '/models/customer/extends'],
    [(s) => { s.models.enterprise.extends = 'nope'; }, 'unknown_model_ref', '/models/enterprise/extends'],
    [(s) => { s.personas[1].model = 'nope'; }, 'unknown_model_ref', '/personas/1/model'],
    [(s) => { s.personas[2].when = true; }, 'persona_default_missing', '/personas/2/when'],
    [(s) => { delete s.personas[0].when; }, 'persona_when_missing', '/personas/0'],
    [(s) => { s.models.customer.rules[2].group = 'nope'; }, 'unknown_group', '/models/customer/rules/2/group'],
    [(s) => { s.models.customer.bands = null; }, 'missing_key', '/models/customer/bands'],
    [(s) => { s.fields = []; }, 'unknown_key', '/fields'],
  ];
  for (const [edit, code, pointer] of cases) {
    const set = example();
    edit(set);
    await assert.rejects(createScorer(set), (e) => e instanceof LeadscoreError && e.code === code && e.path === pointer, `${code} ${pointer}`);
  }
});

test('validateModel: the example is clean; overlaps, unreachable personas and unused models are found', async () => {
  assert.deepEqual((await validateModel(exampleText)).findings, []);
  const set = example();
  set.models.spare = { extends: 'b2b', description: 'not used' };
  set.personas.splice(1, 0, { id: 'crm_customer', model: 'b2b', when: { '===': [{ var: 'lead.is_customer' }, 'yes'] } });
  const { findings } = await validateModel(set);
  assert.deepEqual(findings.map((f) => [f.code, f.path]), [
    ['model_unused', '/models/spare'],
    ['persona_unreachable', '/personas/1'],
  ]);
  assert.ok(findings[1].message.includes('returning'));
});
