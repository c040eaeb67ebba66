// The calibration and evaluation page: shows an evaluation JSON (loaded or pasted), or calibrates a
// model from a history CSV in the browser, offers the exported model for download and evaluates it
// on the same CSV. Everything runs here through the npm package (import map in evaluation.html):
// files are read with File.text(), nothing is fetched or uploaded. English only.
import { calibrate, createScorer, previewCsv, version } from 'leadscore';
import { $, el } from './dom.mjs';
import { bandVolumePlot, decileLiftPlot, gainPlot } from './evaluation-plots.mjs';

// The instant the exported model scores with: calibrate() and evaluate() use the same default (the
// export has no engagement, so no rule reads the time).
const SCORE_NOW = '1970-01-01T00:00:00Z';
// Columns left out by default: ids and personal data, which identify a lead rather than describe
// it (the engine warns identifier_column about such columns otherwise). Only a first guess: the
// boxes can be changed.
const IGNORE_GUESS = /(^|[\s_])(id|number)$|^(e-?mail|email[\s_]address|phone|mobile)$|^((first|last|full)[\s_]?)?name$/i;
// A date column by its name: "created_at", "Created", "Lead Date" (not "Update me on ...").
const DATE_GUESS = /^(created|date)([\s_](at|on|date))?$|[\s_](date|created([\s_](at|on))?)$/i;
const fmt = (n, digits = 4) => (n === null || n === undefined ? 'n/a' : String(Math.round(n * 10 ** digits) / 10 ** digits));
const pct = (r) => (r === null || r === undefined ? 'n/a' : `${Math.round(r * 1000) / 10} %`);
const errorText = (e) => (e && e.code ? `${e.code}: ${e.message}${e.path ? ` (at ${e.path})` : ''}` : String(e?.message ?? e));

function setStatus(id, text, state = '') {
  const node = $(id);
  node.textContent = text;
  node.classList.toggle('problem', state === 'error');
  node.dataset.state = state;
}

// Lets the browser paint a status before a long synchronous wasm call.
const nextFrame = () => new Promise((resolve) => { setTimeout(resolve, 0); });

// ---- CSV: the header and the first data record only (the engine reads the whole file itself).

// ---- Rendering an evaluation.

function row(cells, className = '') {
  return el('tr', { className }, ...cells.map((c, i) => (i === 0 ? el('th', { scope: 'row', textContent: String(c) })
    : el('td', { className: 'num', textContent: String(c) }))));
}

function facts(dl, pairs) {
  dl.replaceChildren(...pairs.map(([k, v, key]) => {
    const item = el('div', {}, el('dt', { textContent: k }), el('dd', { textContent: String(v) }));
    if (key) item.dataset.key = key;
    return item;
  }));
}

function renderPeriods(evaluation) {
  const table = $('period-table');
  const { periods, bands } = evaluation;
  table.hidden = !periods;
  if (!periods) return;
  table.caption.textContent = `Leads per ${periods.unit} (date column ${periods.column})`;
  table.tHead.replaceChildren(el('tr', {}, el('th', { scope: 'col', textContent: periods.unit === 'week' ? 'Week' : 'Month' }),
    el('th', { scope: 'col', textContent: 'Starts' }),
    ...[...bands.map((b) => b.label ?? b.id), 'Leads', 'Converted'].map((t) => el('th', { scope: 'col', className: 'num', textContent: t }))));
  table.tBodies[0].replaceChildren(...periods.items.map((p) => {
    const tr = row([p.period], p.count === 0 ? 'empty' : '');
    tr.append(el('td', { textContent: p.start }), ...[...bands.map((b) => p.bands[b.id] ?? 0), p.count, p.conversions]
      .map((n) => el('td', { className: 'num', textContent: String(n) })));
    return tr;
  }));
}

function renderCapacity(evaluation) {
  const { capacity } = evaluation;
  $('capacity-box').hidden = !capacity;
  if (!capacity) return;
  const perPeriod = capacity.allowed_per_table_period;
  const per = capacity.per === 'percent' ? '% of the leads' : capacity.per === 'all' ? 'in all' : `per ${capacity.per}`;
  facts($('capacity-facts'), [
    ['Capacity', `${capacity.count} ${per}`, 'capacity'],
    ['Periods', capacity.periods, 'periods'],
    ['Threshold score', capacity.threshold_score === null ? 'none (nobody fits)' : `${capacity.threshold_score} and above`, 'threshold'],
    ['Leads sent', `${capacity.leads} (${fmt(capacity.leads_per_period, 1)} per period)`, 'leads'],
    ['Conversions among them', `${capacity.conversions}: recall ${pct(capacity.recall)}, rate ${pct(capacity.rate)}`, 'conversions'],
    ...(perPeriod === null ? [] : [['Line on the plot', `${fmt(perPeriod, 2)} leads per ${evaluation.periods.unit}`, 'line']]),
  ]);
}

