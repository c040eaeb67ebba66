// Totals that add up on screen or say why, and plain words instead of engine codes (issue 17 §4),
// in Debian's Chromium (playwright-core). The fit lines plus the rows for the group caps make the
// fit points; the engagement lines plus the rule, group and engagement caps make the engagement
// points; a capped total is said in the summary with its numbers ("Total capped at 0 (the model's
// minimum): fit −48 + engagement 0 = −48."), in English and French; a spam block says what the
// score would be. Finding and warning codes, rule ids and the model's fingerprint are only on a
// secondary line or in "Technical details". Desktop and phone; screenshots go to tests/output/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { createScorer, defaultModel } from '../../bindings/js/node.mjs';
import { checkPageStayedClean, openDemoPage, pageTexts, skipWithoutChromium } from './browser-support.mjs';
import { repoRoot } from './support.mjs';

const OUTPUT = join(repoRoot, 'tests/output');
const NOW = '2026-11-23T10:00:00Z';
const RENDERED = '2026-11-23T09:58:00Z';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 667 };
const plain = (n) => (n < 0 ? `\u2212${-n}` : String(n));
const round = (n) => Math.round(n * 100) / 100;

// A poor fit: a student at a 5-person government body with a tiny revenue and a webmail address.
// Company fit is −25 before its minimum of −20, and the fit is far below the total's minimum 0.
const POOR = { email: 'jean@gmail.com', company_size: '5', annual_revenue: '20000', country: 'FR' };
const POOR_SELECT = { seniority: 'student', industry: 'government' };

