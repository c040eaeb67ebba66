// The known misses of the form checks (issue 18 §3) as a page sees them through checkField, with
// both entry points and both data tiers: short names with a 4-key row run, international surnames,
// long keyboard mashes, a real provider on the disposable list, IDNA-forbidden code points in a
// domain (with their UTF-16 span), Argentine mobiles written nationally.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { createScorer } from 'leadscore';
import * as form from 'leadscore/form';
import { repoRoot } from './support.mjs';

const codes = (findings) => findings.map((f) => f.code);
const packBytes = (tier) => readFileSync(path.join(repoRoot, 'dist/data', `${tier}.bin`));

// A scorer of each entry point, with the full pack (Node's default) and with lite (a browser's).
async function scorers() {
  const out = [];
  for (const [entry, make] of [['leadscore', createScorer], ['leadscore/form', form.createScorer]]) {
    out.push([`${entry} full`, await make()]);
    const lite = await make();
    lite.loadData(packBytes('lite'));
    out.push([`${entry} lite`, lite]);
  }
  return out;
}

test('names: short names with a 4-key row run are not keyboard walks; real walks still are', async () => {
  for (const [label, scorer] of await scorers()) {
    for (const name of ['Hertz', 'Glazer', 'Mertz', 'Reza', 'Averty', 'Blazer', 'Azer']) {
      assert.deepEqual(codes(scorer.checkField('last_name', name)), [], `${label}: ${name}`);
      assert.deepEqual(codes(scorer.checkField('first_name', name)), [], `${label}: ${name}`);
    }
    const walk = scorer.checkField('last_name', 'Dupont Asdf');
    assert.deepEqual(codes(walk), ['keyboard_walk'], label);
    assert.equal('Dupont Asdf'.slice(...walk[0].span), 'Asdf');
    assert.deepEqual(codes(scorer.checkField('last_name', 'Qwer')), ['keyboard_walk'], label);
    scorer.dispose();
  }
});

test('names: Polish, Turkish, Vietnamese and Scottish/Irish surnames are not gibberish', async () => {
  const names = ['McGraw', 'Krawczyk', 'Wojciechowski', 'Ozturk', 'Öztürk', 'Vuong', 'Vương', 'Szczepański',
    'Brzęczyszczykiewicz', 'Yıldırım', 'Nguyễn', 'MacLeod', 'Tadhg', 'Caoimhe', 'Gruffydd'];
  for (const [label, scorer] of await scorers()) {
    for (const name of names) assert.deepEqual(codes(scorer.checkField('last_name', name)), [], `${label}: ${name}`);
    assert.deepEqual(codes(scorer.checkField('last_name', 'Krawczyk-Wojciechowski')), [], label);
    assert.deepEqual(codes(scorer.checkField('last_name', 'Xkqzvbwplm')), ['gibberish'], label);
    scorer.dispose();
  }
});

test('names and companies: long keyboard mashes are gibberish', async () => {
  const mashes = ['hfdasifasiudfhasuihfeauilfasiuhfua', 'fdjasiofaiosfjiaosjeiarhuisfhaiuht', 'Jgioertjaiowerhfdahsiwaeriogfdsjkn'];
  for (const [label, scorer] of await scorers()) {
    for (const mash of mashes) {
      assert.deepEqual(codes(scorer.checkField('company', mash)), ['gibberish'], `${label}: ${mash}`);
      assert.ok(codes(scorer.checkField('last_name', mash)).includes('gibberish'), `${label}: ${mash}`);
    }
    for (const company of ['PricewaterhouseCoopers', 'Kowalczyk Budownictwo', 'Bundesanstalt für Materialforschung']) {
      assert.deepEqual(codes(scorer.checkField('company', company)), [], `${label}: ${company}`);
    }
    scorer.dispose();
  }
});

test('email: a known real provider is free mail, never disposable; real disposables stay', async () => {
  for (const [label, scorer] of await scorers()) {
    assert.deepEqual(codes(scorer.checkField('email', 'li.wei@21cn.com')), ['email_free'], label);
    assert.deepEqual(codes(scorer.checkField('email', 'x@mailinator.com')), ['email_disposable'], label);
    scorer.dispose();
  }
  const scorer = await createScorer();
  assert.deepEqual(codes(scorer.checkField('email', 'li.wei@vip.21cn.com')), ['email_free']);
  // A free subdomain is not shadowed by its disposable parent; the parent's other subdomains are.
  assert.deepEqual(codes(scorer.checkField('email', 'x@kjnbtv.dedyn.io')), ['email_free']);
  assert.deepEqual(codes(scorer.checkField('email', 'x@other.dedyn.io')), ['email_disposable']);
  scorer.dispose();
});

test('email: U+FFFD, U+FFFC and other code points IDNA forbids are refused in a domain, with their span', async () => {
  for (const [label, scorer] of await scorers()) {
    for (const [value, bad] of [['jane@exa\uFFFDmple.com', '\uFFFD'], ['jane@exa\uFFFCmple.com', '\uFFFC'],
      ['jane@b\u0378cher.de', '\u0378'], ['jane@x\u{1FB00}.com', '\u{1FB00}'], ['jane@\u0628\u060C\u0628.com', '\u060C']]) {
      const f = scorer.checkField('email', value);
      assert.deepEqual(codes(f), ['email_syntax'], `${label}: ${value}`);
      assert.equal(value.slice(...f[0].span), bad, `${label}: ${value}`);
      assert.match(f[0].message, /domain contains a character that is not allowed/);
    }
    assert.deepEqual(codes(scorer.checkField('email', 'jane@xn--exmple-c078a.com')), ['email_syntax'], label);
    assert.deepEqual(codes(scorer.checkField('email', 'jane@bücher.de')), [], label);
    scorer.dispose();
  }
});

test('phone: Argentine mobiles written nationally have a possible length', async () => {
  for (const [label, scorer] of await scorers()) {
    for (const phone of ['011 15-2345-6789', '0221 15 123 4567', '11 15 2345 6789', '+54 11 15 2345 6789', '+54 9 11 2345 6789']) {
      assert.deepEqual(codes(scorer.checkField('phone', phone, { lead: { country: 'AR' } })), [], `${label}: ${phone}`);
    }
    assert.deepEqual(codes(scorer.checkField('phone', '011 16 2345 6789', { lead: { country: 'AR' } })), ['phone_length'], label);
    assert.deepEqual(codes(scorer.checkField('phone', '011 15 2345 6789', { lead: { country: 'BR' } })), ['phone_length'], label);
    scorer.dispose();
  }
});