/** Shows an evaluation (the layout of scorer.evaluate()); `source` says where it came from. */
export function renderEvaluation(evaluation, source) {
  if (!evaluation || evaluation.format_version !== 1 || !Array.isArray(evaluation.deciles) || !Array.isArray(evaluation.bands)) {
    throw new Error('this is not an evaluation (format_version 1 with deciles and bands)');
  }
  const box = $('evaluation');
  $('evaluation-source').textContent = `${source}. Model ${evaluation.model?.id ?? '?'} version ${evaluation.model?.version ?? '?'}, ranked by ${evaluation.ranking}.`;
  const { metrics, rows, overall } = evaluation;
  facts($('metrics'), [
    ['AUC', fmt(metrics.auc), 'auc'], ['Log loss', fmt(metrics.log_loss), 'log_loss'], ['Brier', fmt(metrics.brier), 'brier'],
    ['Rows scored', `${rows.scored} of ${rows.total}`, 'rows'], ['Errors', rows.errors, 'errors'],
    ['Conversion rate', `${pct(overall.rate)} (${overall.conversions})`, 'rate'],
  ]);
  $('decile-plot-box').replaceChildren(decileLiftPlot(evaluation.deciles));
  $('gain-plot-box').replaceChildren(gainPlot(evaluation.deciles));
  $('band-plot-box').replaceChildren(bandVolumePlot(evaluation));
  $('decile-table').tBodies[0].replaceChildren(...evaluation.deciles.map((d) => row([d.decile, d.count, d.conversions, pct(d.rate),
    fmt(d.lift, 2), pct(d.gain), `${d.score_min}\u2013${d.score_max}`, d.mean_probability === null ? 'n/a' : pct(d.mean_probability)])));
  $('band-table').tBodies[0].replaceChildren(...evaluation.bands.map((b) => row([b.label ?? b.id, b.count, pct(b.share),
    b.conversions, pct(b.rate), fmt(b.lift, 2)])));
  renderPeriods(evaluation);
  renderCapacity(evaluation);
  $('errors-box').hidden = evaluation.errors.length === 0;
  $('errors-summary').textContent = `Rows not scored: ${rows.errors}${rows.errors > evaluation.errors.length ? ` (the first ${evaluation.errors.length} listed)` : ''}`;
  $('row-errors').replaceChildren(...evaluation.errors.map((e) => el('li', {}, `Line ${e.line}: ${e.message}`,
    el('code', { textContent: e.code }))));
  box.hidden = false;
  box.dataset.rendered = String(Number(box.dataset.rendered ?? 0) + 1);
}

// ---- Loading an evaluation JSON.

async function showLoaded() {
  const file = $('eval-file').files[0];
  const text = $('eval-text').value.trim() !== '' ? $('eval-text').value : file ? await file.text() : '';
  if (text.trim() === '') return setStatus('load-status', 'Choose a file or paste an evaluation first.', 'error');
  try {
    renderEvaluation(JSON.parse(text), $('eval-text').value.trim() !== '' ? 'Pasted evaluation' : `From ${file.name}`);
    setStatus('load-status', 'Shown below.', 'done');
  } catch (e) {
    setStatus('load-status', `Could not show it: ${e.message}`, 'error');
  }
}

// ---- Calibrating.

let csvText = '';
let header = [];
let firstLead = null; // the first record as the engine reads it (previewCsv)
let modelUrl = null;

