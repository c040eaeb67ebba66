// The form-check API as a user of the npm package sees it: Scorer.checkField / checkLead, score()
// with a "checks" section (quality, "check" and "spam_block" contributions), every option of the
// section, and the model errors of the section with their JSON pointers.
import assert from 'node:assert/strict';
import test from 'node:test';

import { createScorer, LeadscoreError } from 'leadscore';

const now = '2026-03-01T12:00:10Z';
const brief = (findings) => findings.map((f) => [f.field, f.code, f.severity]);

// A model that sets every option of the "checks" section to something other than its default.
const base = {
  format_version: 1, id: 'form', version: '1', fields: [{ name: 'plan', type: 'string' }],
  groups: [{ id: 'fit' }, { id: 'form', min: -8 }],
  rules: [{ id: 'base', group: 'fit', points: 50, when: { '==': [1, 1] } }],
  scale: { min: 0, max: 100 },
  bands: [{ id: 'low', action: 'nurture', from: 0, to: 49 }, { id: 'high', action: 'call', from: 50, to: 100 }],
};
const everyOption = {
  description: 'every option of the checks section',
  fields: {
    mail: 'email', given: 'first_name', family: 'last_name', full: 'name', org: 'company',
    tel: 'phone', site: 'website', trap: 'honeypot', note: 'text',
  },
  country_field: 'land',
  rendered_at_field: 'shown_at',
  free_email: 'info',
  severity: { name_case: 'info', email_role: 'block' },
  min_fill_seconds: 10,
  require_fill_time: true,
  quality: { info: 5, warn: 30, block: 100, penalties: { name_case: 0, keyboard_walk: 50 }, suspicious_below: 90, spam_below: 50 },
  points: { name_case: -3, company_domain_match: 7.5, keyboard_walk: -20, email_free: -1 },
  group: 'form',
  spam_blocks_score: false,
};
const withChecks = (checks) => ({ ...base, checks });

async function modelError(checks) {
  try {
    (await createScorer(withChecks(checks))).dispose();
  } catch (error) {
    assert.ok(error instanceof LeadscoreError, `not a LeadscoreError: ${error}`);
    return { code: error.code, path: error.path };
  }
  assert.fail(`model with checks ${JSON.stringify(checks)} loaded`);
}

test('checkField with the default model: findings, suggestions, spans, languages', async () => {
  const scorer = await createScorer();
  assert.deepEqual(scorer.checkField('first_name', 'jane'), [{
    field: 'first_name', code: 'name_case', severity: 'warn',
    message: 'This name is usually written with a capital letter.', suggestion: 'Jane',
  }]);
  const typo = scorer.checkField('email', 'jhon@gmial.com');
  assert.deepEqual(brief(typo), [['email', 'email_typo', 'warn'], ['email', 'email_free', 'warn']]);
  assert.equal(typo[0].suggestion, 'jhon@gmail.com');
  assert.equal('jhon@gmial.com'.slice(...typo[0].span), 'gmial.com');
  // French messages, same codes, severities, suggestions and spans.
  const fr = scorer.checkField('email', 'jhon@gmial.com', { lang: 'fr' });
  assert.deepEqual(fr.map(({ message, ...rest }) => rest), typo.map(({ message, ...rest }) => rest));
  assert.notEqual(fr[0].message, typo[0].message);
  assert.deepEqual(scorer.checkField('email', 'x', { lang: 'fr-CA' }).map((f) => f.code), ['email_syntax']);
  // A field the model does not check, and an empty value, give nothing.
  assert.deepEqual(scorer.checkField('favourite_colour', 'asdf'), []);
  assert.deepEqual(scorer.checkField('first_name', '   '), []);
  // The default model's honeypot is "url"; the company check reads the email from options.lead.
  assert.deepEqual(brief(scorer.checkField('url', 'http://spam.example')), [['url', 'honeypot_filled', 'block']]);
  assert.deepEqual(brief(scorer.checkField('company', 'Acme Inc', { lead: { email: 'bob@acme.com' } })),
    [['company', 'company_domain_match', 'info']]);
  assert.deepEqual(scorer.checkField('company', 'Acme Inc'), []);
  for (const [args, code] of [[[1, 'x'], 'field_not_string'], [['email', null], 'value_not_string'],
    [['email', 'x', { lang: 'de' }], 'language_invalid'], [['email', 'x', { lang: 7 }], 'language_invalid']]) {
    assert.throws(() => scorer.checkField(...args), (e) => e instanceof LeadscoreError && e.code === code);
  }
  scorer.dispose();
  assert.throws(() => scorer.checkField('email', 'x'), (e) => e.code === 'scorer_disposed');
});

