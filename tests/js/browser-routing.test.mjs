// The web demo's grade, route and sales-feedback panel, in Debian's Chromium (playwright-core), with
// the bundled default model (its "grading" and "routing" sections): the grade letter, the route
// badge, the criterion steps, the matched matrix row and the strong actions shown are those of
// scorer.score() in Node for the same lead, events, feedback and instant (?now= fixes it); changing
// the industry changes the grade steps and emptying it asks for it with a link to the field; a
// qualified verdict routes to sales with the override explained, a points adjustment shows as a
// fit line; the page is in French too, fits a phone, hides the grade and route parts for a model
// without them, and the strict CSP holds with no console error. Screenshots go to tests/output/.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createScorer, defaultModel } from '../../bindings/js/node.mjs';
import { checkPageStayedClean, openDemoPage, skipWithoutChromium } from './browser-support.mjs';
import { repoRoot as root } from './support.mjs';
import { humanize } from '../../web-demo/dom.mjs';

const NOW = '2026-11-23T10:00:00Z';
const OUTPUT = join(root, 'tests/output');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 667 };
const ACTIONS = {
  en: { send_to_sales: 'Send to sales', nurture: 'Nurture', review: 'Review', discard: 'Discard' },
  fr: { send_to_sales: 'Envoyer aux ventes', nurture: 'Nurturing', review: 'À examiner', discard: 'Écarter' },
};
const STATES = { match: 'match', no_match: 'no match', unknown: 'unknown' };
// A criterion's thirds of a letter, as the page says them: "+3 steps", "\u22121 step", "+2 crans".
const STEP_WORDS = { en: ['step', 'steps'], fr: ['cran', 'crans'] };
const steps = (n, lang) => (n === 0 ? '0' : `${signed(n)} ${STEP_WORDS[lang][Math.abs(n) === 1 ? 0 : 1]}`);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const signed = (n) => (n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0');

test('grade, route and sales feedback in the web demo (Chromium)', { skip: skipWithoutChromium, timeout: 240_000 }, async (t) => {
  const session = await openDemoPage(t);
  const { page, base } = session;
  const scorer = await createScorer();
  t.after(() => scorer.dispose());
  const model = await defaultModel();
  mkdirSync(OUTPUT, { recursive: true });

  const text = (selector) => page.locator(selector).textContent();
  const json = async (selector) => {
    const value = await text(selector);
    return value === '' ? undefined : JSON.parse(value);
  };
  // The page's inputs as it passed them to the engine, and Node's result for the same ones.
  async function nodeResult(lang = 'en') {
    const lead = await json('#lead-json');
    const events = await json('#events-json');
    const feedback = await json('#feedback-json');
    const expectedJson = scorer.scoreJson(lead, { now: NOW, events, lang, feedback });
    assert.equal(await text('#result-json'), expectedJson, 'the page scores exactly as Node');
    return { lead, events, feedback, expected: JSON.parse(expectedJson) };
  }
  // What the page shows of the grade and route must be that result's.
  async function assertShown(expected, lang = 'en') {
    const { grade, route } = expected;
    assert.equal(await text('#grade-letter'), grade.letter);
    assert.equal(await page.locator('#grade-box').isVisible(), true);
    assert.equal(await page.locator('#route-action').getAttribute('data-action'), route.action);
    assert.equal(await text('#route-action'), ACTIONS[lang][route.action] ?? humanize(route.action));
    const shownSteps = await page.locator('#grade-steps tr[data-criterion]').evaluateAll((rows) => rows.map((r) => ({
      criterion: r.dataset.criterion, state: r.dataset.state, thirds: Number(r.dataset.thirds), text: r.cells[r.cells.length - 1].textContent })));
    assert.deepEqual(shownSteps, grade.steps.map((s) => ({ criterion: s.criterion, state: s.state, thirds: s.thirds, text: steps(s.thirds, lang) })));
    assert.equal(await text('#grade-total-letter'), grade.letter);
    // The matrix row that decided (before a verdict) is the one marked.
    const matched = await page.locator('#route-matrix-rows tr[data-state="matched"]').evaluateAll((rows) => rows.map((r) => r.dataset.rule));
    assert.deepEqual(matched, [route.overridden?.rule ?? route.rule]);
    // Every row's state is the engine's (scorer.describeRoute() in Node), not re-derived by the page.
    const rows = await page.locator('#route-matrix-rows tr[data-rule]').evaluateAll((trs) => trs.map((r) =>
      ({ rule: r.dataset.rule, state: r.dataset.state, holds: r.dataset.holds === 'true' })));
    assert.deepEqual(rows, scorer.describeRoute(expected).rows.map(({ rule, state, holds }) => ({ rule, state, holds })));
    assert.equal(await page.locator('#strong-list li[data-rule]').count(), route.strong_actions.length);
  }

  await t.test('the default model grades and routes', () => {
    assert.ok(model.grading, 'examples/models/default.json has a grading section');
    assert.ok(model.routing, 'examples/models/default.json has a routing section');
  });

  await page.setViewportSize(DESKTOP);
  await page.goto(`${base}/web-demo/?now=${NOW}&lang=en`);
  await page.waitForSelector('form[data-ready]');

  let example;
  await t.test('the example: grade letter, route badge, criterion steps and matrix row are Node\'s', async () => {
    await page.getByRole('button', { name: 'Fill an example' }).click();
    example = await nodeResult();
    assert.equal(example.feedback, undefined, 'no feedback until the panel is used');
    await assertShown(example.expected);
    const { route } = example.expected;
    if (route.rule !== 'verdict') assert.equal(await text('#route-reason'), route.reason);
    // With a route, the band's own suggested action is not shown next to the badge.
    assert.equal(await page.locator('#band-action').isVisible(), false);
    assert.match(await text('#route-explain'), new RegExp(`band ${escape(example.expected.band.label)}`));
    await page.screenshot({ path: join(OUTPUT, 'routing-desktop-example.png'), fullPage: true });
  });

  await t.test('another industry changes the grade steps; an empty one asks for it', async () => {
    const industries = model.fields.find((f) => f.name === 'industry').values;
    const stepsFor = (industry) => JSON.stringify(scorer.score({ ...example.lead, industry }, { now: NOW }).grade.steps);
    const other = industries.find((v) => stepsFor(v) !== JSON.stringify(example.expected.grade.steps));
    assert.ok(other, 'some industry grades the example differently');
    await page.getByLabel('Industry').selectOption(other);
    const changed = await nodeResult();
    assert.equal(changed.lead.industry, other);
    assert.notDeepEqual(changed.expected.grade.steps, example.expected.grade.steps);
    await assertShown(changed.expected);

    await page.getByLabel('Industry').selectOption('');
    const empty = await nodeResult();
    assert.ok(empty.expected.grade.unknown_fields.includes('industry'), 'a criterion reads the industry');
    await assertShown(empty.expected);
    assert.ok(empty.expected.grade.steps.some((s) => s.state === 'unknown' && s.missing?.includes('industry')));
    const link = page.locator('#grade-unknown a[data-field="industry"]');
    assert.equal(await link.textContent(), 'Industry');
    assert.match(await text('#grade-unknown'), /^Fill in .*Industry.* to refine the grade\.$/);
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'field-industry');
    await page.getByLabel('Industry').selectOption(example.lead.industry);
    assert.deepEqual((await nodeResult()).expected.grade, example.expected.grade);
  });

  await t.test('a strong action is listed where it counted', async () => {
    const strongTypes = new Set(model.engagement.rules.filter((r) => r.strong).flatMap((r) => [r.event].flat()));
    assert.ok(strongTypes.has('demo_request'), 'a demo request is a strong action in the default model');
    await page.getByRole('button', { name: 'Request a demo', exact: true }).click();
    const { expected } = await nodeResult();
    assert.equal(expected.route.strong_actions.length, 1);
    await assertShown(expected);
    const label = model.engagement.event_types.find((e) => e.id === 'demo_request').label ?? 'demo_request';
    assert.match(await text('#route-strong'), new RegExp(`^Strong actions that counted: ${escape(label)}, 2026-11-23 10:00 UTC$`));
    assert.match(await text('#strong-within'), /^A strong action counts for \d+ (minute|hour|day|week)s?\.$/);
    assert.equal(await page.locator('#strong-list li[data-rule]').first().locator('code').textContent(),
      expected.route.strong_actions[0].rule);
  });

  await t.test('a qualified verdict sends the lead to sales and says what it overrode', async () => {
    await page.getByLabel('Sales verdict').selectOption('qualified');
    const { feedback, expected } = await nodeResult();
    assert.deepEqual(feedback.verdict, { by: 'demo-sales', at: NOW, value: 'qualified', reason: 'Verdict given in the demo' });
    assert.equal(expected.route.action, 'send_to_sales');
    assert.equal(expected.route.rule, 'verdict');
    assert.ok(expected.route.overridden);
    await assertShown(expected);
    assert.equal(await text('#route-action'), 'Send to sales');
    assert.equal(await text('#route-reason'), 'Sales verdict "Qualified" overrides the matrix.');
    assert.match(await text('#route-override'), /^Sales verdict "Qualified" overrides the matrix\. Send to sales$/);
    const o = expected.route.overridden;
    const number = model.routing.rules.findIndex((r) => r.id === o.rule) + 1;
    assert.ok(number > 0, 'the matrix rule the verdict replaced');
    assert.match(await text('#route-explain'), new RegExp(`Without it: ${escape(ACTIONS.en[o.action] ?? humanize(o.action))} \\(rule ${number}\\)`));
    // The rule's id is only on the secondary line.
    assert.equal(await page.locator('#route-explain .code-line code').last().textContent(), o.rule);
    await page.locator('#route-why').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, 'routing-desktop-qualified.png'), fullPage: true });
  });

  await t.test('a points adjustment is a fit line and a subtotal; a disqualified verdict discards', async () => {
    await page.getByLabel('Points adjustment').fill('15');
    await page.getByLabel('Reason for the adjustment').fill('Met at the trade show');
    await page.getByLabel('Sales verdict').selectOption('disqualified');
    const { feedback, expected } = await nodeResult();
    assert.deepEqual(feedback.adjustments, [{ by: 'demo-sales', at: NOW, points: 15, reason: 'Met at the trade show' }]);
    assert.equal(expected.feedback.points, 15);
    assert.equal(expected.route.action, 'discard');
    await assertShown(expected);
    const line = page.locator('#contributions tr[data-kind="adjustment"]');
    assert.equal(await line.count(), 1);
    assert.deepEqual(await line.locator('td').allTextContents(),
      ['Sales adjustment by demo-sales: Met at the trade show', 'Sales feedback', '+15']);
    assert.equal(await page.locator('#total tr', { hasText: 'Sales feedback' }).count(), 1);
    assert.equal(await text('#score'), String(expected.score));
    // Not a whole number: marked, and no adjustment is sent.
    await page.getByLabel('Points adjustment').fill('2.5');
    assert.equal(await page.getByLabel('Points adjustment').getAttribute('aria-invalid'), 'true');
    assert.equal((await nodeResult()).feedback.adjustments, undefined);
    await page.getByRole('button', { name: 'Clear feedback' }).click();
    assert.equal((await nodeResult()).feedback, undefined);
  });

  await t.test('Français: the grade and route in French, the verdict too', async () => {
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByLabel('Verdict commercial').selectOption('qualified');
    const { expected } = await nodeResult('fr');
    await assertShown(expected, 'fr');
    assert.equal(await text('#route-reason'), 'Le verdict commercial « Qualifié » remplace la matrice.');
    assert.equal(await page.getByRole('heading', { name: 'Pourquoi ce grade' }).count(), 1);
    assert.equal(await page.getByRole('heading', { name: 'Pourquoi cette orientation' }).count(), 1);
    await page.screenshot({ path: join(OUTPUT, 'routing-desktop-fr.png'), fullPage: true });
    await page.getByLabel('Verdict commercial').selectOption('');
  });

  await t.test('phone: grade and route badge in the sticky summary, nothing wider than the screen', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${base}/web-demo/?now=${NOW}&lang=en`);
    await page.waitForSelector('form[data-ready]');
    await page.getByRole('button', { name: 'Fill an example' }).click();
    await page.getByLabel('Sales verdict').selectOption('qualified');
    const { expected } = await nodeResult();
    await assertShown(expected);
    const assertNoHorizontalScroll = async (lang) => {
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert.ok(widths.scroll <= widths.client, `${lang}: no horizontal scroll (${JSON.stringify(widths)})`);
    };
    await assertNoHorizontalScroll('en');
    for (const selector of ['#grade-letter', '#route-action']) {
      const box = await page.locator(selector).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width && box.y >= 0 && box.y < 200, `${selector}: ${JSON.stringify(box)}`);
    }
    // A field focused for typing scrolls below the sticky summary, not under it.
    const { summary, padding } = await page.evaluate(() => ({
      summary: document.getElementById('summary').getBoundingClientRect().height,
      padding: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) }));
    assert.ok(summary <= padding, `summary ${summary}px fits the scroll padding ${padding}px`);
    await page.screenshot({ path: join(OUTPUT, 'routing-phone-viewport.png') });
    await page.locator('#route-why').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, 'routing-phone-why.png') });
    await page.getByRole('button', { name: 'Français' }).click();
    await assertShown((await nodeResult('fr')).expected, 'fr');
    await assertNoHorizontalScroll('fr');
  });

  await t.test('a model without grading and routing: the grade and route parts are hidden', async () => {
    const plain = structuredClone(model);
    delete plain.grading;
    delete plain.routing;
    for (const rule of plain.engagement.rules) delete rule.strong;
    const other = await createScorer(plain);
    t.after(() => other.dispose());
    const resultJson = other.scoreJson(await json('#lead-json'), { now: NOW });
    assert.equal(JSON.parse(resultJson).grade, undefined);
    // The page's own modules (already loaded) render that result, as app.mjs does.
    const shown = await page.evaluate(async ({ resultJson, plain }) => {
      const { renderResult } = await import('/web-demo/result-view.mjs');
      const { I18n } = await import('/web-demo/i18n.mjs');
      const { ModelTexts } = await import('/web-demo/model-texts.mjs');
      const i18n = new I18n('en');
      renderResult(JSON.parse(resultJson), resultJson, new ModelTexts(plain, i18n), i18n, plain);
      return ['grade-box', 'route', 'grade-why', 'route-why', 'band-action'].map((id) => document.getElementById(id).hidden);
    }, { resultJson, plain });
    assert.deepEqual(shown, [true, true, true, true, false]);
  });

  await checkPageStayedClean(t, session);
});
