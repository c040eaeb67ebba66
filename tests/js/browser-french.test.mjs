// The demo in French (issue 17 §4, "full French"), in Debian's Chromium (playwright-core). Every
// text of the bundled model has its French in web-demo/i18n-model-fr.mjs (checked in Node against
// examples/models/default.json: a new or reworded label, reason or action fails here), and with
// ?lang=fr the page holds no English: none of the model's English texts and none of the page's
// English words, on the untouched form, on a full profile with every kind of event, decay, sales
// feedback and capped totals, and on a spam lead with warnings; the footer, the events panel and
// the select options included. Desktop and phone screenshots go to tests/output/ (not committed).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { defaultModel } from '../../bindings/js/node.mjs';
import { MODEL_FR } from '../../web-demo/i18n-model-fr.mjs';
import { checkPageStayedClean, openDemoPage, pageTexts, skipWithoutChromium } from './browser-support.mjs';
import { repoRoot } from './support.mjs';

const OUTPUT = join(repoRoot, 'tests/output');
const NOW = '2026-11-23T10:00:00Z';
const RENDERED = '2026-11-23T09:58:00Z';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 667 };

/** Every text the model writes for people: [kind (a table of MODEL_FR), id, English]. */
function modelTexts(model) {
  const e = model.engagement;
  return [
    ...model.fields.map((f) => ['field', f.name, f.label]),
    ...model.groups.map((g) => ['group', g.id, g.label]),
    ...model.rules.map((r) => ['rule', r.id, r.label]),
    ['completeness', model.completeness.id, model.completeness.label],
    ...model.bands.flatMap((b) => [['band', b.id, b.label], ['bandAction', b.id, b.action]]),
    ...e.event_types.map((x) => ['eventType', x.id, x.label]),
    ...e.stages.map((x) => ['stage', x.id, x.label]),
    ...e.groups.map((x) => ['engagementGroup', x.id, x.label]),
    ...e.rules.map((x) => ['engagementRule', x.id, x.label]),
    ...model.grading.criteria.map((c) => ['criterion', c.id, c.label]),
    ...model.routing.rules.map((r) => ['routeReason', r.id, r.reason]),
    ['routeReason', 'default', model.routing.default.reason],
  ];
}

// Every string under a "label" or "reason" key, and every band's action, wherever it is in the
// model: what modelTexts() must cover (a new kind of text in the model fails here).
function walkTexts(node, key = '', out = []) {
  if (typeof node === 'string' && ['label', 'reason'].includes(key)) out.push(node);
  else if (Array.isArray(node)) for (const item of node) walkTexts(item, key === 'bands' ? 'band' : '', out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (key === 'band' && k === 'action') out.push(v);
      else walkTexts(v, k, out);
    }
  }
  return out;
}