test('checkLead and score with the default model (1.2.0): quality, check points, spam blocks the score', async () => {
  const scorer = await createScorer();
  const lead = { email: 'jane@gmail.com', first_name: 'jane', last_name: 'Doe', company: 'Acme', title: 'VP Sales' };
  const checked = scorer.checkLead(lead, { now });
  assert.deepEqual(brief(checked.findings), [['email', 'email_free', 'warn'], ['first_name', 'name_case', 'warn']]);
  // 100 - 20 - 20 = 60: below suspicious_below 80, not below spam_below 40.
  assert.deepEqual(checked.quality, {
    score: 60, verdict: 'suspicious',
    reasons: [{ field: 'email', code: 'email_free', severity: 'warn' }, { field: 'first_name', code: 'name_case', severity: 'warn' }],
  });
  const result = scorer.score(lead, { now });
  assert.deepEqual(result.quality, { ...checked.quality, findings: checked.findings, blocked: false });
  const checks = result.contributions.filter((c) => c.kind === 'check');
  assert.deepEqual(checks.map((c) => [c.code, c.field, c.group, c.points]),
    [['email_free', 'email', 'form_quality', -10], ['name_case', 'first_name', 'form_quality', -2]]);
  assert.equal(checks[0].label, checked.findings[0].message);
  assert.equal(result.groups.find((g) => g.id === 'form_quality').points, -12);
  // The same lead with a work address and a capital: +5 for the company/domain match instead.
  const good = scorer.score({ ...lead, email: 'jane@acme.com', first_name: 'Jane' }, { now });
  assert.deepEqual(good.quality.verdict, 'ok');
  assert.deepEqual(good.contributions.filter((c) => c.kind === 'check').map((c) => [c.code, c.points]),
    [['company_domain_match', 5]]);
  assert.ok(good.score > result.score);
  // A filled honeypot is spam, and the default model sets a spam lead's score to 0, saying so.
  const spam = scorer.score({ ...lead, email: 'jane@acme.com', first_name: 'Jane', url: 'x' }, { now });
  assert.equal(spam.score, 0);
  assert.equal(spam.quality.verdict, 'spam');
  assert.equal(spam.quality.blocked, true);
  const block = spam.contributions.find((c) => c.kind === 'spam_block');
  assert.deepEqual(block, { kind: 'spam_block', label: 'spam verdict: score set to 0', group: '', points: 0, score_before: good.score });
  // lang: French messages and labels in the result; codes and numbers unchanged.
  const fr = scorer.score(lead, { now, lang: 'fr' });
  assert.equal(fr.score, result.score);
  assert.notEqual(fr.quality.findings[0].message, result.quality.findings[0].message);
  assert.equal(fr.contributions.find((c) => c.kind === 'check').label, fr.quality.findings[0].message);
  assert.throws(() => scorer.score(lead, { now, lang: 'xx' }), (e) => e.code === 'language_invalid');
  // Fill time: the render time needs "now"; a form sent 1 s after it was shown is spam.
  const fast = scorer.checkLead({ ...lead, form_rendered_at: '2026-03-01T12:00:09Z' }, { now });
  assert.deepEqual(brief(fast.findings).at(-1), ['form_rendered_at', 'form_too_fast', 'block']);
  assert.equal(fast.quality.verdict, 'spam');
  assert.throws(() => scorer.checkLead({ ...lead, form_rendered_at: 'x' }, { now: '2026-03-01T12:00:10' }),
    (e) => e.code === 'now_invalid' && e.path === '/now');
  assert.throws(() => scorer.checkLead([lead], { now }), (e) => e.code === 'lead_not_object');
  scorer.dispose();
});

