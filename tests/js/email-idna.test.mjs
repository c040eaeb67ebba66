// The IDNA-forbidden code points of the email syntax (docs/checks/email.md, "IDNA-forbidden code
// points"): the committed table is what this Node's Unicode data gives (when its Unicode version
// is the table's), and checkField refuses every range of it in a domain label, where it was typed
// and inside an xn-- label.
import assert from 'node:assert/strict';
import { domainToASCII } from 'node:url';
import test from 'node:test';

import { committedRanges, disallowedRanges } from '../../core/data/idna-disallowed.mjs';
import * as form from 'leadscore/form';

const { unicode, ranges } = committedRanges();

test('the committed table is the one this Node computes', { skip: process.versions.unicode !== unicode && `table is Unicode ${unicode}, this Node ${process.versions.unicode}` }, () => {
  assert.deepEqual(disallowedRanges(), ranges);
});

test('checkField refuses the first, middle and last code point of every range, and the code points around', async () => {
  const scorer = await form.createScorer();
  // Refused: an email_syntax finding, or for C1 controls the check that runs before any other.
  const refused = (cp) => scorer.checkField('email', `jane@a${String.fromCodePoint(cp)}b.com`).map((f) => f.code)
    .some((code) => code === 'email_syntax' || code === 'control_characters');
  let checked = 0;
  for (const [lo, hi] of ranges) {
    for (const cp of new Set([lo, Math.floor((lo + hi) / 2), hi])) {
      assert.ok(refused(cp), `U+${cp.toString(16).toUpperCase()} accepted`);
      ++checked;
    }
  }
  // Letters of every script a form meets are accepted (the code point after a range is often one).
  for (const letter of ['é', 'ß', 'ü', 'ł', 'ş', 'ư', 'ж', 'λ', 'א', 'ب', 'क', 'ก', '中', 'あ', 'ア', '한']) {
    assert.ok(!refused(letter.codePointAt(0)), `${letter} refused`);
  }
  // U+FFFD inside an A-label, which UTS-46 itself refuses too.
  assert.equal(domainToASCII('ex\uFFFDmple.com'), '');
  assert.deepEqual(scorer.checkField('email', 'jane@xn--exmple-c078a.com').map((f) => f.code), ['email_syntax']);
  assert.ok(checked >= ranges.length && ranges.length > 700);
  scorer.dispose();
});
