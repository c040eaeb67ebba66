// The demo's first screen as a visitor meets it (issue 17): an untouched form is neutral (no
// grade, route or verdict, no red field), a field turns red only once typed in or left, the
// example is a valid profile, and the neutral state speaks French too. Desktop and phone
// screenshots go to tests/output/ (not committed); the assertions are about layout facts.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { checkPageStayedClean, openDemoPage, skipWithoutChromium } from './browser-support.mjs';
import { repoRoot } from './support.mjs';

const OUTPUT = join(repoRoot, 'tests/output');
const NOW = '2026-11-23T10:00:00Z';
const RENDERED = '2026-11-23T09:58:00Z'; // two minutes to fill the form: a human pace
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 375, height: 667 };

test('demo first screen: neutral until the visitor acts, red fields only where they typed or left', { skip: skipWithoutChromium, timeout: 120_000 }, async (t) => {
  mkdirSync(OUTPUT, { recursive: true });
  const session = await openDemoPage(t);
  const { page, base } = session;
  const visible = (selector) => page.locator(selector).isVisible();
  const invalidFields = () => page.$$eval('#lead-form [aria-invalid="true"]', (els) => els.map((e) => e.name));

  await t.test('live (no ?now=), untouched: a score but no grade, route, verdict or red field, even in the first 3 s', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${base}/web-demo/?lang=en`);
    await page.waitForSelector('form[data-ready]');
    assert.equal(await visible('#waiting'), true);
    for (const selector of ['#grade-box', '#route', '#quality', '#quality-details'])
      assert.equal(await visible(selector), false, `${selector} hidden on an untouched form`);
    assert.deepEqual(await invalidFields(), []);
    await page.screenshot({ path: join(OUTPUT, 'first-screen-desktop.png') });
  });

  await t.test('leaving the required email empty marks it; typing a bad value marks it while typing', async () => {
    await page.getByLabel('Email address').focus();
    await page.getByLabel('First name').focus();
    assert.deepEqual(await invalidFields(), ['email']);
    assert.equal(await visible('#waiting'), true, 'leaving a field is not yet filling the form');
    await page.getByLabel('First name').pressSequentially('jean', { delay: 15 });
    await page.waitForFunction(() => document.querySelector('[name="first_name"]').getAttribute('aria-invalid') === 'true');
    assert.equal(await visible('#waiting'), false);
    assert.equal(await visible('#route'), true);
  });

  await t.test('the example is a valid profile: no red field, no finding above a note, not discarded', async () => {
    await page.goto(`${base}/web-demo/?lang=en&now=${NOW}&rendered_at=${RENDERED}`);
    await page.waitForSelector('form[data-ready]');
    await page.getByRole('button', { name: 'Fill an example' }).click();
    await page.waitForFunction(() => document.querySelector('#quality[data-verdict="ok"]') !== null);
    await page.waitForTimeout(400); // the live checks have run (the example runs them at once)
    assert.deepEqual(await invalidFields(), []);
    assert.notEqual(await page.locator('#route-action').getAttribute('data-action'), 'discard');
    // Notes (info) are fine; nothing to check or block.
    const kinds = await page.$$eval('#lead-form .finding', (els) => els.map((e) => e.className));
    assert.ok(kinds.every((c) => /\binfo\b/.test(c)), `findings on the example: ${kinds}`);
  });

  await t.test('phone, French: the neutral note in French, the score bar first and on screen', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${base}/web-demo/?lang=fr`);
    await page.waitForSelector('form[data-ready]');
    assert.match(await page.textContent('#waiting'), /^Remplissez le formulaire/);
    const summary = await page.locator('#summary').boundingBox();
    const form = await page.locator('#lead-form').boundingBox();
    assert.ok(summary.y < form.y, 'the score bar comes before the form');
    assert.ok(summary.height < 260, `the score bar stays compact (${summary.height} px)`);
    await page.screenshot({ path: join(OUTPUT, 'first-screen-phone-fr.png') });
  });

  await t.test('small phone (375x667): the form on the first screen, the score bar on screen while typing lower down', async () => {
    await page.setViewportSize(SMALL_PHONE);
    await page.goto(`${base}/web-demo/?lang=en&now=${NOW}&rendered_at=${RENDERED}`);
    await page.waitForSelector('form[data-ready]');
    const box = (selector) => page.locator(selector).boundingBox();
    // The first screen: the compact score bar, then the form's first field, whole; the details of
    // the result (why this verdict, grade, route, the tables) come after the form and the panels.
    const email = await box('#field-email');
    assert.ok(email.y + email.height <= SMALL_PHONE.height, `the first field is on the first screen (${JSON.stringify(email)})`);
    assert.ok((await box('#summary')).y < email.y);
    assert.ok((await box('#details')).y > (await box('#feedback-panel')).y, 'the details come after the inputs');
    // Typing in the last field: the page scrolls, the bar stays at the top and the field shows below it.
    await page.getByRole('button', { name: 'Fill an example' }).click();
    await page.getByLabel('Website').click();
    await page.getByLabel('Website').pressSequentially('northwind-analytics.com', { delay: 10 });
    const summary = await box('#summary');
    const website = await box('#field-website');
    assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the page scrolled to the field');
    assert.ok(summary.y >= 0 && summary.y < 4, `the score bar at the top (${summary.y})`);
    assert.ok(summary.height < 260, `the score bar stays compact (${summary.height} px)`);
    assert.ok(website.y >= summary.y + summary.height && website.y + website.height <= SMALL_PHONE.height,
      `the field is below the bar and on screen (${JSON.stringify({ summary, website })})`);
    await page.screenshot({ path: join(OUTPUT, 'first-screen-small-phone-typing.png') });
  });

  await checkPageStayedClean(t, session);
});
