// The demo's signup form with live checks, in Debian's Chromium (playwright-core): text is typed
// key by key, the debounced findings appear under the fields in English and in French, a suggestion
// applies with one click, the score, verdict and explanation are Node's to the byte for the same
// lead and instants (?now= and ?rendered_at= fix them), a filled honeypot gives the spam verdict,
// the served CSP has no 'unsafe-eval' and no violation or console error happens, on a desktop and
// a phone-sized viewport. Screenshots go to tests/output/ (git-ignored).
import test from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createScorer } from '../../bindings/js/node.mjs';
import { checkPageStayedClean, openDemoPage, skipWithoutChromium } from './browser-support.mjs';
import { repoRoot as root } from './support.mjs';

const NOW = '2026-11-23T10:00:00Z';
const RENDERED = '2026-11-23T09:58:00Z'; // two minutes to fill the form: not too fast
const OUTPUT = join(root, 'tests/output');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 667 };

/** Polls `fn` until it returns a truthy value (returned) or `ms` pass (then fails with `what`, or what() says). */
async function until(fn, what, ms = 5_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) assert.fail(`timed out waiting for ${typeof what === 'function' ? await what() : what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('signup form with live checks in Chromium', { skip: skipWithoutChromium, timeout: 240_000 }, async (t) => {
  const session = await openDemoPage(t);
  const { page, base } = session;
  const scorer = await createScorer();
  t.after(() => scorer.dispose());
  mkdirSync(OUTPUT, { recursive: true });

  const field = (name) => page.locator(`#field-${name}`);
  const findings = (name) => page.locator(`#field-${name}-findings li`);
  const codes = (name) => findings(name).evaluateAll((items) => items.map((i) => i.dataset.code));
  // Types like a person: one key event per character, so the page's debounce is exercised.
  const type = async (name, text) => {
    await field(name).click();
    await field(name).pressSequentially(text, { delay: 15 });
  };
  const clearField = async (name) => {
    await field(name).click();
    await field(name).press('ControlOrMeta+a');
    await field(name).press('Backspace');
  };
  const waitForCodes = (name, expected, label = name) => until(async () => {
    const got = await codes(name);
    return JSON.stringify(got) === JSON.stringify(expected) ? got : null;
  }, async () => `${label} findings ${JSON.stringify(expected)} (shown: ${JSON.stringify(await codes(name))})`);
  const pageLead = async () => JSON.parse(await page.locator('#lead-json').textContent());
  // The page's result must be Node's for the same lead, instant and language, to the byte.
  async function assertScoreMatchesNode(lang, label) {
    const lead = await pageLead();
    const expectedJson = scorer.scoreJson(lead, { now: NOW, lang });
    assert.equal(await page.locator('#result-json').textContent(), expectedJson, label);
    const expected = JSON.parse(expectedJson);
    assert.equal(await page.locator('#score').textContent(), String(expected.score), label);
    assert.equal(await page.locator('#quality').getAttribute('data-verdict'), expected.quality.verdict, label);
    assert.equal(await page.locator('#contributions tr[data-kind="check"]').count(),
      expected.contributions.filter((c) => c.kind === 'check').length, label);
    return { lead, expected };
  }

  await t.test('the server sends a CSP without unsafe-eval or unsafe-inline scripts', async () => {
    const r = await fetch(`${base}/web-demo/`);
    const csp = r.headers.get('content-security-policy');
    assert.ok(csp, 'Content-Security-Policy header');
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    const scriptSrc = directives.get('script-src');
    assert.ok(scriptSrc.includes("'wasm-unsafe-eval'"));
    assert.ok(!scriptSrc.includes("'unsafe-eval'") && !scriptSrc.includes("'unsafe-inline'"));
    assert.deepEqual(directives.get('default-src'), ["'self'"]);
    assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
    // The one inline script, the import map, is allowed by its hash in the header and the <meta>.
    const html = await r.text();
    const map = html.match(/<script type="importmap">([\s\S]*?)<\/script>/)[1];
    const hash = `'sha256-${createHash('sha256').update(map).digest('base64')}'`;
    assert.ok(scriptSrc.includes(hash), `header script-src allows ${hash}`);
    assert.ok(html.includes(hash.slice(1, -1)), `<meta> CSP allows ${hash}`);
  });

  await page.setViewportSize(DESKTOP);
  await page.goto(`${base}/web-demo/?now=${NOW}&rendered_at=${RENDERED}&lang=en`);
  await page.waitForSelector('form[data-ready]');

  await t.test('the honeypot is out of sight, out of the tab order and never autofilled', async () => {
    const trap = field('url');
    assert.equal(await trap.getAttribute('tabindex'), '-1');
    assert.equal(await trap.getAttribute('autocomplete'), 'off');
    assert.equal(await trap.evaluate((i) => i.closest('[aria-hidden="true"]') !== null), true);
    const box = await trap.boundingBox();
    assert.ok(box === null || box.x + box.width <= 0, `honeypot off screen (${JSON.stringify(box)})`);
    assert.equal((await pageLead()).form_rendered_at, RENDERED);
  });

  await t.test('"jean": a capitalization finding whose suggestion applies with one click', async () => {
    await type('first_name', 'jean');
    await waitForCodes('first_name', ['name_case']);
    assert.equal(await field('first_name').getAttribute('aria-invalid'), 'true');
    assert.match(await field('first_name').getAttribute('aria-describedby'), /\bfield-first_name-findings\b/);
    assert.equal(await page.locator('#field-first_name-findings').getAttribute('aria-live'), 'polite');
    const expected = scorer.checkField('first_name', 'jean', { lead: await pageLead(), lang: 'en' });
    assert.equal(await findings('first_name').locator('.message').textContent(), expected[0].message);
    await findings('first_name').getByRole('button', { name: 'Did you mean Jean?' }).click();
    assert.equal(await field('first_name').inputValue(), 'Jean');
    await waitForCodes('first_name', []);
    assert.equal(await field('first_name').getAttribute('aria-invalid'), null);
  });

  let freeScore;
  await t.test('"jane@gmial.com": "did you mean jane@gmail.com?", applied with one click', async () => {
    await type('email', 'jane@gmial.com');
    await waitForCodes('email', ['email_typo', 'email_free']);
    // The misspelled domain is highlighted.
    assert.equal(await findings('email').first().locator('mark').textContent(), 'gmial.com');
    await findings('email').getByRole('button', { name: 'Did you mean jane@gmail.com?' }).click();
    assert.equal(await field('email').inputValue(), 'jane@gmail.com');
    await waitForCodes('email', ['email_free']); // the typo finding disappears, the webmail one stays
    const { expected } = await assertScoreMatchesNode('en', 'free webmail');
    assert.equal(expected.contributions.find((c) => c.code === 'email_free').points, -10);
    assert.equal(await page.locator('#contributions tr[data-code="email_free"] .num').textContent(), '\u221210');
    freeScore = expected.score;
  });

  await t.test('a work address scores higher than free webmail', async () => {
    await type('last_name', 'Martin');
    await type('company', 'Northwind Analytics');
    await clearField('email');
    await type('email', 'jane.martin@northwind-analytics.example');
    await waitForCodes('email', []);
    await waitForCodes('company', ['company_domain_match']);
    const { expected, lead } = await assertScoreMatchesNode('en', 'work address');
    const withFree = scorer.score({ ...lead, email: 'jane@gmail.com' }, { now: NOW });
    assert.ok(withFree.score < expected.score, `${withFree.score} < ${expected.score}`);
    assert.ok(freeScore <= expected.score);
    assert.equal(await page.locator('#verdict').textContent(), 'looks genuine');
    assert.equal(await page.locator('#grade-letter').textContent(), expected.grade.letter);
  });

  await t.test('a keyboard walk in the last name is flagged and highlighted; "Doherty" is not', async () => {
    await clearField('last_name');
    await type('last_name', 'Asdfgh');
    await until(async () => (await codes('last_name')).includes('keyboard_walk'), 'keyboard_walk');
    const walk = findings('last_name').and(page.locator('[data-code="keyboard_walk"]'));
    assert.match(await walk.textContent(), /neighbouring keys/);
    await page.screenshot({ path: join(OUTPUT, 'form-desktop-en.png'), fullPage: true });
    await assertScoreMatchesNode('en', 'keyboard walk');
    await clearField('last_name');
    await type('last_name', 'Doherty');
    await waitForCodes('last_name', []);
    await clearField('last_name');
    await type('last_name', 'Asdfgh');
    await until(async () => (await codes('last_name')).includes('keyboard_walk'), 'keyboard_walk again');
  });

  await t.test('Français: labels, findings and score in French, from the core', async () => {
    await page.getByRole('button', { name: 'Français' }).click();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.equal(await page.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed'), 'true');
    await page.getByLabel('Prénom').waitFor();
    const lead = await pageLead();
    const expected = scorer.checkField('last_name', 'Asdfgh', { lead, lang: 'fr' });
    await until(async () => JSON.stringify(await findings('last_name').locator('.message').allTextContents())
      === JSON.stringify(expected.map((f) => f.message)), 'French last-name messages');
    assert.match(await findings('last_name').first().textContent(), /^À vérifier/);
    // Typing in French: a keyboard walk on the AZERTY home row.
    await clearField('first_name');
    await type('first_name', 'qsdfg');
    await until(async () => (await codes('first_name')).includes('keyboard_walk'), 'AZERTY walk');
    assert.match(await findings('first_name').and(page.locator('[data-code="keyboard_walk"]')).textContent(), /touches voisines/);
    await assertScoreMatchesNode('fr', 'French');
    assert.match(page.url(), /[?&]lang=fr\b/);
    await page.screenshot({ path: join(OUTPUT, 'form-desktop-fr.png'), fullPage: true });
  });

  await t.test('a filled honeypot gives the spam verdict and sets the score to 0', async () => {
    await page.evaluate(() => {
      const trap = document.querySelector('input[name="url"]');
      trap.value = 'http://cheap-pills.example';
      trap.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const { expected } = await assertScoreMatchesNode('fr', 'honeypot');
    assert.equal(expected.quality.verdict, 'spam');
    assert.equal(expected.quality.blocked, true);
    assert.equal(await page.locator('#score').textContent(), '0');
    assert.equal(await page.locator('#blocked').isVisible(), true);
    assert.equal(await page.locator('#quality-reasons [data-code="honeypot_filled"]').count(), 1);
    assert.equal(await page.locator('#contributions tr[data-kind="spam_block"]').count(), 1);
    await page.screenshot({ path: join(OUTPUT, 'form-desktop-spam.png'), fullPage: true });
  });

  await t.test('a form sent within the minimum fill time is spam', async () => {
    await page.goto(`${base}/web-demo/?now=${NOW}&rendered_at=2026-11-23T09:59:59Z&lang=en`);
    await page.waitForSelector('form[data-ready]');
    await type('first_name', 'Jean');
    const { expected } = await assertScoreMatchesNode('en', 'too fast');
    assert.deepEqual(expected.quality.reasons.map((r) => r.code), ['form_too_fast']);
    assert.equal(await page.locator('#verdict').textContent(), 'spam');
  });

  await t.test('phone-sized viewport: no horizontal scroll, fields usable, findings shown', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${base}/web-demo/?now=${NOW}&rendered_at=${RENDERED}&lang=en`);
    await page.waitForSelector('form[data-ready]');
    await type('first_name', 'jean');
    await type('email', 'jane@gmial.com');
    await waitForCodes('email', ['email_typo', 'email_free']);
    await waitForCodes('first_name', ['name_case']);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(widths.scroll <= widths.client, `no horizontal scroll (${JSON.stringify(widths)})`);
    for (const name of ['first_name', 'last_name', 'email', 'company', 'country', 'phone', 'website']) {
      const box = await field(name).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width && box.height >= 30, `${name}: ${JSON.stringify(box)}`);
    }
    const suggestion = findings('email').getByRole('button', { name: 'Did you mean jane@gmail.com?' });
    const box = await suggestion.boundingBox();
    assert.ok(box.x + box.width <= PHONE.width, 'suggestion button fits');
    // The form part of the page (the whole page is over 5,000 px tall on a phone).
    await page.screenshot({ path: join(OUTPUT, 'form-phone.png'), fullPage: true, clip: { x: 0, y: 0, width: PHONE.width, height: 1400 } });
    await suggestion.click();
    assert.equal(await field('email').inputValue(), 'jane@gmail.com');
    await waitForCodes('email', ['email_free']);
    await assertScoreMatchesNode('en', 'phone');
    await page.screenshot({ path: join(OUTPUT, 'form-phone-viewport.png') });
  });

  await t.test('without ?lang=, a French browser gets the French page', async () => {
    const context = await page.context().browser().newContext({ locale: 'fr-FR' });
    t.after(() => context.close());
    const fr = await context.newPage();
    const errors = [];
    fr.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    fr.on('pageerror', (e) => errors.push(e.message));
    await fr.goto(`${base}/web-demo/?now=${NOW}&rendered_at=${RENDERED}`);
    await fr.waitForSelector('form[data-ready]');
    assert.equal(await fr.locator('html').getAttribute('lang'), 'fr');
    await fr.getByLabel('Prénom').pressSequentially('jean', { delay: 15 });
    // Under load the debounced check may first run on a prefix ("jea"): wait for the one on "jean".
    const suggestJean = fr.getByRole('button', { name: 'Vouliez-vous dire Jean ?' });
    await until(async () => (await fr.locator('#field-first_name-findings li').count()) === 1
      && (await suggestJean.count()) === 1, 'French finding on the whole name');
    assert.equal(await fr.locator('#field-first_name-findings .message').textContent(),
      scorer.checkField('first_name', 'jean', { lang: 'fr' })[0].message);
    assert.equal(await fr.getByRole('button', { name: 'Vouliez-vous dire Jean ?' }).count(), 1);
    assert.deepEqual(errors, []);
  });

  await checkPageStayedClean(t, session);
});
