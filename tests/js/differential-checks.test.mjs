// Randomized differential test of the form checks: several thousand generated field values (ASCII,
// accented Latin, Cyrillic, CJK, emoji, RTL, combining marks, keyboard walks, near-typos of webmail
// domains, phone-like strings, values around the 4,096-byte limit) go through the wasm package and
// through the native core, which must agree byte for byte.
//
// Native side: `leadscore score` with a model that has a "checks" section runs check_lead() on
// every lead and writes its findings into result.quality, so the whole result text must equal
// wasm's scoreJson(); and each field's findings in it must equal wasm's checkField() for that
// field. When the CLI has `leadscore check`, the leads also go through it (in French) and must
// equal wasm's checkLead(). Every result, field's findings and checkLead() result is also held to
// schema/result.schema.json.
import assert from 'node:assert/strict';
import test from 'node:test';

import { createScorer } from 'leadscore';
import { makeRandom } from './random.mjs';
import { assertResultMatchesSchema } from './result-schema.mjs';
import { defaultModelText, scoreWithCli } from './support.mjs';
import { checkLeadsWithCli } from './cli-check-runner.mjs';

const seed = Number(process.env.LEADSCORE_DIFF_SEED ?? 20261124);
const rnd = makeRandom(seed);
const LEADS = Number(process.env.LEADSCORE_DIFF_CHECK_LEADS ?? 1500);
const NOW = '2026-11-23T10:00:00Z';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'azertyuiop', 'qsdfghjklm', 'wxcvbn', 'qwertzuiop', 'yxcvbnm', '1234567890'];
const LATIN = ['Élodie', 'Ñúñez', 'Çağrı', 'Łukasz', 'Ørsted', 'Strauß', 'Æsa', 'Zoë', 'François', 'José', 'Müller', 'Dvořák'];
const CYRILLIC = ['Иван', 'Петров', 'иван', 'Наталья', 'ООО Ромашка', 'Сергеевич'];
const CJK = ['王小明', '山田太郎', '김민준', 'ソニー株式会社', '阿里巴巴'];
const EMOJI = ['😀', '👨‍👩‍👧', '🇫🇷', '🔥🔥', '❤️', '🙂'];
const RTL = ['محمد', 'فاطمة الزهراء', 'שרה', 'כהן', '\u200fאבי\u200f', 'Ann\u202ea', 'مؤسسة 1'];
const COMBINING = ['e\u0301', 'Zoe\u0301', 'a\u0300\u0301\u0302', '\u0301abc', 'n\u0303'];
const NAMES = ['marie', 'Jean-Pierre', "o'brien", 'mcdonald', 'de la tour', 'von Streit', 'DUPONT', 'Doherty', 'Louis XIV',
  'Lulu', 'Aaa', 'Lalala', 'J0hn', 'Paul@Home', 'www.site.fr', 'Xqzvkjwp', 'Anna', 'van gogh', 'ŁUKASZ'];
const COMPANIES = ['Acme Inc.', 'Northwind Traders Ltd', 'Müller GmbH', 'Société Générale SA', 'International Business Machines Corp',
  'KPMG', 'AT&T', 'Xkqzvw Jqxpz', '1234', 'sp. z o.o.', 'Acme', 'The Boring Company'];
const WEBMAIL = ['gmail.com', 'yahoo.com', 'yahoo.fr', 'hotmail.com', 'outlook.com', 'orange.fr', 'gmx.de', 'icloud.com', 'laposte.net'];
const WORK = ['acme.com', 'northwind.co.uk', 'mueller.de', 'ibm.com', 'socgen.com', 'mailinator.com', 'eu.acme.co.uk', 'acme.cmo'];
const LOCALS = ['jo', 'Marie.Curie', 'contact', 'sales+eu', 'info', 'x', 'j.doe', 'josé', '"quoted"', '.dot', 'a..b', 'ceo'];
const SEPS = [' ', '-', '.', '', '/', '(', ')'];

const pick = (items) => rnd.pick(items);
const letters = (alphabet, n) => Array.from({ length: n }, () => alphabet[rnd.int(0, alphabet.length - 1)]).join('');

function walk() {
  let row = pick(ROWS);
  if (rnd.chance(0.5)) row = [...row].reverse().join('');
  const len = rnd.int(3, Math.min(8, row.length));
  const start = rnd.int(0, row.length - len);
  const run = row.slice(start, start + len);
  return rnd.chance(0.4) ? run[0].toUpperCase() + run.slice(1) : run;
}

// A near-typo of a webmail domain: swap, drop, double or replace one character, or change the TLD.
function nearTypo(domain) {
  const chars = [...domain];
  const i = rnd.int(0, chars.length - 2);
  switch (rnd.int(0, 4)) {
    case 0: [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]]; break;
    case 1: chars.splice(i, 1); break;
    case 2: chars.splice(i, 0, chars[i]); break;
    case 3: chars[i] = letters('abcdefghijklmnopqrstuvwxyz', 1); break;
    default: return domain.replace(/\.[a-z]+$/, pick(['.con', '.cmo', '.co', '.om', '.fr', '.comm', '.net']));
  }
  return chars.join('');
}

function phone() {
  const cc = pick(['', '', '+33 ', '+1 ', '+44 ', '+49 ', '0033 ', '+999 ', '+7 ', '00']);
  const n = rnd.int(1, 14);
  let out = cc;
  for (let k = 0; k < n; k += 1) out += letters('0123456789', rnd.int(1, 3)) + pick(SEPS);
  if (rnd.chance(0.1)) out += pick([' ext. 12', ' x3', '#45', ' AB']);
  return out;
}