test('a model without a "checks" section: checkField uses the conventional names; score has no quality', async () => {
  const scorer = await createScorer(base);
  assert.deepEqual(brief(scorer.checkField('first_name', 'jane')), [['first_name', 'name_case', 'warn']]);
  assert.deepEqual(scorer.checkField('url', 'x'), [], 'no honeypot without a checks section');
  const result = scorer.score({ first_name: 'jane', email: 'x@gmail.com' }, { now });
  assert.equal('quality' in result, false);
  assert.equal(result.contributions.some((c) => c.kind === 'check'), false);
  scorer.dispose();
});

test('every option of the "checks" section', async () => {
  const scorer = await createScorer(withChecks(everyOption));
  const codes = (field, value, options) => brief(scorer.checkField(field, value, options));
  // fields: only the mapped names are checked, each by its kind.
  assert.deepEqual(codes('email', 'jane@gmail.com'), []);
  assert.deepEqual(codes('given', 'jane'), [['given', 'name_case', 'info']]); // severity override
  assert.deepEqual(codes('family', 'asdf'), [['family', 'name_case', 'info'], ['family', 'keyboard_walk', 'warn']]);
  assert.deepEqual(codes('full', 'jane doe').map((f) => f[1]), ['name_case']);
  assert.equal(scorer.checkField('full', 'jane doe')[0].suggestion, 'Jane Doe');
  assert.deepEqual(codes('org', 'Acme', { lead: { mail: 'bob@acme.com' } }), [['org', 'company_domain_match', 'info']]);
  assert.deepEqual(codes('site', 'nope'), [['site', 'website_invalid', 'warn']]);
  assert.deepEqual(codes('trap', 'x'), [['trap', 'honeypot_filled', 'block']]);
  assert.deepEqual(codes('note', 'asdf qwer'), [], 'a text field gets only the safety checks');
  assert.deepEqual(codes('note', 'a\u0000'), [['note', 'control_characters', 'block']]);
  // free_email "info" here; "penalty" and "block" in other models. severity: email_role -> block.
  assert.deepEqual(codes('mail', 'jane@gmail.com'), [['mail', 'email_free', 'info']]);
  assert.deepEqual(codes('mail', 'info@acme.com'), [['mail', 'email_role', 'block']]);
  for (const [policy, severity] of [['penalty', 'warn'], ['block', 'block']]) {
    const other = await createScorer(withChecks({ ...everyOption, free_email: policy }));
    assert.deepEqual(brief(other.checkField('mail', 'jane@gmail.com')), [['mail', 'email_free', severity]]);
    other.dispose();
  }
  // country_field: the phone check reads "land", not "country".
  assert.deepEqual(codes('tel', '01 23', { lead: { land: 'FR' } }), [['tel', 'phone_length', 'warn']]);
  assert.deepEqual(codes('tel', '01 23', { lead: { country: 'FR' } }), []);
  // rendered_at_field, min_fill_seconds (10 s), require_fill_time.
  const lead = { mail: 'jane@gmail.com', given: 'jane', family: 'Qwerty', org: 'Acme' };
  const at = (seconds) => `2026-03-01T12:00:${String(seconds).padStart(2, '0')}Z`;
  assert.equal(scorer.checkLead({ ...lead, shown_at: at(1) }, { now }).findings.some((f) => f.code === 'form_too_fast'), true);
  assert.equal(scorer.checkLead({ ...lead, shown_at: at(0) }, { now }).findings.some((f) => f.code === 'form_too_fast'), false);
  assert.deepEqual(brief(scorer.checkLead({ given: 'Jane' }, { now }).findings), [['shown_at', 'form_time_missing', 'block']]);
  // quality: keyboard_walk costs 50 (penalties), name_case 0, email_free 5 (info) -> 45 < spam_below 50.
  const checked = scorer.checkLead({ ...lead, shown_at: at(0) }, { now });
  assert.deepEqual(brief(checked.findings),
    [['family', 'keyboard_walk', 'warn'], ['given', 'name_case', 'info'], ['mail', 'email_free', 'info']]);
  assert.deepEqual(checked.quality, {
    score: 45, verdict: 'spam',
    reasons: [{ field: 'family', code: 'keyboard_walk', severity: 'warn' }, { field: 'mail', code: 'email_free', severity: 'info' }],
  });
  const infoOnly = scorer.checkLead({ mail: 'jane@gmail.com', shown_at: at(0) }, { now }).quality;
  assert.deepEqual([infoOnly.score, infoOnly.verdict], [95, 'ok']); // one info finding: 100 - 5
  const warned = scorer.checkLead({ site: 'nope', shown_at: at(0) }, { now }).quality;
  assert.deepEqual([warned.score, warned.verdict], [70, 'suspicious']); // 70 < suspicious_below 90
  // points into group "form" (min -8), once per code and field; spam_blocks_score false.
  const result = scorer.score({ ...lead, family: 'asdf', shown_at: at(0) }, { now });
  assert.deepEqual(result.contributions.filter((c) => c.kind === 'check').map((c) => [c.code, c.field, c.group, c.points]), [
    ['name_case', 'family', 'form', -3], ['keyboard_walk', 'family', 'form', -20],
    ['name_case', 'given', 'form', -3], ['email_free', 'mail', 'form', -1],
  ]);
  assert.deepEqual(result.groups.find((g) => g.id === 'form'), { id: 'form', label: 'form', min: -8, points: -8, points_before_cap: -27 });
  assert.equal(result.quality.verdict, 'spam');
  assert.equal(result.quality.blocked, false);
  assert.equal(result.score, 42);
  assert.equal(result.contributions.some((c) => c.kind === 'spam_block'), false);
  // Decimal points: the company/domain match earns 7.5.
  const match = scorer.score({ mail: 'bob@acme.com', org: 'Acme', shown_at: at(0) }, { now });
  assert.deepEqual(match.contributions.filter((c) => c.kind === 'check').map((c) => c.points), [7.5]);
  assert.equal(match.score, 58); // 50 + 7.5 = 57.5, rounded half up
  scorer.dispose();
});

