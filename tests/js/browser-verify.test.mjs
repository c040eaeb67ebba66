// The verification round trip browser -> native (issue 5, "Done when"): in Debian's Chromium
// (playwright-core) the browser build of the package makes a submission for a lead with events;
// the native `leadscore verify` checks it from a file: the honest one matches, a changed score is a
// mismatch at /score, a forged fingerprint is model_mismatch, and a changed lead with the old
// result is a mismatch. The page's submission is also byte-identical to Node's.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { createScorer } from '../../bindings/js/node.mjs';
import { checkPageStayedClean, openDemoPage, skipWithoutChromium } from './browser-support.mjs';
import { cliPath, defaultModelText, repoRoot, runCli, tempDir } from './support.mjs';

const NOW = '2026-11-23T10:00:00Z';
const LEAD = { email: 'ada@acme.example', first_name: 'Ada', last_name: 'Lovelace', company: 'Acme',
  seniority: 'director', department: 'sales', industry: 'software', country: 'GB' };
const EVENTS = [
  { type: 'page_view', at: '2026-11-18T09:00:00Z', props: { url: '/pricing' } },
  { type: 'email_sent', at: '2026-11-19T08:00:00Z', props: { campaign: 'launch' } },
  { type: 'email_open', at: '2026-11-19T09:30:00Z', props: { campaign: 'launch' } },
  { type: 'demo_request', at: '2026-11-22T15:30:00Z' },
];
const FORGED = `sha256:${'f'.repeat(64)}`;
const skip = skipWithoutChromium || (existsSync(cliPath) ? false : `CLI binary not built: ${cliPath}`);

test('verification round trip: Chromium makes the submission, the native CLI verifies it', { skip, timeout: 180_000 }, async (t) => {
  const session = await openDemoPage(t);
  const { page, base } = session;
  const dir = tempDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // One model text for the page and the CLI (the bundled default, as read when the suite started).
  const modelPath = join(dir, 'model.json');
  writeFileSync(modelPath, defaultModelText);
  // The browser scores with its built-in lite data pack (docs/data-packs.md): the server verifies
  // with the same pack (--data), as the README says.
  const litePack = join(repoRoot, 'dist/data/lite.bin');
  const verify = (name, submission, data = ['--data', litePack]) => {
    const p = join(dir, name);
    writeFileSync(p, `${typeof submission === 'string' ? submission : JSON.stringify(submission)}\n`);
    const r = runCli(['verify', '--model', modelPath, ...data, p]);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 1, r.stderr);
    return { status: r.status, out: JSON.parse(lines[0]) };
  };

  await page.goto(`${base}/web-demo/?now=${NOW}`);
  await page.waitForSelector('form[data-ready]');
  // The page's own package (resolved by its import map), not the Node one.
  const text = await page.evaluate(async ({ modelText, lead, events, now }) => {
    const { createScorer: create } = await import('leadscore');
    const scorer = await create(JSON.parse(modelText));
    try {
      return JSON.stringify(scorer.submission(lead, { now, events }));
    } finally {
      scorer.dispose();
    }
  }, { modelText: defaultModelText, lead: LEAD, events: EVENTS, now: NOW });
  const submission = JSON.parse(text);

  await t.test('the browser made a submission of this lead, its events and its result', async () => {
    assert.equal(submission.format, 'leadscore-submission/1');
    assert.deepEqual(submission.inputs, { lead: LEAD, now: NOW, lang: 'en', events: EVENTS });
    assert.ok(submission.result.engagement.events.used > 0, 'the events were scored');
    assert.equal(submission.result.data.tier, 'lite');
    const node = await createScorer(JSON.parse(defaultModelText));
    try {
      node.loadData(readFileSync(litePack));
      assert.equal(text, JSON.stringify(node.submission(LEAD, { now: NOW, events: EVENTS })));
    } finally {
      node.dispose();
    }
  });

  await t.test('honest: the native CLI recomputes the same result (match, exit 0)', () => {
    const r = verify('honest.jsonl', text);
    assert.equal(r.status, 0);
    assert.deepEqual(r.out, { record: { line: 1 }, verification: { status: 'match' } });
  });

  await t.test('verified with other data (the built-in full pack): data_mismatch, not a field (exit 1)', () => {
    const r = verify('other-data.jsonl', text, []);
    assert.equal(r.status, 1);
    assert.equal(r.out.verification.status, 'data_mismatch');
    assert.equal(r.out.verification.expected.tier, 'full');
    assert.deepEqual(r.out.verification.received, { tier: 'lite', version: submission.result.data.version });
  });

  await t.test('a changed score: mismatch at /score with the server\'s and the client\'s values (exit 1)', () => {
    const tampered = structuredClone(submission);
    tampered.result.score = submission.result.score === 100 ? 99 : 100;
    const r = verify('score.jsonl', tampered);
    assert.equal(r.status, 1);
    assert.deepEqual(r.out.verification,
      { status: 'mismatch', field: '/score', expected: submission.result.score, received: tampered.result.score });
  });

  await t.test('a forged model fingerprint: model_mismatch (exit 1)', () => {
    const forged = structuredClone(submission);
    forged.model.fingerprint = FORGED;
    forged.result.model.fingerprint = FORGED;
    const r = verify('forged.jsonl', forged);
    assert.equal(r.status, 1);
    assert.deepEqual(r.out.verification,
      { status: 'model_mismatch', expected: submission.model.fingerprint, received: FORGED });
  });

  await t.test('a changed lead field with the old result: mismatch (exit 1)', () => {
    const changed = structuredClone(submission);
    changed.inputs.lead.seniority = 'intern';
    const r = verify('changed.jsonl', changed);
    assert.equal(r.status, 1);
    assert.equal(r.out.verification.status, 'mismatch');
    assert.match(r.out.verification.field, /^\//);
  });

  await checkPageStayedClean(t, session);
});
