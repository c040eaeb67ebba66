// The web demo and the npm package's browser entry, in Debian's Chromium (playwright-core):
// the demo served by scripts/serve.mjs scores a typed profile exactly as the Node package does, the
// golden vectors (score and form-check cases) give byte-identical results in the browser, the page's strict CSP holds with no
// violation or console error, and no request leaves 127.0.0.1.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createScorer } from '../../bindings/js/node.mjs';
import { checkPageStayedClean, openDemoPage, skipWithoutChromium } from './browser-support.mjs';
import { repoRoot as root, vectorManifest } from './support.mjs';
import { vectorCall } from './vector-call.mjs';

const NOW = '2026-11-23T10:00:00Z';

// The profile typed into the demo, by the labels a user sees; selects by the model's values.
const TYPED = {
  'Email address': 'dana.reyes@northwind-analytics.example',
  'First name': 'Dana',
  'Last name': 'Reyes',
  'Job title': 'Head of Revenue Operations',
  'Company name': 'Northwind Analytics',
  'Company size (employees)': 'about 480',
  'Country (ISO 3166 alpha-2)': 'GB',
  'Annual revenue (USD)': '32000000',
  Phone: '+44 20 7946 0958',
};
const SELECTED = { Seniority: 'director', Department: 'sales', Industry: 'software' };
const LEAD = {
  email: TYPED['Email address'], first_name: 'Dana', last_name: 'Reyes', job_title: TYPED['Job title'],
  seniority: 'director', department: 'sales', company: TYPED['Company name'],
  company_size: TYPED['Company size (employees)'], industry: 'software', country: 'GB',
  annual_revenue: TYPED['Annual revenue (USD)'], phone: TYPED.Phone,
};

test('web demo in Chromium', { skip: skipWithoutChromium, timeout: 180_000 }, async (t) => {
  const session = await openDemoPage(t);
  const { page, base } = session;

  const scorer = await createScorer();
  t.after(() => scorer.dispose());

  await t.test('"/" redirects to the demo, keeping the query', async () => {
    const r = await fetch(`${base}/?now=${NOW}`, { redirect: 'manual' });
    assert.equal(r.status, 302);
    assert.equal(r.headers.get('location'), `/web-demo/?now=${NOW}`);
  });

  await t.test('the demo scores a typed profile exactly like the Node package', async () => {
    await page.goto(`${base}/web-demo/?now=${NOW}`);
    await page.waitForSelector('form[data-ready]');
    for (const [label, value] of Object.entries(TYPED)) await page.getByLabel(label).fill(value);
    for (const [label, value] of Object.entries(SELECTED)) await page.getByLabel(label).selectOption(value);

    const expectedJson = scorer.scoreJson(LEAD, { now: NOW });
    const expected = JSON.parse(expectedJson);
    assert.equal(await page.locator('#result-json').textContent(), expectedJson);
    assert.equal(await page.locator('#score').textContent(), String(expected.score));
    assert.equal(await page.locator('#band-label').textContent(), expected.band.label);
    assert.equal(await page.locator('#band-action').textContent(), expected.band.action);
    assert.equal(await page.locator('#result').getAttribute('data-band'), expected.band.id);
    assert.equal(await page.locator('#contributions tr').count(), expected.contributions.length);
    assert.equal(await page.locator('#groups tr').count(), expected.groups.length);
    // The non-numeric company size is a warning, shown with the field's label, and the input is marked.
    assert.deepEqual(expected.warnings.map((w) => w.code), ['field_type']);
    assert.match(await page.locator('#warnings').textContent(), /Company size \(employees\)/);
    assert.equal(await page.getByLabel('Company size (employees)').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#model-fingerprint').textContent(), scorer.model.fingerprint);
    // Select options come from the model's enum values.
    const model = JSON.parse(readFileSync(join(root, 'examples/models/default.json'), 'utf8'));
    const industries = model.fields.find((f) => f.name === 'industry').values;
    const options = await page.getByLabel('Industry').locator('option').evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual(options, ['', ...industries]);
  });

  await t.test('every golden vector (score and check cases) gives the same bytes in Chromium as in Node', async () => {
    const dir = join(root, 'tests/vectors');
    const cases = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
      .map((file) => ({ file, ...JSON.parse(readFileSync(join(dir, file), 'utf8')) }));
    assert.deepEqual(cases.map((c) => c.file), vectorManifest(), 'the vectors of tests/vectors/MANIFEST');
    assert.ok(cases.filter((c) => 'check_field' in c || 'check_lead' in c).length >= 50, 'check cases missing');
    // Passed as JSON text: Playwright's argument serialiser stalls on the ~105-level nested vector.
    // The page runs the same vectorCall() as Node: its source is sent in (an evaluated expression
    // goes through the DevTools protocol, not through the page's CSP).
    // The page loads the full data pack, as Node scorers do (a browser starts on lite).
    const inBrowser = await page.evaluate(`(async (text) => {
      const { createScorer: create } = await import('leadscore'); // resolved by the page's import map
      const full = await (await fetch('/dist/data/full.bin')).arrayBuffer();
      const vectorCall = ${vectorCall.toString()};
      const out = [];
      for (const c of JSON.parse(text)) {
        let s = null;
        try {
          s = await create(c.model_ref === 'default' ? undefined : c.model);
          s.loadData(full);
          out.push({ json: vectorCall(s, c) });
        } catch (e) {
          out.push({ error: { code: e.code, path: e.path } });
        } finally {
          s?.dispose();
        }
      }
      return out;
    })(${JSON.stringify(JSON.stringify(cases))})`);
    assert.equal(inBrowser.length, cases.length);
    for (const [i, c] of cases.entries()) {
      let inNode;
      let s = null;
      try {
        s = await createScorer(c.model_ref === 'default' ? undefined : c.model);
        inNode = { json: vectorCall(s, c) };
      } catch (e) {
        inNode = { error: { code: e.code, path: e.path } };
      } finally {
        s?.dispose();
      }
      assert.deepEqual(inBrowser[i], inNode, c.file);
      if (c.expected_error) assert.deepEqual(inBrowser[i].error, c.expected_error, c.file);
    }
  });

  await checkPageStayedClean(t, session);
});
