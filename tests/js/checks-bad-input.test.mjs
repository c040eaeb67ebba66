// The bad-input list for the form checks, through the npm package (wasm): strings of 1 MB,
// lone surrogates, emoji and right-to-left text, NUL bytes, 10,000 fields. Each gives findings or a
// clear error, never a crash, an abort of the wasm module, a hang or a mangled value. (Invalid
// UTF-8 bytes cannot be written in a JS string: the C++ suite and the CLI tests cover them.)
import assert from 'node:assert/strict';
import test from 'node:test';

import { createScorer, LeadscoreError } from 'leadscore';

const now = '2026-03-01T12:00:10Z';
const codes = (findings) => findings.map((f) => f.code);
// The part of the value a finding's span (UTF-16 code units) points at.
const spanned = (value, finding) => value.slice(finding.span[0], finding.span[1]);

function timed(fn) {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

test('1 MB strings: too_long at once, in checkField, checkLead and score', async () => {
  const scorer = await createScorer();
  const mb = 'x'.repeat(1 << 20);
  for (const field of ['email', 'first_name', 'last_name', 'company', 'phone', 'website']) {
    const { value, ms } = timed(() => scorer.checkField(field, mb));
    assert.deepEqual(value.map((f) => [f.field, f.code, f.severity]), [[field, 'too_long', 'block']]);
    assert.equal('span' in value[0], false);
    assert.ok(ms < 1000, `${field}: ${ms} ms`);
  }
  // Multi-byte text: the limit is on UTF-8 bytes (4096 by default), checked before anything else.
  assert.equal(codes(scorer.checkField('first_name', 'é'.repeat(2048))).includes('too_long'), false);
  assert.deepEqual(codes(scorer.checkField('first_name', 'é'.repeat(2049))), ['too_long']);
  assert.deepEqual(codes(scorer.checkField('first_name', '\ud800'.repeat(1 << 19))), ['too_long']);
  // Just under the limit every check runs, and still quickly.
  for (const [field, value] of [['first_name', 'asdf'.repeat(1024)], ['email', `${'a'.repeat(4000)}@gmail.com`],
    ['company', 'x'.repeat(4096)], ['phone', '1'.repeat(4096)], ['website', 'h'.repeat(4096)]]) {
    const { ms } = timed(() => scorer.checkField(field, value, { lead: { email: 'a@x.com', country: 'FR' } }));
    assert.ok(ms < 1000, `${field} of 4096 bytes: ${ms} ms`);
  }
  const lead = { email: 'bob@acme.com', first_name: mb, company: 'Acme' };
  const checked = scorer.checkLead(lead, { now });
  assert.deepEqual(checked.findings.map((f) => [f.field, f.code]), [['company', 'company_domain_match'], ['first_name', 'too_long']]);
  assert.equal(checked.quality.verdict, 'spam');
  const result = scorer.score(lead, { now });
  assert.equal(result.score, 0, 'spam blocks the score in the default model');
  assert.equal(result.quality.blocked, true);
  scorer.dispose();
});

test('lone surrogates: checkField reports invalid_utf8 at the right UTF-16 span; checkLead and score refuse the lead', async () => {
  const scorer = await createScorer();
  for (const [value, span] of [['Ja\ud800ne', [2, 3]], ['Ja\udc00ne', [2, 3]], ['😀\udc00x', [2, 3]],
    ['\udc00\ud800', [0, 1]], ['ab\udbff', [2, 3]], ['\ud800', [0, 1]], ['Zoë 😀\ud83dx', [6, 7]]]) {
    const findings = scorer.checkField('first_name', value);
    assert.deepEqual(findings.map((f) => [f.code, f.severity, f.span]), [['invalid_utf8', 'block', span]], JSON.stringify(value));
    assert.match(spanned(value, findings[0]), /^[\ud800-\udfff]$/);
  }
  const email = scorer.checkField('email', 'jane\ud800@gmail.com');
  assert.deepEqual(email.map((f) => [f.code, f.span]), [['invalid_utf8', [4, 5]]]);
  // A well-formed pair is not split: the same text without the lone half has no invalid_utf8.
  assert.equal(codes(scorer.checkField('first_name', 'Zoë 😀x')).includes('invalid_utf8'), false);
  // A whole lead crosses as JSON text, where a lone surrogate is an escape JSON cannot decode:
  // json_syntax naming the byte, for checkLead and score alike; the module keeps working.
  for (const call of [() => scorer.checkLead({ first_name: 'a\ud800' }, { now }), () => scorer.score({ first_name: 'a\ud800' }, { now }),
    () => scorer.checkField('company', 'Acme', { lead: { email: 'x\udfff@acme.com' } })]) {
    assert.throws(call, (e) => e instanceof LeadscoreError && e.code === 'json_syntax' && /^(\/lead)?byte \d+$/.test(e.path)
      && /not valid JSON/.test(e.message));
  }
  assert.equal(scorer.checkLead({ first_name: 'Jane' }, { now }).quality.verdict, 'ok');
  scorer.dispose();
});

test('emoji and right-to-left text: spans in UTF-16 units, suggestions keep the text intact', async () => {
  const scorer = await createScorer();
  // A name with an emoji: name_characters, and the span's substring is the emoji.
  for (const [value, part] of [['Jane😀', '😀'], ['😀 Jane', '😀'], ['Jo🙂e', '🙂']]) {
    const f = scorer.checkField('first_name', value).find((x) => x.code === 'name_characters');
    assert.ok(f, value);
    assert.equal(spanned(value, f), part);
  }
  // Sequences (ZWJ family, flags): the span starts at the sequence and never splits a surrogate pair.
  for (const value of ['Jane👨‍👩‍👧', 'Jane🇫🇷']) {
    const f = scorer.checkField('first_name', value).find((x) => x.code === 'name_characters');
    assert.equal(f.span[0], 4);
    const part = spanned(value, f);
    assert.ok(part.isWellFormed() && part.length >= 2 && value.slice(4).startsWith(part), JSON.stringify(part));
  }
  // The case suggestion changes only the letter: the emoji after it is untouched.
  const lower = scorer.checkField('first_name', 'jane 🇫🇷').find((x) => x.code === 'name_case');
  assert.equal(lower.suggestion, 'Jane 🇫🇷');
  // Right-to-left names are names; a right-to-left mark inside a name is not a control character.
  for (const [field, value] of [['first_name', 'محمد'], ['last_name', 'כהן'], ['last_name', 'עברית\u200F']]) {
    assert.deepEqual(scorer.checkField(field, value), [], value);
  }
  // Mixed direction: the span of a keyboard walk after Arabic or Hebrew text is the walk itself.
  for (const value of ['شركة qwerty', 'שלום asdf']) {
    const f = scorer.checkField('company', value).find((x) => x.code === 'keyboard_walk');
    assert.ok(['qwerty', 'asdf'].includes(spanned(value, f)), value);
  }
  // A right-to-left override (used to disguise text) is not a name character.
  const rlo = scorer.checkField('first_name', '\u202Ejane').find((x) => x.code === 'name_characters');
  assert.equal(spanned('\u202Ejane', rlo), '\u202E');
  // Through checkLead the same text comes back byte for byte (JSON both ways, no re-encoding).
  const lead = { first_name: 'Zoë😀', last_name: 'כהן', company: 'شركة asdf' };
  const checked = scorer.checkLead(lead, { now, lang: 'fr' });
  const byField = Object.fromEntries(checked.findings.map((f) => [`${f.field}:${f.code}`, f]));
  assert.equal(spanned(lead.first_name, byField['first_name:name_characters']), '😀');
  assert.equal(spanned(lead.company, byField['company:keyboard_walk']), 'asdf');
  scorer.dispose();
});

test('NUL and other control characters: control_characters with the span of the first one', async () => {
  const scorer = await createScorer();
  for (const [field, value, span] of [['first_name', 'Ja\u0000ne', [2, 3]], ['email', 'jane@gmail.com\u0000', [14, 15]],
    ['company', '\u0000', [0, 1]], ['last_name', 'Do\u0085e', [2, 3]], ['phone', '01\u000023', [2, 3]], ['first_name', '😀\u0000', [2, 3]]]) {
    const findings = scorer.checkField(field, value);
    assert.deepEqual(findings.map((f) => [f.code, f.severity, f.span]), [['control_characters', 'block', span]], JSON.stringify(value));
  }
  // A honeypot holding only a NUL is still filled.
  assert.deepEqual(codes(scorer.checkField('url', '\u0000')), ['honeypot_filled']);
  const lead = { first_name: 'Ja\u0000ne', email: 'jane@acme.com' };
  assert.deepEqual(scorer.checkLead(lead, { now }).findings.map((f) => [f.field, f.code, f.span]),
    [['first_name', 'control_characters', [2, 3]]]);
  const result = scorer.score(lead, { now });
  assert.deepEqual([result.score, result.quality.verdict], [0, 'spam']);
  scorer.dispose();
});

test('10,000 fields: checkLead and score finish quickly; only the mapped fields are checked', async () => {
  const scorer = await createScorer();
  const small = { email: 'jane@gmail.com', first_name: 'jane', last_name: 'Doe', company: 'Acme' };
  const big = { ...small };
  for (let i = 0; i < 10000; i++) big[`extra_${i}`] = i % 2 ? 'asdf' : 'x\u0000';
  const checked = timed(() => scorer.checkLead(big, { now }));
  assert.deepEqual(checked.value, scorer.checkLead(small, { now }));
  assert.ok(checked.ms < 2000, `checkLead: ${checked.ms} ms`);
  const scored = timed(() => scorer.score(big, { now }));
  assert.deepEqual(scored.value, scorer.score(small, { now }));
  assert.ok(scored.ms < 2000, `score: ${scored.ms} ms`);
  scorer.dispose();
  // A model that maps 10,000 fields: every one is checked, in field-name order.
  const fields = {};
  const lead = {};
  for (let i = 0; i < 10000; i++) {
    const name = `f${String(i).padStart(5, '0')}`;
    fields[name] = 'first_name';
    lead[name] = 'asdf';
  }
  const wide = await createScorer({
    format_version: 1, id: 'wide', version: '1', fields: [], groups: [{ id: 'g' }],
    rules: [{ id: 'r', group: 'g', points: 1, when: { '==': [1, 1] } }], scale: { min: 0, max: 1 },
    bands: [{ id: 'all', action: 'none', from: 0, to: 100 }],
    checks: { fields, points: { keyboard_walk: -1 }, group: 'g' },
  });
  const all = timed(() => wide.checkLead(lead, { now }));
  assert.equal(all.value.findings.length, 20000); // name_case and keyboard_walk for each
  assert.equal(all.value.findings[0].field, 'f00000');
  assert.equal(all.value.findings.at(-1).field, 'f09999');
  assert.deepEqual([all.value.quality.score, all.value.quality.verdict], [0, 'spam']);
  const result = timed(() => wide.score(lead, { now }));
  assert.equal(result.value.contributions.filter((c) => c.kind === 'check').length, 10000);
  assert.equal(result.value.groups[0].points_before_cap, 1 - 10000);
  assert.ok(all.ms < 5000 && result.ms < 5000, `${all.ms} ms, ${result.ms} ms`);
  wide.dispose();
});
