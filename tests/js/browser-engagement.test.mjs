// The web demo's "Events" panel and time slider, in Debian's Chromium (playwright-core): events
// added with the buttons and the `now` chosen with the slider give exactly the result of
// scorer.score(lead, {now, events}) in Node (same bytes, same numbers on screen), engagement
// decays as the slider moves forward, and the strict CSP holds with no console error.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createScorer } from '../../bindings/js/node.mjs';
import { checkPageStayedClean, openDemoPage, skipWithoutChromium } from './browser-support.mjs';

const NOW = '2026-11-23T10:00:00Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const start = Date.parse(NOW);

// A modest profile (fit 18 points), so that engagement moves the score rather than the total cap.
const LEAD = { email: 'ada@acme.example', seniority: 'manager', country: 'DE' };

// What the page must send to the engine after the clicks of the first subtest, in time order.
const ADDED = [
  { type: 'page_view', at: at(start - 10 * DAY), props: { url: '/pricing' } },
  { type: 'page_view', at: at(start - 10 * DAY), props: { url: '/blog/what-is-lead-scoring' } },
  ...[1, 2, 3].flatMap((n) => [
    { type: 'email_sent', at: at(start - 6 * DAY), props: { campaign: `campaign-${n}` } },
    { type: 'email_open', at: at(start - 6 * DAY), props: { campaign: `campaign-${n}` } },
  ]),
  { type: 'demo_request', at: at(start - 2 * DAY) },
  { type: 'ebook_download', at: NOW, props: { asset: 'lead-scoring-playbook' } },
  { type: 'webinar_attended', at: NOW, props: { webinar: 'scoring-that-sales-trusts' } },
];

