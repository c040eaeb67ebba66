// The calibration and evaluation page (web-demo/evaluation.html) in Debian's Chromium: a hand-written
// evaluation (tests/js/fixtures/evaluation-fixture.json) is drawn to scale (bar heights proportional
// to the lifts, stacked period bars, the capacity line) with the same numbers in tables; and a small
// history CSV is calibrated in the page, its downloadable model scores a lead in Node byte for byte
// like the page, and is the very model Node's calibrate() exports from the same CSV.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { calibrate, createScorer } from '../../bindings/js/node.mjs';
import { checkPageStayedClean, openDemoPage, skipWithoutChromium } from './browser-support.mjs';
import { repoRoot, tempDir } from './support.mjs';

const FIXTURE_PATH = join(repoRoot, 'tests/js/fixtures/evaluation-fixture.json');
const FIXTURE = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8'));
// Rendered geometry is in CSS pixels with sub-pixel precision: equal to within a hundredth of a pixel.
const close = (a, b, what, tolerance = 1e-6) => assert.ok(Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
const px = (a, b, what) => close(a, b, what, 0.01);

async function openEvaluationPage(t) {
  const session = await openDemoPage(t);
  await session.page.goto(`${session.base}/web-demo/evaluation.html`);
  await session.page.waitForSelector('body[data-ready]');
  return session;
}

async function showPasted(page, evaluation) {
  const before = Number(await page.$eval('#evaluation', (e) => e.dataset.rendered ?? 0));
  await page.fill('#eval-text', typeof evaluation === 'string' ? evaluation : JSON.stringify(evaluation));
  await page.click('#eval-show');
  await page.waitForFunction((n) => Number(document.querySelector('#evaluation').dataset.rendered ?? 0) > n
    || document.querySelector('#load-status').dataset.state === 'error', before);
}

// The bars' heights and the reference line's position as rendered (client rectangles, so a style
// that overrode the SVG geometry would show), in CSS pixels.
const readDecilePlot = (page) => page.$eval('#decile-plot', (svg) => ({
  bars: [...svg.querySelectorAll('rect.plot-bar.lift')].map((r) => {
    const box = r.getBoundingClientRect();
    return { decile: Number(r.dataset.decile), height: box.height, bottom: box.bottom, title: r.querySelector('title')?.textContent };
  }),
  one: svg.querySelector('line.reference[data-lift="1"]').getBoundingClientRect().top,
  role: svg.getAttribute('role'), title: svg.querySelector(':scope > title')?.textContent,
}));

test('evaluation page: a loaded evaluation is plotted to scale, with the numbers in tables', { skip: skipWithoutChromium, timeout: 120_000 }, async (t) => {
  const session = await openEvaluationPage(t);
  const { page } = session;
  await showPasted(page, FIXTURE);

  await t.test('the decile plot has 10 bars whose heights are proportional to the lifts, and a line at lift 1', async () => {
    const plot = await readDecilePlot(page);
    assert.equal(plot.role, 'img');
    assert.equal(plot.title, 'Lift per decile');
    assert.deepEqual(plot.bars.map((b) => b.decile), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const lift = (d) => FIXTURE.deciles[d - 1].lift;
    const height = (d) => plot.bars[d - 1].height;
    close(height(1) / height(2), lift(1) / lift(2), 'decile 1 / decile 2 (3 / 2)', 1e-4);
    close(height(1) / height(10), lift(1) / lift(10), 'decile 1 / decile 10', 1e-4);
    // The line at lift 1 is as high above the axis as a bar of lift 1 would be.
    const axis = plot.bars[0].bottom;
    for (const b of plot.bars) px(b.height, (axis - plot.one) * lift(b.decile), `decile ${b.decile} against the lift-1 line`);
    assert.match(plot.bars[0].title, /^Decile 1: lift 3, 45 of 100 converted/);
  });

  await t.test('the band plot stacks each month by band, the empty month included, under a dashed capacity line', async () => {
    const plot = await page.$eval('#band-plot', (svg) => ({
      periods: [...svg.querySelectorAll('g.period')].map((g) => ({ period: g.dataset.period,
        segments: [...g.querySelectorAll('rect')].map((r) => ({ band: r.dataset.band, count: Number(r.dataset.count),
          height: r.getBoundingClientRect().height, y: r.getBoundingClientRect().top })) })),
      capacity: (() => {
        const line = svg.querySelector('line.capacity');
        return line && { value: Number(line.dataset.capacity), y: line.getBoundingClientRect().top,
          dash: getComputedStyle(line).strokeDasharray, title: line.querySelector('title').textContent };
      })(),
      axis: svg.querySelector('line.axis-line').getBoundingClientRect().top,
      legend: [...svg.querySelectorAll('.legend text')].map((x) => x.textContent),
    }));
    assert.deepEqual(plot.periods.map((p) => p.period), ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    for (const [i, item] of FIXTURE.periods.items.entries()) {
      const { segments } = plot.periods[i];
      assert.deepEqual(Object.fromEntries(segments.map((s) => [s.band, s.count])),
        Object.fromEntries(Object.entries(item.bands).filter(([, n]) => n > 0)), item.period);
    }
    assert.equal(plot.periods[2].segments.length, 0, 'September is empty');
    const july = plot.periods[0].segments;
    assert.deepEqual(july.map((s) => s.band), ['cold', 'warm', 'hot'], 'the bands bottom-up in the evaluation\'s order');
    px(july[0].y, july[1].y + july[1].height, 'warm sits on cold');
    const perLead = july[0].height / july[0].count;
    for (const s of july) px(s.height, s.count * perLead, `${s.band} height`);
    assert.equal(plot.capacity.value, 60);
    px(plot.axis - plot.capacity.y, 60 * perLead, 'the capacity line at 60 leads');
    assert.notEqual(plot.capacity.dash, 'none');
    assert.equal(plot.capacity.title, 'Capacity: 60 leads per month');
    assert.deepEqual(plot.legend, ['Cold', 'Warm', 'Hot']);
  });

  await t.test('metrics, deciles, bands, periods, capacity and errors are also tables', async () => {
    const text = (sel) => page.$$eval(sel, (nodes) => nodes.map((n) => n.textContent.trim()));
    assert.deepEqual(await text('#metrics dd'), ['0.7812', '0.3921', '0.1187', '1000 of 1003', '3', '15 % (150)']);
    const deciles = await page.$$eval('#decile-table tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
    assert.equal(deciles.length, 10);
    assert.deepEqual(deciles[0], ['1', '100', '45', '45 %', '3', '30 %', '82\u2013100', '43.2 %']);
    assert.deepEqual(await text('#band-table tbody th'), ['Cold', 'Warm', 'Hot']);
    assert.equal(await page.$$eval('#period-table tbody tr', (r) => r.length), 5);
    assert.match((await text('#capacity-facts [data-key="threshold"] dd'))[0], /^62 and above$/);
    assert.equal((await text('#row-errors li')).length, 3);
    for (const id of ['decile-plot', 'band-plot', 'gain-plot']) {
      assert.ok(await page.$eval(`#${id}`, (s) => s.getAttribute('aria-labelledby').split(' ').every((x) => document.getElementById(x)?.textContent)), id);
    }
  });

  await t.test('without periods: one bar per band and no capacity line', async () => {
    await showPasted(page, { ...FIXTURE, periods: null, capacity: null });
    const bars = await page.$$eval('#band-plot rect.plot-bar', (rs) => rs.map((r) => [r.dataset.band, r.getBoundingClientRect().height]));
    assert.deepEqual(bars.map(([b]) => b), ['cold', 'warm', 'hot']);
    close(bars[1][1] / bars[0][1], 450 / 400, 'warm / cold', 1e-4);
    assert.equal(await page.$('#band-plot line.capacity'), null);
    assert.equal(await page.$eval('#period-table', (e) => e.hidden), true);
  });

  await t.test('from a file input, and a JSON that is not an evaluation is refused', async () => {
    await page.fill('#eval-text', '');
    const before = Number(await page.$eval('#evaluation', (e) => e.dataset.rendered));
    await page.setInputFiles('#eval-file', FIXTURE_PATH);
    await page.waitForFunction((n) => Number(document.querySelector('#evaluation').dataset.rendered) > n, before);
    assert.equal(await page.$$eval('#band-plot g.period', (g) => g.length), 5);
    await showPasted(page, '{"format_version": 1}');
    assert.match(await page.textContent('#load-status'), /not an evaluation/);
  });

  await checkPageStayedClean(t, session);
});

// 300 deterministic leads with a clear signal: the source and the visits drive conversion.
function historyCsv() {
  let seed = 12345;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const SOURCES = [['Referral', 0.55], ['Event', 0.3], ['Web', 0.12], ['Ads', 0.05]];
  const lines = ['Lead ID,Source,Visits,Country,Created,Converted'];
  for (let i = 0; i < 300; i += 1) {
    const [source, base] = SOURCES[Math.floor(next() * 4)];
    const visits = Math.floor(next() * 20);
    const p = Math.min(0.95, base + visits * 0.015);
    const country = ['FR', 'DE', 'GB'][Math.floor(next() * 3)];
    const created = `2026-${String(1 + Math.floor(i / 50)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(`L${1000 + i},${source},${visits},${country},${created},${next() < p ? 'Yes' : 'No'}`);
  }
  return `${lines.join('\n')}\n`;
}
const OPTIONS = { outcome: 'Converted', ignore: ['Lead ID'], date_column: 'Created' };


test('evaluation page: calibrate in the browser, download the model, evaluate it', { skip: skipWithoutChromium, timeout: 180_000 }, async (t) => {
  const node = await calibrate(historyCsv(), OPTIONS);
  const session = await openEvaluationPage(t);
  const { page } = session;
  const dir = tempDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const csvPath = join(dir, 'history.csv');
  writeFileSync(csvPath, historyCsv());
  await page.setInputFiles('#csv-file', csvPath);
  await page.waitForSelector('#columns-box:not([hidden])');

  await t.test('the columns come from the header: outcome, date and id guessed', async () => {
    assert.deepEqual(await page.$$eval('#outcome option', (o) => o.map((x) => x.value)),
      ['Lead ID', 'Source', 'Visits', 'Country', 'Created', 'Converted']);
    assert.equal(await page.$eval('#outcome', (s) => s.value), 'Converted');
    assert.equal(await page.$eval('#date-column', (s) => s.value), 'Created');
    const checked = await page.$$eval('#ignore-list input:checked:not(:disabled)', (b) => b.map((x) => x.value));
    assert.deepEqual(checked, ['Lead ID']);
  });

  await page.fill('#capacity', '20/month');
  const requestsBefore = session.requests.length;
  await page.click('#run-calibrate');
  await page.waitForSelector('#calibrate-status[data-state="done"], #calibrate-status[data-state="error"]', { timeout: 120_000 });
  const status = await page.textContent('#calibrate-status');
  const modelText = await page.textContent('#model-json');

  await t.test('calibrating and evaluating made no request at all (the CSV stays in the page)', () => {
    assert.deepEqual(session.requests.slice(requestsBefore).filter((u) => !u.startsWith('blob:')), []);
  });

  await t.test('the fit converged and its summary is shown', async () => {
    assert.match(status, /^Calibrated: converged/);
    assert.equal(await page.textContent('#fit-summary [data-key="converged"] dd'), 'yes');
    assert.match(await page.textContent('#fit-summary [data-key="test_exported_auc"] dd'), /^0\.\d+$/);
    // The kind each column was read as, as Node's result has it.
    for (const kind of ['numeric', 'categorical']) {
      const names = node.report.columns.filter((c) => c.kind === kind).map((c) => c.name);
      assert.equal(await page.textContent(`#fit-summary [data-key="kinds_${kind}"] dd`), names.join(', ') || 'none', kind);
    }
  });

  await t.test('the download is the model JSON, and Node scores the page\'s lead with it byte for byte', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#model-download')]);
    assert.equal(download.suggestedFilename(), `${node.model.id}-${node.model.version}.json`);
    const text = readFileSync(await download.path(), 'utf8');
    assert.equal(text, modelText);
    const lead = JSON.parse(await page.textContent('#sample-lead-json'));
    assert.ok(Object.keys(lead).length >= 2, 'the first row gives a lead');
    const scorer = await createScorer(JSON.parse(text));
    try {
      assert.equal(scorer.scoreJson(lead, { now: '1970-01-01T00:00:00Z' }), await page.textContent('#sample-result-json'));
    } finally {
      scorer.dispose();
    }
  });

  await t.test('the browser\'s model is the one Node\'s calibrate() exports from the same CSV', () => {
    assert.equal(modelText, `${JSON.stringify(node.model, null, 2)}\n`);
  });

  await t.test('the hand-written fixture has the layout of a real evaluation (same keys at every level)', async () => {
    const scorer = await createScorer(node.model);
    let real;
    try {
      real = scorer.evaluate(historyCsv(), { outcome: 'Converted', date_column: 'Created', period: 'month', capacity: '20/month' });
    } finally {
      scorer.dispose();
    }
    // Keys of objects (first array element for arrays), with the band ids of period items generalised.
    const shape = (v) => (Array.isArray(v) ? (v.length ? [shape(v[0])] : [])
      : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, shape(v[k])])) : typeof v);
    const { description, ...fixture } = FIXTURE;
    assert.match(description, /^FIXTURE/);
    // The real file has no error; warnings depend on the data: only the entries' lists are compared.
    assert.deepEqual(shape({ ...real, errors: [], warnings: [] }), shape({ ...fixture, errors: [], warnings: [] }));
  });

  await t.test('the exported model is evaluated on the test rows: 10 deciles, months with a capacity line', async () => {
    assert.equal(await page.$$eval('#decile-plot rect.plot-bar.lift', (r) => r.length), 10);
    assert.deepEqual(await page.$$eval('#band-plot g.period', (g) => g.map((x) => x.dataset.period)),
      ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    assert.equal(await page.$eval('#band-plot line.capacity', (l) => Number(l.dataset.capacity)), 20);
    // Every 5th row, as calibrate held them out: the evaluation's AUC is the fit's exported test AUC.
    assert.equal(await page.textContent('#metrics [data-key="rows"] dd'), '60 of 300');
    assert.match(await page.textContent('#evaluation-source'), /test rows only \(every 5th row; 240 training rows held out\)/);
    assert.equal(await page.textContent('#metrics [data-key="auc"] dd'), String(Math.round(node.metrics.test_exported.auc * 1e4) / 1e4));
  });

  await t.test('explainable boosting in the page: the model Node exports, its pairs and rules shown', async () => {
    const ebm = await calibrate(historyCsv(), { ...OPTIONS, method: 'ebm' });
    await page.selectOption('#method', 'ebm');
    await page.click('#run-calibrate');
    await page.waitForSelector('#calibrate-status[data-state="done"]:has-text("explainable boosting"), #calibrate-status[data-state="error"]',
      { timeout: 120_000 });
    assert.match(await page.textContent('#calibrate-status'), /^Calibrated by explainable boosting: \d+ rules\.$/);
    assert.equal(await page.textContent('#model-json'), `${JSON.stringify(ebm.model, null, 2)}\n`);
    assert.equal(await page.textContent('#fit-summary [data-key="method"] dd'), 'explainable boosting');
    assert.equal(await page.textContent('#fit-summary [data-key="pairs"] dd'),
      ebm.fit.interactions.map((p) => p.columns.join(' × ')).join('; ') || 'none');
    assert.match(await page.textContent('#fit-summary [data-key="rules"] dd'), new RegExp(`^${ebm.model.rules.length} \\(`));
    assert.equal(await page.textContent('#fit-summary [data-key="logistic_auc"] dd'), String(Math.round(ebm.metrics.logistic.auc * 1e4) / 1e4));
  });

  await t.test('a seeded share as test rows: calibrate and evaluate hold out the same rows', async () => {
    const node20 = await calibrate(historyCsv(), { ...OPTIONS, test_fraction: 0.2, test_seed: 1 });
    await page.selectOption('#method', 'logistic');
    await page.selectOption('#split', 'fraction');
    await page.click('#run-calibrate');
    await page.waitForSelector('#calibrate-status[data-state="done"]:has-text("converged"), #calibrate-status[data-state="error"]',
      { timeout: 120_000 });
    assert.equal(await page.textContent('#model-json'), `${JSON.stringify(node20.model, null, 2)}\n`);
    const { test } = node20.model['x-calibration'].rows;
    assert.equal(await page.textContent('#metrics [data-key="rows"] dd'), `${test} of 300`);
    assert.match(await page.textContent('#evaluation-source'), /a random 20 %, seed 1/);
  });

  await checkPageStayedClean(t, session);
});