// English words the French page must not show (the page's own words, not the model's): no word
// here is also French. Quoted text (« Head of ») is a value the model matches, left as it is.
const ENGLISH = /(?<![\p{L}\p{N}])(the|and|of|with|without|before|after|at|is|are|not|no|none|this|from|by|per|every|days?|hours?|weeks?|capped|received|used|remove|clear|events?|time|scored|fingerprint|should|would|your|you|our|which|what|when|why|how|yet|only|any|each|leads?|add|added|rule|group|fit|match|matched|reached|default|otherwise|up|to|in|it|start|back|step|steps|thirds|decayed|halve|latest|send|visit|request|download|attend|unsubscribe|bounce|click|open|model|technical|details)(?![\p{L}\p{N}])/iu;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (text) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(text)}(?![\\p{L}\\p{N}])`, 'u');

test('every text of the bundled model has its French', async () => {
  const model = await defaultModel();
  const texts = modelTexts(model);
  const covered = new Set(texts.map(([, , en]) => en));
  assert.deepEqual(walkTexts(model).filter((s) => !covered.has(s)), [], 'model texts modelTexts() does not list');
  const missing = texts.filter(([kind, id, en]) => MODEL_FR[kind]?.[id]?.[0] !== en || !MODEL_FR[kind][id][1]);
  assert.deepEqual(missing, [], 'model texts without French (or French of an older English)');
  // Nothing stale: every French entry is a text the model has.
  const ids = new Set(texts.map(([kind, id]) => `${kind} ${id}`));
  const stale = Object.entries(MODEL_FR).filter(([kind]) => kind !== 'value')
    .flatMap(([kind, entries]) => Object.keys(entries).map((id) => `${kind} ${id}`)).filter((k) => !ids.has(k));
  assert.deepEqual(stale, []);
  // Enum values: the French page shows every value in words.
  for (const f of model.fields.filter((x) => x.type === 'enum')) {
    assert.deepEqual(Object.keys(MODEL_FR.value[f.name] ?? {}).sort(), [...f.values].sort(), `values of ${f.name}`);
  }
});

test('the French demo page holds no English', { skip: skipWithoutChromium, timeout: 240_000 }, async (t) => {
  mkdirSync(OUTPUT, { recursive: true });
  const model = await defaultModel();
  // The model's English texts that differ from their French ("Engagement", "Manager" and "Europe" are French too).
  const english = modelTexts(model).filter(([kind, id, en]) => MODEL_FR[kind][id][1] !== en).map(([, , en]) => en);
  const session = await openDemoPage(t);
  const { page, base } = session;

  // Fails with the texts that are English, as the page shows them.
  async function assertFrench(state) {
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const texts = await pageTexts(page);
    const modelEnglish = english.filter((en) => texts.some((s) => word(en).test(s)));
    assert.deepEqual(modelEnglish, [], `${state}: the model's English on the French page`);
    const pageEnglish = texts.map((s) => s.replace(/«[^»]*»/g, '')).filter((s) => ENGLISH.test(s));
    assert.deepEqual(pageEnglish, [], `${state}: English words on the French page`);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = false; }));
    return texts;
  }
  const click = (name) => page.getByRole('button', { name, exact: true }).click();

  await t.test('untouched form', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${base}/web-demo/?lang=fr&now=${NOW}&rendered_at=${RENDERED}`);
    await page.waitForSelector('form[data-ready]');
    assert.equal(await page.title(), 'leadscore : démo de scoring de prospects en direct');
    await assertFrench('untouched');
    // The selects offer the model's values in French.
    const seniority = await page.locator('#field-seniority option').allTextContents();
    assert.deepEqual(seniority, ['Choisir…', ...model.fields.find((f) => f.name === 'seniority').values.map((v) => MODEL_FR.value.seniority[v])]);
  });

  await t.test('the example, every kind of event, decay and sales feedback', async () => {
    await click('Remplir un exemple');
    await page.getByLabel('Jours avant l\u2019instant choisi').fill('40');
    for (const name of ['Visiter la page des tarifs', 'Visiter une page du blog', 'Télécharger un e-book', 'Assister à un webinaire']) await click(name);
    await page.getByLabel('Jours avant l\u2019instant choisi').fill('3');
    for (let i = 0; i < 3; i += 1) {
      await click('Envoyer un e-mail');
      await click('Ouvrir le dernier e-mail');
    }
    await click('Cliquer un lien du dernier e-mail');
    for (let i = 0; i < 6; i += 1) await click('Visiter une page du blog');
    await click('Demander une démo');
    await page.getByLabel('Jours avant l\u2019instant choisi').fill('1');
    await click('Se désinscrire');
    await click('E-mail rejeté définitivement');
    await page.getByLabel('Ajustement de points').fill('12');
    await page.getByLabel('Verdict commercial').selectOption('qualified');
    const texts = await assertFrench('a full profile, at the start');
    assert.ok(texts.some((s) => /^Effacement : /.test(s)), 'decay lines');
    assert.ok(texts.some((s) => /^Intention d’achat$/.test(s)), 'the stage and group names');
    // 50 days later: inactivity decay; then before the events: events in the future (a warning).
    await page.getByLabel('Instant du score').fill(String(50 * 24));
    await assertFrench('50 days later');
    await page.getByLabel('Instant du score').fill(String(-20 * 24));
    assert.ok(await page.locator('#warnings li[data-code="events_in_future"]').count() === 1, 'a future-events warning');
    await assertFrench('before most events');
    await click('Revenir au début');
    await page.screenshot({ path: join(OUTPUT, 'french-desktop-full.png'), fullPage: true });
  });

  await t.test('a poor profile with warnings, a capped total and the spam verdict', async () => {
    await page.goto(`${base}/web-demo/?lang=fr&now=${NOW}&rendered_at=${RENDERED}`);
    await page.waitForSelector('form[data-ready]');
    await page.getByLabel('Adresse e-mail professionnelle').fill('jean@gmail.com');
    await page.getByLabel('Niveau hiérarchique').selectOption('student');
    await page.getByLabel('Secteur').selectOption('education');
    await page.getByLabel('Taille de l\u2019entreprise (salariés)').fill('environ 5');
    await page.getByLabel('Chiffre d\u2019affaires annuel (USD)').fill('20000');
    await page.getByLabel('Prénom').focus();
    assert.equal(await page.locator('#total-why li[data-why="total-cap"]').count(), 1);
    assert.match(await page.locator('#total-why').textContent(), /^Total ramené à 0 \(le minimum du modèle\) : profil −\d+ \+ engagement 0 = −\d+\.$/);
    await assertFrench('total capped, warnings');
    await page.evaluate(() => {
      const trap = document.querySelector('input[name="url"]');
      trap.value = 'http://cheap-pills.example';
      trap.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForSelector('#quality[data-verdict="spam"]');
    await assertFrench('spam');
  });

  await t.test('phone: French, the score bar on screen and the form under it', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${base}/web-demo/?lang=fr&now=${NOW}&rendered_at=${RENDERED}`);
    await page.waitForSelector('form[data-ready]');
    await click('Remplir un exemple');
    await page.getByLabel('Téléphone').click();
    await page.getByLabel('Téléphone').press('End');
    await page.getByLabel('Téléphone').pressSequentially('1', { delay: 15 });
    const summary = await page.locator('#summary').boundingBox();
    const phone = await page.getByLabel('Téléphone').boundingBox();
    assert.ok(summary.y >= 0 && summary.y < 4, `the score bar stays at the top while typing (${summary.y})`);
    assert.ok(phone.y >= summary.y + summary.height && phone.y + phone.height <= PHONE.height,
      `the field being typed in is below the score bar and on screen (${JSON.stringify({ summary, phone })})`);
    assert.match(await page.locator('#band-label').textContent(), /^(Froid|Tiède|Chaud)$/);
    await page.screenshot({ path: join(OUTPUT, 'french-phone-typing.png') });
    await assertFrench('phone');
  });

  await checkPageStayedClean(t, session);
});