function text() {
  switch (rnd.int(0, 11)) {
    case 0: return letters('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', rnd.int(1, 12));
    case 1: return pick(LATIN) + (rnd.chance(0.5) ? ` ${pick(LATIN)}` : '');
    case 2: return pick(CYRILLIC);
    case 3: return pick(CJK);
    case 4: return pick(LATIN) + ' ' + pick(EMOJI);
    case 5: return pick(RTL);
    case 6: return pick(COMBINING) + pick(['', 'lie', ' Dupont']);
    case 7: return rnd.chance(0.5) ? walk() : `${pick(NAMES)} ${walk()}`;
    case 8: return pick(NAMES);
    case 9: return pick(COMPANIES);
    case 10: return rnd.chance(0.3) ? 'Acme '.repeat(rnd.int(818, 822)) : 'é'.repeat(rnd.int(2040, 2050));
    default: return pick([' ', '  padded  ', 'a\u0007b', 'tab\there', '\u00a0Anna', 'x'.repeat(300), '', 'Louis III']);
  }
}

function email() {
  const local = rnd.chance(0.2) ? text().replace(/\s+/g, '') : pick(LOCALS);
  const roll = rnd.next();
  const domain = roll < 0.35 ? nearTypo(pick(WEBMAIL)) : roll < 0.55 ? pick(WEBMAIL) : roll < 0.8 ? pick(WORK)
    : roll < 0.9 ? `mail.${pick(WEBMAIL)}` : pick(['café.fr', 'xn--caf-dma.fr', 'intranet.local', '[10.0.0.1]', 'acme', '-acme.com']);
  const at = rnd.chance(0.05) ? pick(['', '@@', '＠']) : '@';
  return (rnd.chance(0.1) ? ' ' : '') + local + at + domain;
}

function website() {
  const host = pick([...WORK, ...WEBMAIL, 'acme', 'acme.notatld', 'acme.com@evil.example']);
  return pick(['', 'https://', 'http://www.', 'ftp://']) + host + pick(['', '/about', ':8080', ':99999', '?q=1']);
}

// The fields of the test model (the default model's checks, plus a full-name field) and values.
const GENERATORS = {
  email, first_name: text, last_name: text, name: text, company: text, phone, website,
  url: () => pick(['', '', '', ' ', 'x']),
};

function leadFor() {
  const lead = {};
  for (const [field, gen] of Object.entries(GENERATORS)) if (rnd.chance(0.85)) lead[field] = gen();
  if (rnd.chance(0.5)) lead.country = pick(['FR', 'US', 'GB', 'DE', 'fr', 'XX', '']);
  if (rnd.chance(0.3)) lead.form_rendered_at = pick(['2026-11-23T09:59:58Z', '2026-11-23T09:59:50Z', 'soon', '2026-11-23T10:00:05Z']);
  return lead;
}

const model = JSON.parse(defaultModelText);
model.checks.fields.name = 'name';
const modelText = JSON.stringify(model);

test(`form checks: native and wasm agree on ${LEADS} random leads, field by field (seed ${seed})`, { timeout: 600_000 }, async () => {
  const leads = Array.from({ length: LEADS }, leadFor);
  const native = scoreWithCli(modelText, leads, NOW);
  assert.equal(native.length, leads.length, 'one CLI output line per lead');
  const scorer = await createScorer(modelText);
  let values = 0;
  let withFindings = 0;
  try {
    for (const [i, lead] of leads.entries()) {
      const wasmText = scorer.scoreJson(lead, { now: NOW });
      assert.ok(native[i].text, `lead ${i}: native error ${JSON.stringify(native[i].error)}`);
      assert.equal(native[i].text, wasmText, `lead ${i}: native and wasm results differ\n${JSON.stringify(lead)}`);
      const result = JSON.parse(native[i].text);
      assertResultMatchesSchema('score_result', result, `lead ${i}`);
      const nativeFindings = result.quality.findings;
      for (const [field, value] of Object.entries(lead)) {
        if (!(field in GENERATORS)) continue;
        const wasm = scorer.checkField(field, value, { lead });
        assertResultMatchesSchema('check_field_result', wasm, `lead ${i} field ${field}`);
        const fromNative = nativeFindings.filter((f) => f.field === field);
        assert.equal(JSON.stringify(wasm), JSON.stringify(fromNative), `lead ${i} field ${field}: ${JSON.stringify(value)}`);
        values += 1;
        if (wasm.length > 0) withFindings += 1;
      }
    }
  } finally {
    scorer.dispose();
  }
  assert.ok(values >= 5000, `only ${values} field values compared`);
  assert.ok(withFindings >= 1000 && withFindings < values, `${withFindings} of ${values} values have findings: generator too one-sided`);
});

test('form checks: `leadscore check` (French) and wasm checkLead agree', { timeout: 600_000 }, async () => {
    const leads = Array.from({ length: 500 }, leadFor);
    const native = checkLeadsWithCli(modelText, leads, NOW, 'fr');
    const scorer = await createScorer(modelText);
    try {
      for (const [i, lead] of leads.entries()) {
        assert.ok(native[i].text, `lead ${i}: native error ${JSON.stringify(native[i].error)}`);
        const wasm = scorer.checkLead(lead, { now: NOW, lang: 'fr' });
        assertResultMatchesSchema('check_lead_result', wasm, `lead ${i}`);
        assert.equal(JSON.stringify(JSON.parse(native[i].text)), JSON.stringify(wasm), `lead ${i}`);
      }
    } finally {
      scorer.dispose();
    }
  });
