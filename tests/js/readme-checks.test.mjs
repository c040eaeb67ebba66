// The tour's (docs/tour.md) form-checks section states findings, quality and scores for the default model:
// this test recomputes them, so the README cannot drift from the engine.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { createScorer } from '../../bindings/js/node.mjs';
import { repoRoot } from './support.mjs';

const now = '2026-11-23T10:00:00Z';
const lead = {
  email: 'jane@gmail.com', first_name: 'jane', last_name: 'Doe', company: 'Acme', country: 'FR',
  phone: '01 23 45 67', seniority: 'vp', company_size: '250', industry: 'software',
};
const codes = (findings) => findings.map((f) => f.code);

test('the README form-checks examples give what the README states', async () => {
  const scorer = await createScorer();
  const readme = readFileSync(path.join(repoRoot, 'docs/tour.md'), 'utf8');

  const typo = scorer.checkField('email', 'jane@gmial.com');
  assert.deepEqual(codes(typo), ['email_typo', 'email_free']);
  assert.equal(typo[0].suggestion, 'jane@gmail.com');
  assert.deepEqual(typo[0].span, [5, 14]);
  assert.ok(readme.includes(`message: '${typo[0].message}'`));
  assert.ok(readme.includes(`message: '${typo[1].message}'`));

  const fr = scorer.checkField('first_name', 'jean-pierre', { lang: 'fr' });
  assert.deepEqual(codes(fr), ['name_case']);
  assert.equal(fr[0].suggestion, 'Jean-Pierre');
  assert.ok(readme.includes(`message: "${fr[0].message}"`));

  assert.deepEqual(codes(scorer.checkField('phone', '01 23 45 67', { lead: { country: 'FR' } })), ['phone_length']);
  const spam = scorer.checkLead({ email: 'jane@gmail.com', first_name: 'jane', url: 'x' }, { now });
  assert.deepEqual([spam.quality.score, spam.quality.verdict], [0, 'spam']);

  const first = scorer.score(lead, { now });
  assert.deepEqual(codes(first.quality.findings), ['email_free', 'name_case', 'phone_length']);
  assert.deepEqual([first.quality.score, first.quality.verdict, first.score], [40, 'suspicious', 48]);
  assert.deepEqual(first.contributions.filter((c) => c.kind === 'check').map((c) => c.points), [-10, -2, -3]);
  assert.match(readme, /40, `suspicious`, and −10 − 2 − 3 = −15 fit points[^]*score 48\./);

  const clean = scorer.score({ ...lead, email: 'jane@acme.com', first_name: 'Jane', phone: '01 23 45 67 89' }, { now });
  assert.deepEqual(codes(clean.quality.findings), ['company_domain_match']);
  assert.deepEqual([clean.score, clean.quality.score, clean.quality.verdict], [68, 100, 'ok']);
  assert.match(readme, /\(\+5\): score 68, quality 100, `ok`/);

  const blocked = scorer.score({ ...lead, url: 'x' }, { now });
  assert.deepEqual([blocked.score, blocked.quality.verdict, blocked.quality.blocked], [0, 'spam', true]);
  assert.equal(blocked.contributions.at(-1).kind, 'spam_block');
  scorer.dispose();
});