async function readColumns() {
  const file = $('csv-file').files[0];
  csvText = $('csv-text').value.trim() !== '' ? $('csv-text').value : file ? await file.text() : '';
  // The engine reads the CSV (delimiter, quotes, BOM): the page never parses it on its own.
  let preview;
  try {
    preview = await previewCsv(csvText, { records: 1 });
  } catch (e) {
    $('columns-box').hidden = true;
    return setStatus('calibrate-status', `The CSV cannot be read: ${errorText(e)}`, 'error');
  }
  header = preview.header;
  firstLead = preview.records[0]?.lead ?? null;
  if (header.length < 2) {
    $('columns-box').hidden = true;
    return setStatus('calibrate-status', 'The CSV needs a header line with at least two columns.', 'error');
  }
  const guess = header.find((h) => /convert|outcome|won|closed/i.test(h)) ?? header[header.length - 1];
  $('outcome').replaceChildren(...header.map((h) => el('option', { value: h, textContent: h, selected: h === guess })));
  const dateGuess = header.find((h) => DATE_GUESS.test(h));
  $('date-column').replaceChildren(el('option', { value: '', textContent: 'None' }),
    ...header.map((h) => el('option', { value: h, textContent: h, selected: h === dateGuess })));
  $('ignore-list').replaceChildren(...header.map((h, i) => el('label', { className: 'check' },
    el('input', { type: 'checkbox', value: h, id: `ignore-${i}`, checked: IGNORE_GUESS.test(h) }), ` ${h}`)));
  $('columns-box').hidden = false;
  syncIgnore();
  setStatus('calibrate-status', `${header.length} columns. Pick the outcome, then calibrate.`, 'ready');
}

// The outcome and the date column are never features: their boxes are disabled.
function syncIgnore() {
  for (const box of $('ignore-list').querySelectorAll('input')) {
    box.disabled = box.value === $('outcome').value || box.value === $('date-column').value;
  }
}

// The first row as a lead of the exported model: its fields' columns, as the engine read them.
function leadOfFirstRow(model) {
  if (!firstLead) return null;
  const lead = {};
  for (const field of model.fields ?? []) {
    const column = field.column ?? field.name;
    if (column in firstLead) lead[column] = firstLead[column];
  }
  return lead;
}

// The facts that depend on the method: Newton's convergence, or the boosting's terms and what the
// pairs add next to the logistic method on the same rows.
function methodFacts(fit, metrics, model) {
  if (fit.method !== 'ebm') {
    return [
      ['Method', 'logistic regression', 'method'],
      ['Converged', fit.converged ? 'yes' : 'no', 'converged'],
      ['Iterations', fit.iterations, 'iterations'],
      ['Features', fit.features?.length ?? 'n/a', 'features'],
    ];
  }
  const pairRules = model.rules.filter((r) => r.group.startsWith('pair')).length;
  return [
    ['Method', 'explainable boosting', 'method'],
    ['Rounds', `${fit.rounds} over ${fit.terms.length} columns, ${fit.interaction_rounds} over ${fit.interactions.length} pairs`, 'rounds'],
    ['Pairs', fit.interactions.map((p) => p.columns.join(' × ')).join('; ') || 'none', 'pairs'],
    ['Rules', `${model.rules.length} (${model.rules.length - pairRules} for the columns, ${pairRules} for the pairs)`, 'rules'],
    ['Test AUC without the pairs', fmt(metrics.test_shapes_only?.auc), 'test_shapes_only_auc'],
    ['Logistic regression, same test rows', fmt(metrics.logistic?.auc), 'logistic_auc'],
  ];
}

// Calibrate's and evaluate's test-split options from the page (docs/calibration.md, "Test split").
function splitOptions() {
  switch ($('split').value) {
    case 'fraction': return { test_fraction: 0.2, test_seed: 1 };
    case 'from': return { test_from: $('test-from').value };
    case 'none': return { test_every: 0 };
    default: return { test_every: 5 };
  }
}

function splitText(split) {
  if (!split) return 'all rows';
  const rule = split.rule === 'every' ? `every ${split.every}th row` : split.rule === 'fraction'
    ? `a random ${Math.round(split.fraction * 100)} %, seed ${split.seed}` : `rows from ${split.from}`;
  return `the test rows only (${rule}; ${split.held_out} training rows held out)`;
}

