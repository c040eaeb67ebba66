// Data packs through the JS API (docs/data-packs.md): Node scorers use the full pack, a scorer can
// be handed another one, damaged bytes are refused, results name their data, verify compares like
// with like, and what lite misses is measured.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { createScorer, LeadscoreError } from 'leadscore';
import * as form from 'leadscore/form';
import { repoRoot, sharedDir } from './support.mjs';

const NOW = '2026-11-23T10:00:00Z';
const packBytes = (tier) => readFileSync(path.join(repoRoot, 'dist/data', `${tier}.bin`));
const headerOf = (bytes) => JSON.parse(bytes.subarray(12, 12 + bytes.readUInt32LE(8)).toString('utf8'));
const codes = (findings) => findings.map((f) => f.code);

test('Node scorers use the package\'s full pack, whichever entry point', async () => {
  const full = headerOf(packBytes('full'));
  for (const make of [createScorer, form.createScorer]) {
    const scorer = await make();
    assert.deepEqual(scorer.data, { tier: 'full', version: full.version });
    assert.deepEqual(codes(scorer.checkField('email', 'x@0-180.com')), ['email_disposable']);
    scorer.dispose();
  }
});

test('loadData() hands a scorer the lite pack: the long tail goes, the best-known services stay', async () => {
  const scorer = await createScorer();
  const lite = headerOf(packBytes('lite'));
  assert.deepEqual(scorer.loadData(packBytes('lite')), { tier: 'lite', version: lite.version });
  assert.deepEqual(scorer.data.tier, 'lite');
  assert.deepEqual(codes(scorer.checkField('email', 'x@0-180.com')), []);
  assert.deepEqual(codes(scorer.checkField('email', 'x@mailinator.com')), ['email_disposable']);
  assert.deepEqual(codes(scorer.checkField('email', 'x@gmail.com')), ['email_free']);
  // An ArrayBuffer works too, and going back to full is one call.
  const bytes = packBytes('full');
  scorer.loadData(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  assert.equal(scorer.data.tier, 'full');
  scorer.dispose();
});

test('damaged or foreign bytes are a LeadscoreError data_invalid, and the scorer keeps its pack', async () => {
  const scorer = await createScorer();
  const damaged = Buffer.from(packBytes('lite'));
  damaged[damaged.length - 2] ^= 1;
  for (const [bytes, where] of [[damaged, '/header/payload_sha256'], [Buffer.from('not a pack'), ''],
    [packBytes('lite').subarray(0, 5000), '/header/payload_bytes']]) {
    assert.throws(() => scorer.loadData(bytes), (e) => e instanceof LeadscoreError && e.code === 'data_invalid' && e.path === where);
  }
  assert.throws(() => scorer.loadData('full.bin'), (e) => e instanceof LeadscoreError && e.code === 'data_not_bytes');
  assert.equal(scorer.data.tier, 'full');
  scorer.dispose();
});

test('results of a model with checks name their data; verify says when the data differs', async () => {
  const full = await createScorer();
  const lite = await createScorer();
  lite.loadData(packBytes('lite'));
  const lead = { email: 'jane@acme-robotics.com', first_name: 'Jane', company: 'Acme Robotics' };
  const result = full.score(lead, { now: NOW });
  assert.deepEqual(result.data, full.data);
  assert.deepEqual(full.score(lead, { now: NOW, detail: 'summary' }).data, full.data);
  assert.deepEqual(full.checkLead(lead, { now: NOW }).data, full.data);
  // A model without checks uses no data, and says none.
  const plain = await createScorer({ format_version: 1, id: 'p', version: '1', fields: [], groups: [{ id: 'g' }], rules: [],
    scale: { min: 0, max: 100 }, bands: [{ id: 'all', action: 'none', from: 0, to: 100 }] });
  assert.ok(!('data' in plain.score({}, { now: NOW })));

  const submission = lite.submission(lead, { now: NOW });
  // acme-robotics.com is on no lite list: lite cannot say it is neither disposable nor free.
  assert.deepEqual(submission.result.data, { ...lite.data, undecided: ['email_disposable', 'email_free'] });
  assert.deepEqual(lite.checkLead(lead, { now: NOW }).data, submission.result.data);
  assert.deepEqual(lite.checkLead({ ...lead, email: 'jane@gmail.com' }, { now: NOW }).data, lite.data);
  assert.deepEqual(full.verify(submission), { status: 'data_mismatch', expected: full.data, received: lite.data });
  assert.deepEqual(lite.verify(submission), { status: 'match' });
  for (const s of [full, lite, plain]) s.dispose();
});

test('what lite misses, measured on the lists and on other projects\' labelled cases', async () => {
  const full = headerOf(packBytes('full')).sections;
  const lite = headerOf(packBytes('lite')).sections;
  const share = (tier, name) => tier[name].entries;
  // By entries (docs/data-packs.md states these figures).
  assert.equal(Math.round((1000 * share(lite, 'disposable_domains')) / share(full, 'disposable_domains')) / 10, 1.5);
  assert.equal(Math.round((1000 * share(lite, 'free_domains')) / share(full, 'free_domains')) / 10, 2.6);

  const cases = JSON.parse(readFileSync(path.join(sharedDir, 'external/forms/free-disposable-domain-cases.json'), 'utf8'));
  const disposable = cases.mailchecker.invalid_disposable.filter((e) => e.includes('@'));
  const free = cases.freemail.cases.filter((c) => c.isFree && c.input.includes('@')).map((c) => c.input);
  const scorer = await createScorer();
  const found = (emails, code) => emails.filter((e) => codes(scorer.checkField('email', e)).includes(code)).length;
  const withFull = [found(disposable, 'email_disposable'), found(free, 'email_free') + found(free, 'email_disposable')];
  scorer.loadData(packBytes('lite'));
  const withLite = [found(disposable, 'email_disposable'), found(free, 'email_free') + found(free, 'email_disposable')];
  process.stdout.write(`# labelled disposable cases: full ${withFull[0]}/${disposable.length}, lite ${withLite[0]}/${disposable.length}; `
    + `free cases: full ${withFull[1]}/${free.length}, lite ${withLite[1]}/${free.length}\n`);
  assert.ok(withLite[0] <= withFull[0] && withLite[1] <= withFull[1]);
  scorer.dispose();
});
