// examples/x-education: runs run.sh into a temp dir and holds the README to what it produces
// (the figures table, the output excerpts, scikit-learn's column against the dataset README), so
// the documentation fails here the day it drifts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cliPath, repoRoot, sharedDir, tempDir } from './support.mjs';

const X_EDUCATION = path.join(sharedDir, 'datasets/x-education-leads.csv');
const readmePath = path.join(repoRoot, 'examples/x-education/README.md');
const skip = !existsSync(cliPath) ? `CLI binary not built: ${cliPath}`
  : !existsSync(X_EDUCATION) ? `no ${X_EDUCATION}` : false;

/** The README's figures table: label -> [leadscore, scikit-learn] cells as written. */
function readmeFigures(text) {
  const section = text.slice(text.indexOf('## Figures'));
  const rows = new Map();
  for (const line of section.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 3 || cells[0] === 'figure' || /^-+$/.test(cells[0])) continue;
    rows.set(cells[0], cells.slice(1));
  }
  return rows;
}

/** Fenced blocks of the README that show output (not the ```sh commands). */
function outputBlocks(text) {
  return [...text.matchAll(/```(\w*)\n([\s\S]*?)```/g)].filter((m) => m[1] === '').map((m) => m[2]);
}

const fixed4 = (x) => x.toFixed(4);

test('examples/x-education/run.sh produces the figures its README documents', { skip, timeout: 120000 }, () => {
  const out = tempDir();
  const run = spawnSync('bash', [path.join(repoRoot, 'examples/x-education/run.sh'), X_EDUCATION, out],
    { encoding: 'utf8', env: { ...process.env, LEADSCORE: cliPath }, maxBuffer: 1 << 26 });
  assert.equal(run.status, 0, run.stderr);
  const stdout = run.stdout;
  const fit = JSON.parse(readFileSync(path.join(out, 'fit.json'), 'utf8'));
  const fitStd = JSON.parse(readFileSync(path.join(out, 'fit-standardize.json'), 'utf8'));
  const fitEbm = JSON.parse(readFileSync(path.join(out, 'fit-ebm.json'), 'utf8'));
  const modelEbm = JSON.parse(readFileSync(path.join(out, 'model-ebm.json'), 'utf8'));
  const evaluation = readFileSync(path.join(out, 'evaluation.txt'), 'utf8');
  const model = JSON.parse(readFileSync(path.join(out, 'model.json'), 'utf8'));
  assert.ok(model.probability, 'the exported model has a probability section');

  // What the run produced, under the README table's labels.
  const testRowsAuc = evaluation.match(/ROC AUC (\d\.\d{4})/);
  assert.ok(testRowsAuc, 'the evaluation prints its ROC AUC');
  assert.match(evaluation, /Rows: 9240 read, 1848 scored, 0 errors, test rows only \(every 5th record; 7392 held out\)/);
  const produced = {
    'test ROC AUC, exported model (integer points)': fixed4(fit.metrics.test_exported.auc),
    'test ROC AUC, continuous fit': fixed4(fit.metrics.test.auc),
    'rounding cost (continuous - exported AUC)': fixed4(fit.metrics.rounding_auc_cost),
    'test log loss, continuous fit': fixed4(fit.metrics.test.log_loss),
    'test log loss, exported model': fixed4(fit.metrics.test_exported.log_loss),
    'Newton iterations': String(fit.fit.iterations),
    'test ROC AUC, continuous fit, `--numeric-mode standardize`': fixed4(fitStd.metrics.test.auc),
    'test log loss, continuous fit, `--numeric-mode standardize`': fixed4(fitStd.metrics.test.log_loss),
    'ROC AUC on the test rows (evaluate --test-every 5)': testRowsAuc[1],
    'test ROC AUC, exported model, `--method ebm`': fixed4(fitEbm.metrics.test_exported.auc),
    'test log loss, exported model, `--method ebm`': fixed4(fitEbm.metrics.test_exported.log_loss),
    'rules in the exported model, `--method ebm` (logistic: 132)': String(modelEbm.rules.length),
  };
  assert.equal(model.rules.length, 132, 'the logistic model\'s rule count quoted in the table');
  const readme = readFileSync(readmePath, 'utf8');
  const table = readmeFigures(readme);
  assert.deepEqual([...table.keys()].sort(), Object.keys(produced).sort(), 'the README table has these rows');
  for (const [label, value] of Object.entries(produced))
    assert.equal(table.get(label)[0], value, `README "${label}"`);

  // The pre-contact target: at least scikit-learn's logistic regression (0.8851), with margin.
  assert.ok(fit.metrics.test_exported.auc >= 0.885, `exported test AUC ${fit.metrics.test_exported.auc}`);
  assert.ok(fit.metrics.test.auc >= 0.885, `continuous test AUC ${fit.metrics.test.auc}`);
  assert.equal(fit.fit.converged, true);
  // Issue 16's target: explainable boosting's exported points reach gradient boosting's 0.8961.
  assert.ok(fitEbm.metrics.test_exported.auc >= 0.8961, `ebm exported test AUC ${fitEbm.metrics.test_exported.auc}`);

  // The scikit-learn column cites ../shared/datasets/README.md: same numbers.
  const datasets = readFileSync(path.join(sharedDir, 'datasets/README.md'), 'utf8');
  const sk = datasets.match(/\| LogisticRegression L2, C=1 \(lbfgs\) \| ([\d.]+) \| ([\d.]+) \|/);
  assert.ok(sk, 'the dataset README has the LogisticRegression row');
  assert.equal(table.get('test ROC AUC, continuous fit')[1], sk[1]);
  assert.equal(table.get('test log loss, continuous fit')[1], sk[2]);
  assert.equal(table.get('test ROC AUC, continuous fit, `--numeric-mode standardize`')[1], sk[1]);
  assert.equal(table.get('test log loss, continuous fit, `--numeric-mode standardize`')[1], sk[2]);
  for (const [name, auc] of [['CategoricalNB', '0.8598'], ['close-rate points', '0.8601'], ['HistGradientBoosting', '0.8961']]) {
    assert.match(datasets, new RegExp(`\\| ${name}[^|]*\\| ${auc.replace('.', '\\.')} \\|`), `dataset README: ${name}`);
    assert.ok(readme.includes(`${name} ${auc}`), `README quotes ${name} ${auc}`);
  }

  // Every output excerpt of the README is what the script printed (timings excepted).
  const blocks = outputBlocks(readme);
  assert.ok(blocks.length >= 4, 'README shows the output of the four steps');
  for (const block of blocks)
    for (const line of block.split('\n'))
      if (line.trim() !== '' && !/\d ms\b/.test(line))
        assert.ok(stdout.includes(line), `README line not in run.sh's output: ${line}`);

  // The one lead: its probability is in the JSONL result and printed.
  const scored = JSON.parse(readFileSync(path.join(out, 'one-lead.jsonl'), 'utf8').trim());
  const { result } = scored;
  assert.equal(typeof result.probability, 'number');
  assert.ok(stdout.includes(`points ${result.points}, score ${result.score}, probability ${result.probability}`));

  // Nothing was written next to the script (its outputs went to the temp dir).
  assert.deepEqual(readdirSync(path.join(repoRoot, 'examples/x-education')).sort(), ['README.md', 'run.sh']);
});