function showFit(result, modelText) {
  const { fit, metrics } = result;
  facts($('fit-summary'), [
    ...methodFacts(fit, metrics, result.model),
    ['Training AUC', fmt(metrics.train?.auc), 'train_auc'],
    ['Test AUC (fitted model)', fmt(metrics.test?.auc), 'test_auc'],
    ['Test AUC (exported points)', fmt(metrics.test_exported?.auc), 'test_exported_auc'],
    ['Rounding cost (AUC)', fmt(metrics.rounding_auc_cost), 'rounding_cost'],
    ['Calibration error (exported)', fmt(metrics.calibration_error), 'calibration_error'],
    // The kind each column was read as (decided from the whole file, as the CLI's summary lists it).
    ...['numeric', 'categorical'].map((kind) => {
      const names = (result.report?.columns ?? []).filter((c) => c.kind === kind).map((c) => c.name);
      return [`Read as ${kind} (${names.length})`, names.join(', ') || 'none', `kinds_${kind}`];
    }),
  ]);
  $('fit-warnings').replaceChildren(...result.warnings.map((w) => el('li', {}, w.message, el('code', { textContent: `${w.code} ${w.path}` }))));
  if (modelUrl) URL.revokeObjectURL(modelUrl);
  modelUrl = URL.createObjectURL(new Blob([modelText], { type: 'application/json' }));
  const link = $('model-download');
  link.href = modelUrl;
  link.download = `${result.model.id}-${result.model.version}.json`;
  $('model-json').textContent = modelText;
  $('fit-box').hidden = false;
}

async function runCalibration() {
  const outcome = $('outcome').value;
  const dateColumn = $('date-column').value;
  const ignore = [...$('ignore-list').querySelectorAll('input:checked:not(:disabled)')].map((b) => b.value);
  const split = splitOptions();
  const options = { outcome, ignore, method: $('method').value, ...split, ...(dateColumn ? { date_column: dateColumn } : {}) };
  $('run-calibrate').disabled = true;
  setStatus('calibrate-status', 'Calibrating…', 'busy');
  await nextFrame();
  let scorer = null;
  try {
    const result = await calibrate(csvText, options);
    const modelText = `${JSON.stringify(result.model, null, 2)}\n`;
    showFit(result, modelText);
    scorer = await createScorer(result.model);
    const lead = leadOfFirstRow(result.model);
    if (lead) {
      const json = scorer.scoreJson(lead, { now: SCORE_NOW });
      const scored = JSON.parse(json);
      $('sample-lead-json').textContent = JSON.stringify(lead);
      $('sample-result-json').textContent = json;
      $('sample-score').textContent = `The first row of the file scores ${scored.score} (${scored.band?.label ?? scored.band?.id ?? ''})${
        scored.probability === undefined ? '' : `, probability ${pct(scored.probability)}`} with the exported model.`;
    }
    setStatus('calibrate-status', 'Evaluating the exported model on the test rows…', 'busy');
    await nextFrame();
    const capacity = $('capacity').value.trim();
    // The same split as the fit: the evaluation scores the rows the fit did not learn from.
    const testRows = split.test_every === 0 ? {} : split;
    const evaluation = scorer.evaluate(csvText, { outcome, ...testRows,
      ...(dateColumn ? { date_column: dateColumn, period: $('period').value } : {}), ...(capacity ? { capacity } : {}) });
    renderEvaluation(evaluation, `The exported model on ${splitText(evaluation.rows.split)}`);
    setStatus('calibrate-status', result.fit.method === 'ebm'
      ? `Calibrated by explainable boosting: ${result.model.rules.length} rules.`
      : `Calibrated: ${result.fit.converged ? 'converged' : 'NOT converged'} after ${result.fit.iterations} iterations.`, 'done');
  } catch (e) {
    setStatus('calibrate-status', `Calibration failed: ${errorText(e)}`, 'error');
  } finally {
    scorer?.dispose();
    $('run-calibrate').disabled = false;
  }
}

$('eval-show').addEventListener('click', showLoaded);
$('eval-file').addEventListener('change', () => { $('eval-text').value = ''; showLoaded(); });
$('csv-read').addEventListener('click', readColumns);
$('csv-file').addEventListener('change', () => { $('csv-text').value = ''; readColumns(); });
$('outcome').addEventListener('change', syncIgnore);
$('date-column').addEventListener('change', syncIgnore);
$('split').addEventListener('change', () => { $('test-from-field').hidden = $('split').value !== 'from'; });
$('run-calibrate').addEventListener('click', runCalibration);
version().then((v) => { $('engine-version').textContent = v; document.body.dataset.ready = ''; },
  (e) => setStatus('calibrate-status', `The engine did not load: ${errorText(e)}`, 'error'));