test('model errors in the "checks" section name the value with a JSON pointer', async () => {
  const cases = [
    [{ points: { nope: 1 }, group: 'fit' }, 'unknown_check_code', '/checks/points/nope'],
    [{ severity: { 'a/b~c': 'warn' } }, 'unknown_check_code', '/checks/severity/a~1b~0c'],
    [{ quality: { penalties: { nope: 5 } } }, 'unknown_check_code', '/checks/quality/penalties/nope'],
    [{ fields: { mail: 'emale' } }, 'unknown_field_kind', '/checks/fields/mail'],
    [{ fields: { 'a/b': 3 } }, 'unknown_field_kind', '/checks/fields/a~1b'],
    [{ points: { email_free: -10 }, group: 'nogroup' }, 'unknown_group', '/checks/group'],
    [{ points: { email_free: -10 } }, 'missing_key', '/checks/group'],
    [{ quality: { warn: 101 } }, 'out_of_range', '/checks/quality/warn'],
    [{ quality: { penalties: { email_free: -1 } } }, 'out_of_range', '/checks/quality/penalties/email_free'],
    [{ quality: { spam_below: 90 } }, 'out_of_range', '/checks/quality/spam_below'],
    [{ min_fill_seconds: -1 }, 'out_of_range', '/checks/min_fill_seconds'],
    [{ min_fill_seconds: 86401 }, 'out_of_range', '/checks/min_fill_seconds'],
    [{ free_email: 'reject' }, 'wrong_value', '/checks/free_email'],
    [{ free_email: true }, 'wrong_value', '/checks/free_email'],
    [{ severity: { name_case: 'fatal' } }, 'wrong_value', '/checks/severity/name_case'],
    [{ bogus: 1 }, 'unknown_key', '/checks/bogus'],
    [{ quality: { bogus: 1 } }, 'unknown_key', '/checks/quality/bogus'],
    [{ points: { email_free: 1.234 }, group: 'fit' }, 'points_precision', '/checks/points/email_free'],
    [{ require_fill_time: 'yes' }, 'wrong_type', '/checks/require_fill_time'],
    [{ quality: { warn: 'x' } }, 'wrong_type', '/checks/quality/warn'],
    ['x', 'wrong_type', '/checks'],
  ];
  for (const [checks, code, path] of cases) {
    assert.deepEqual(await modelError(checks), { code, path }, JSON.stringify(checks));
  }
  // Every option at once loads (the test above uses it), and so does an empty section.
  (await createScorer(withChecks({}))).dispose();
});