// The page's number formats: "+5", "0", "−0.81" (U+2212); fit and total without "+".
const signed = (n) => (n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0');
const plain = (n) => (n < 0 ? `\u2212${-n}` : String(n));

/** What the result panel must show for a result. */
function expectedDisplay(r) {
  const lines = r.contributions.filter((c) => ['event', 'pattern', 'decay'].includes(c.kind));
  return {
    score: String(r.score),
    fit: plain(r.fit.points),
    engagement: signed(r.engagement.points),
    total: plain(r.total.points),
    groups: r.engagement.groups.map((g) => [g.label, signed(g.points), g.reset_at ?? null]),
    engagementTotal: signed(r.engagement.points),
    stages: r.engagement.stages.map((s) => [s.label, signed(s.points)]),
    lastActivity: r.last_activity,
    counts: r.engagement.events,
    lines: lines.length,
    decayLines: lines.filter((c) => c.kind === 'decay').map((c) => signed(c.points)),
    fitLines: r.contributions.length - lines.length,
  };
}

/** What the result panel shows. */
async function displayed(page) {
  return page.evaluate(() => {
    const text = (sel) => document.querySelector(sel).textContent;
    const last = (row) => row.cells[row.cells.length - 1].textContent;
    const counts = {};
    for (const s of document.querySelectorAll('#event-counts [data-count]')) counts[s.dataset.count] = Number.parseInt(s.textContent, 10);
    const lines = [...document.querySelectorAll('#engagement-lines tr')].filter((r) => !r.querySelector('.none'));
    const fitLines = [...document.querySelectorAll('#contributions tr')].filter((r) => !r.querySelector('.none'));
    return {
      score: text('#score'),
      fit: text('#fit-points'),
      engagement: text('#engagement-points'),
      total: text('#total-points'),
      groups: [...document.querySelectorAll('#engagement-groups tr')].map((r) => [
        r.querySelector('th').firstChild.textContent, last(r), r.querySelector('th time')?.dateTime ?? null]),
      engagementTotal: last(document.querySelector('#engagement-total tr')),
      stages: [...document.querySelectorAll('#stages tr')].map((r) => [r.cells[0].textContent, last(r)]),
      lastActivity: document.querySelector('#last-activity time')?.dateTime ?? null,
      counts,
      lines: lines.length,
      decayLines: lines.filter((r) => r.classList.contains('decay')).map(last),
      fitLines: fitLines.length,
    };
  });
}

test('web demo: events and the time slider in Chromium', { skip: skipWithoutChromium, timeout: 180_000 }, async (t) => {
  const session = await openDemoPage(t);
  const { page } = session;
  const scorer = await createScorer();
  t.after(() => scorer.dispose());

  const click = (name) => page.getByRole('button', { name, exact: true }).click();
  const daysBefore = (n) => page.getByLabel('Days before the chosen time').fill(String(n));
  const slider = page.getByLabel('Score at');
  const pageEvents = async () => JSON.parse(await page.locator('#events-json').textContent());

  // The page's result for its own inputs must be Node's, to the byte, and shown as such.
  async function assertMatchesNode(now, label) {
    const events = await pageEvents();
    const expectedJson = scorer.scoreJson(LEAD, { now, events });
    assert.equal(await page.locator('#result-json').textContent(), expectedJson, label);
    const expected = JSON.parse(expectedJson);
    assert.deepEqual(await displayed(page), expectedDisplay(expected), label);
    return expected;
  }

  await t.test('the slider starts at ?now= and no event is listed', async () => {
    await page.goto(`${session.base}/web-demo/?now=${NOW}`);
    await page.waitForSelector('form[data-ready]');
    await page.getByLabel('Email address').fill(LEAD.email);
    await page.getByLabel('Seniority').selectOption(LEAD.seniority);
    await page.getByLabel('Country (ISO 3166 alpha-2)').fill(LEAD.country);
    assert.equal(await slider.inputValue(), '0');
    assert.equal(await page.locator('#now-text time').getAttribute('datetime'), NOW);
    assert.deepEqual(await pageEvents(), []);
    assert.equal(await page.locator('#event-list li.none').count(), 1);
    const r = await assertMatchesNode(NOW, 'no events');
    assert.equal(r.engagement.points, 0);
    // "Open the last email" needs a sent email first.
    assert.equal(await page.getByRole('button', { name: 'Open the last email' }).isDisabled(), true);
  });

  let atStart;
  await t.test('events added with the buttons score as in Node', async () => {
    await daysBefore(10);
    await click('Visit the pricing page');
    await click('Visit a blog page');
    await daysBefore(6);
    for (let i = 0; i < 3; i += 1) {
      await click('Send an email');
      await click('Open the last email');
    }
    await daysBefore(2);
    await click('Request a demo');
    await daysBefore(0);
    await click('Download an ebook');
    await click('Attend a webinar');

    assert.deepEqual(await pageEvents(), ADDED);
    assert.equal(await page.locator('#event-list li').count(), ADDED.length);
    atStart = await assertMatchesNode(NOW, 'at the start');
    // Each send got its own campaign and was opened: the streak rule fired.
    assert.ok(atStart.contributions.some((c) => c.rule === 'email.streak' && c.kind === 'pattern'));
    assert.equal(atStart.last_activity, NOW);
    assert.ok(atStart.engagement.points > 0);
  });

  await t.test('moving the slider forward decays engagement, live', async () => {
    let previous = atStart.engagement.points;
    for (const hours of [720, 2160, 4320]) {
      await slider.fill(String(hours));
      const now = at(start + hours * HOUR);
      assert.equal(await page.locator('#now-text time').getAttribute('datetime'), now);
      const r = await assertMatchesNode(now, `start + ${hours} h`);
      assert.ok(r.engagement.points < previous, `engagement ${r.engagement.points} < ${previous} at +${hours} h`);
      assert.ok(r.contributions.some((c) => c.kind === 'decay' && c.decay === 'inactivity'), 'intent inactivity');
      assert.ok((await page.locator('#engagement-lines tr.decay').count()) > 0);
      previous = r.engagement.points;
    }
    // The slider stops 180 days ahead; the buttons and the keyboard move it too.
    assert.equal(await slider.getAttribute('max'), String(180 * 24));
    await click('Back to the start');
    await click('+30 days');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await assertMatchesNode(at(start + 721 * HOUR), 'start + 30 days + 1 h');
  });

  await t.test('events after the chosen time and duplicates are counted, not scored', async () => {
    await click('Back to the start');
    await slider.fill(String(-4 * 24));
    await daysBefore(6); // the pricing visit again, at the same instant: a duplicate
    await click('Visit the pricing page');
    const r = await assertMatchesNode(at(start - 4 * DAY), 'start - 4 days');
    assert.equal(r.engagement.events.future, 3);
    assert.equal(r.engagement.events.duplicates, 1);
    assert.equal(await page.locator('#event-list li.future').count(), 3);
    // The slider reaches 30 days back (the earliest event is 10 days back).
    assert.equal(await slider.getAttribute('min'), String(-30 * 24));
  });

  await t.test('an event can be removed, and all can be cleared', async () => {
    await click('Back to the start');
    await page.getByRole('button', { name: 'Remove Demo request at 2026-11-21 10:00 UTC' }).click();
    assert.equal((await pageEvents()).some((e) => e.type === 'demo_request'), false);
    await assertMatchesNode(NOW, 'demo removed');
    // A bad "days before" adds nothing and marks the input.
    await daysBefore(-1);
    await click('Request a demo');
    assert.equal(await page.getByLabel('Days before the chosen time').getAttribute('aria-invalid'), 'true');
    assert.equal((await pageEvents()).some((e) => e.type === 'demo_request'), false);

    await click('Clear events');
    assert.deepEqual(await pageEvents(), []);
    const r = await assertMatchesNode(NOW, 'cleared');
    assert.equal(r.engagement.points, 0);
    assert.equal(await page.locator('#event-list li.none').count(), 1);
  });

  await checkPageStayedClean(t, session);
});