test('totals that add up or say why, and codes only for developers', { skip: skipWithoutChromium, timeout: 240_000 }, async (t) => {
  mkdirSync(OUTPUT, { recursive: true });
  const model = await defaultModel();
  const scorer = await createScorer();
  t.after(() => scorer.dispose());
  const session = await openDemoPage(t);
  const { page, base } = session;
  const result = async () => JSON.parse(await page.locator('#result-json').textContent());
  const open = async (lang = 'en') => {
    await page.goto(`${base}/web-demo/?lang=${lang}&now=${NOW}&rendered_at=${RENDERED}`);
    await page.waitForSelector('form[data-ready]');
  };
  const fillPoor = async () => {
    for (const [name, value] of Object.entries(POOR)) await page.locator(`#field-${name}`).fill(value);
    for (const [name, value] of Object.entries(POOR_SELECT)) await page.locator(`#field-${name}`).selectOption(value);
  };

  // A table as numbers: its lines, its cap rows and its last row (the footer's data-points).
  const table = (body, foot) => page.evaluate(({ body, foot }) => {
    const number = (s) => Number(s.replace('\u2212', '-').replace('+', ''));
    const rows = [...document.querySelectorAll(`#${body} tr`)].filter((r) => !r.querySelector('.none'));
    const footRows = [...document.querySelectorAll(`#${foot} tr`)];
    return {
      lines: rows.map((r) => number(r.cells[r.cells.length - 1].textContent)),
      caps: footRows.filter((r) => r.dataset.kind === 'cap').map((r) => ({ text: r.cells[0].textContent, points: Number(r.dataset.points) })),
      total: footRows.filter((r) => r.dataset.kind === 'total').map((r) => Number(r.dataset.points))[0],
    };
  }, { body, foot });
  const sum = (numbers) => round(numbers.reduce((a, b) => a + b, 0));
  function assertAddsUp(shown, expectedTotal, label) {
    assert.equal(round(sum(shown.lines) + sum(shown.caps.map((c) => c.points))), expectedTotal, `${label}: lines + caps = the last row`);
    assert.equal(shown.total, expectedTotal, `${label}: the last row`);
  }

  await t.test('a fit below the total\'s minimum: the summary says the total is capped at 0, with the sum', async () => {
    await page.setViewportSize(DESKTOP);
    await open();
    await fillPoor();
    const r = await result();
    assert.equal(r.total.points, 0);
    assert.ok(r.total.points_before_cap < 0);
    assert.equal(await page.locator('#total-why li').count(), 1);
    assert.equal(await page.locator('#total-why li[data-why="total-cap"]').textContent(),
      `Total capped at 0 (the model\u2019s minimum): fit ${plain(r.fit.points)} + engagement 0 = ${plain(r.total.points_before_cap)}.`);
    assert.equal(await page.locator('#total-why').isVisible(), true);
    // The fit table: the lines plus "Company fit: capped at −20 (its minimum) +5" make the fit points.
    const fit = await table('contributions', 'contributions-total');
    assertAddsUp(fit, r.fit.points, 'fit');
    const company = r.groups.find((g) => g.id === 'company');
    assert.deepEqual(fit.caps, [{ text: 'Company fit: capped at \u221220 (its minimum)', points: company.points - company.points_before_cap }]);
    // The groups table says which bound was reached.
    assert.match(await page.locator('#groups tr', { hasText: 'Company fit' }).textContent(), /minimum reached/);
    assert.match(await page.locator('#total tr', { hasText: 'Total' }).textContent(), /minimum reached/);
    await page.screenshot({ path: join(OUTPUT, 'totals-desktop-capped-en.png'), fullPage: true });
  });

  await t.test('French: the same sentence in French', async () => {
    await page.getByRole('button', { name: 'Français' }).click();
    const r = await result();
    assert.equal(await page.locator('#total-why li[data-why="total-cap"]').textContent(),
      `Total ramené à 0 (le minimum du modèle) : profil ${plain(r.fit.points)} + engagement 0 = ${plain(r.total.points_before_cap)}.`);
    assert.equal((await table('contributions', 'contributions-total')).caps[0].text,
      'Adéquation de l\u2019entreprise : ramené à \u221220 (son minimum)');
  });

  await t.test('a rich profile: rule, group and total caps at their maximum, and the tables add up', async () => {
    await open();
    await page.getByRole('button', { name: 'Fill an example' }).click();
    await page.getByLabel('Seniority').selectOption('vp'); // role 20 + 10 + 5 = 35, above its maximum 30
    for (let day = 0; day < 12; day += 1) { // a blog visit a day: "once a day counts", at most 10
      await page.getByLabel('Days before the chosen time').fill(String(day));
      await page.getByRole('button', { name: 'Visit a blog page', exact: true }).click();
      await page.getByRole('button', { name: 'Visit the pricing page', exact: true }).click();
    }
    for (const name of ['Request a demo', 'Attend a webinar', 'Download an ebook']) await page.getByRole('button', { name, exact: true }).click();
    const r = await result();
    const expected = scorer.scoreJson(JSON.parse(await page.locator('#lead-json').textContent()),
      { now: NOW, events: JSON.parse(await page.locator('#events-json').textContent()) });
    assert.equal(JSON.stringify(r), expected, 'the page scores as Node');
    const fit = await table('contributions', 'contributions-total');
    assertAddsUp(fit, r.fit.points, 'fit');
    assert.deepEqual(fit.caps.map((c) => c.text), ['Role fit: capped at 30 (its maximum)']);
    const engagement = await table('engagement-lines', 'engagement-lines-total');
    assertAddsUp(engagement, r.engagement.points, 'engagement');
    const capped = [...r.engagement.rules, ...r.engagement.groups, r.engagement]
      .filter((x) => x.points_before_cap !== undefined && x.points !== x.points_before_cap);
    assert.equal(engagement.caps.length, capped.length);
    assert.ok(engagement.caps.some((c) => c.text === 'Visited the website (once a day counts): capped at 10 (the rule\u2019s maximum)'), JSON.stringify(engagement.caps));
    assert.ok(r.total.points_before_cap > 100);
    assert.equal(await page.locator('#total-why li[data-why="total-cap"]').textContent(),
      `Total capped at 100 (the model\u2019s maximum): fit ${plain(r.fit.points)} + engagement ${plain(r.engagement.points)} = ${plain(r.total.points_before_cap)}.`);
    await page.locator('#engagement-lines').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, 'totals-desktop-rich-en.png'), fullPage: true });
  });

  await t.test('spam: the score is 0 and the page says what it would have been', async () => {
    await page.evaluate(() => {
      const trap = document.querySelector('input[name="url"]');
      trap.value = 'http://cheap-pills.example';
      trap.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const r = await result();
    assert.equal(r.quality.blocked, true);
    const before = r.contributions.find((c) => c.kind === 'spam_block').score_before;
    assert.ok(before > 0);
    assert.equal(await page.locator('#blocked').textContent(),
      `Spam verdict: the score is set to 0 (${before} without it) and the lead should not reach sales.`);
  });

  // Engine codes: snake_case finding, warning and action codes, and the model's rule ids.
  const ids = [...model.rules, ...model.engagement.rules, ...model.grading.criteria, ...model.routing.rules].map((x) => x.id);
  async function assertNoCodes(state) {
    const visible = await pageTexts(page, { visibleOnly: true });
    assert.deepEqual(visible.filter((s) => /[a-z]+_[a-z_]+/.test(s) || ids.some((id) => s.includes(id))), [], `${state}: codes among the plain words`);
    assert.deepEqual(visible.filter((s) => /fingerprint|empreinte|\bthirds\b|\btiers\b/i.test(s)), [], `${state}: jargon`);
  }

  for (const lang of ['en', 'fr']) {
    await t.test(`${lang}: codes only on secondary lines, the fingerprint under "Technical details"`, async () => {
      await open(lang);
      await fillPoor();
      // A finding and a warning with a code each, a route with its rule.
      await page.waitForSelector('#quality-reasons li[data-code="email_free"]');
      await page.locator('#field-company_size').fill('about 5');
      await page.waitForSelector('#warnings li[data-code="field_type"]');
      await assertNoCodes(`${lang}, poor profile`);
      assert.equal(await page.locator('#quality-reasons li[data-code="email_free"] .code-line').textContent(), 'email_free');
      assert.equal(await page.locator('#warnings li[data-code="field_type"] .code-line').textContent(), 'field_type \u00b7 /company_size');
      const r = await result();
      const row = page.locator(`#route-matrix-rows tr[data-rule="${r.route.rule}"]`);
      assert.equal(await row.locator('.rule-number').textContent(), String(model.routing.rules.findIndex((x) => x.id === r.route.rule) + 1));
      assert.equal(await row.locator('.code-line').textContent(), r.route.rule);
      assert.equal(await page.locator('.tech-details').getAttribute('open'), null, 'technical details closed');
      assert.equal(await page.locator('#model-fingerprint').isVisible(), false);
      await page.locator('.tech-details summary').click();
      assert.equal(await page.locator('#model-fingerprint').textContent(), scorer.model.fingerprint);
      assert.equal(await page.locator('#model-fingerprint').isVisible(), true);
      await page.screenshot({ path: join(OUTPUT, `totals-desktop-codes-${lang}.png`), fullPage: true });
    });
  }

  await t.test('phone: the capped total is said inside the compact score bar', async () => {
    await page.setViewportSize(PHONE);
    await open();
    await fillPoor();
    await page.locator('#field-phone').click();
    await page.locator('#field-phone').pressSequentially('+33 1', { delay: 15 });
    const { summary, padding } = await page.evaluate(() => ({
      summary: document.getElementById('summary').getBoundingClientRect().toJSON(),
      padding: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) }));
    assert.ok(summary.top >= 0 && summary.top < 4, `the score bar at the top (${summary.top})`);
    assert.ok(summary.height <= padding, `score bar ${summary.height}px within the scroll padding ${padding}px`);
    const why = await page.locator('#total-why').boundingBox();
    assert.ok(why && why.y >= summary.top && why.y + why.height <= summary.top + summary.height, 'the sentence is inside the bar');
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(widths[0] <= widths[1], `no horizontal scroll (${widths})`);
    await page.screenshot({ path: join(OUTPUT, 'totals-phone-en.png') });
  });

  await checkPageStayedClean(t, session);
});
