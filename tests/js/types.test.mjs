// The TypeScript types of models and results are generated from schema/model.schema.json and
// schema/result.schema.json (scripts/generate-types.mjs -> dist/types/) and must accept every real
// model and result. Models: each
// bundled example and every vector model the engine loads is written as a typed object literal
// (so excess-property checks apply) and compiled with `tsc --strict`, in one run with models that
// have a misspelt key or a wrong value, each marked `@ts-expect-error`: tsc fails if one of them is
// accepted, so the check can fail both ways.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { createScorer, validateModel } from '../../bindings/js/node.mjs';
import { loadVectors, repoRoot, vectorModelText } from './support.mjs';
import { vectorCall } from './vector-call.mjs';

const workDir = path.join(repoRoot, 'build/types-check');
const tsc = path.join(repoRoot, 'node_modules/.bin/tsc');

const TSCONFIG = {
  compilerOptions: {
    strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022',
    lib: ['es2022', 'dom'], types: [], skipLibCheck: false,
  },
};

// Compiles [name, parsed JSON, rejected?, type] as typed one-line literals (type ModelFile unless
// given); returns tsc's diagnostics ('' if none).
function compileModels(fileName, models) {
  mkdirSync(workDir, { recursive: true });
  const types = 'ModelFile, ScoreResult, SummaryResult, Finding, LeadCheckResult, AccountResult, Verification';
  const lines = [`import type { ${types} } from '../../bindings/js/index.js';`];
  for (const [name, model, rejected, type = 'ModelFile'] of models) {
    lines.push(`// ${name}`);
    if (rejected) lines.push('// @ts-expect-error');
    lines.push(`export const m${lines.length}: ${type} = ${JSON.stringify(model)};`);
  }
  writeFileSync(path.join(workDir, `${fileName}.ts`), lines.join('\n') + '\n');
  writeFileSync(path.join(workDir, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, files: [`${fileName}.ts`] }));
  try {
    execFileSync(tsc, ['-p', workDir], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    return `${e.stdout}${e.stderr}`;
  }
}

// TypeScript gives up comparing object literals nested about 50 levels deep (TS2321): the vectors
// that test the engine's depth limit (a rule nested 100+ levels) are left to the schema test.
const TS_NESTING_LIMIT = 40;
const depthOf = (v) => (v && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);

const tooDeep = [];
async function realModels() {
  const models = [];
  const examples = path.join(repoRoot, 'examples/models');
  for (const file of readdirSync(examples).filter((f) => f.endsWith('.json')).sort())
    models.push([`examples/models/${file}`, JSON.parse(readFileSync(path.join(examples, file), 'utf8'))]);
  for (const v of loadVectors()) {
    if (!v.model) continue;
    if (!(await validateModel(v.model).then(() => true, () => false))) continue;
    if (depthOf(v.model) > TS_NESTING_LIMIT) { tooDeep.push(v.name); continue; }
    models.push([`tests/vectors/${v.name}`, v.model]);
  }
  return models;
}

test('the generated model types exist (built from the schema)', () => {
  assert.ok(existsSync(path.join(repoRoot, 'dist/types/model.d.ts')), 'dist/types/model.d.ts: run scripts/build.sh wasm');
});

function badModels() {
  const base = JSON.parse(readFileSync(path.join(repoRoot, 'examples/models/default.json'), 'utf8'));
  const variants = {
    misspeltGradingKey: (m) => { m.grading.critera = m.grading.criteria; delete m.grading.criteria; },
    unknownTopLevelKey: (m) => { m.colour = 'red'; },
    wrongFindingCodeInPoints: (m) => { m.checks.points = { email_fre: -5 }; },
    wrongFieldType: (m) => { m.fields[0].type = 'text'; },
    wrongGradeLetter: (m) => { m.grading.start = 'E'; },
    durationWithoutUnit: (m) => { m.engagement.groups[0].decay = { kind: 'half_life', half_life: '30' }; },
    formatVersion2: (m) => { m.format_version = 2; },
    ruleWithoutGroup: (m) => { delete m.rules[0].group; },
  };
  const bad = Object.entries(variants).map(([name, change]) => {
    const model = structuredClone(base);
    change(model);
    return [name, model, true];
  });
  const extended = structuredClone(base);
  extended['x-owner'] = { team: 'growth' };
  extended.rules[0]['x-note'] = 'reviewed 2026-11';
  return [...bad, ['x- extension keys are accepted', extended, false]];
}

test('tsc --strict accepts every example and loadable vector model, and rejects wrong ones', async () => {
  const models = await realModels();
  assert.ok(models.length >= 280, `only ${models.length} models`);
  assert.ok(tooDeep.length <= 2, `left out as too deep for tsc: ${tooDeep.join(', ')}`);
  assert.ok(models.some(([, m]) => m.personas), 'a model set is among them');
  assert.ok(models.some(([, m]) => m.grading && m.routing), 'a model with grading and routing is among them');
  const diagnostics = compileModels('models', [...models, ...badModels()]);
  assert.equal(diagnostics, '', diagnostics.slice(0, 3000));
});

// The TypeScript type of each vector kind's result.
function resultType(v) {
  if ('check_field' in v) return 'Finding[]';
  if ('check_lead' in v) return 'LeadCheckResult';
  if ('score_account' in v) return 'AccountResult';
  if ('verify' in v) return 'Verification';
  return v.detail === 'summary' ? 'SummaryResult' : 'ScoreResult';
}

test('tsc --strict accepts the real result of every vector under its type, and rejects wrong ones', async () => {
  const results = [];
  for (const v of loadVectors()) {
    if (v.expected_error) continue;
    const scorer = await createScorer(vectorModelText(v));
    try {
      const result = JSON.parse(vectorCall(scorer, v));
      if (depthOf(result) <= TS_NESTING_LIMIT) results.push([v.name, result, false, resultType(v)]);
    } finally {
      scorer.dispose();
    }
  }
  assert.ok(results.length >= 380, `only ${results.length} results`);
  const explain = results.find(([, r, , type]) => type === 'ScoreResult' && r.route && r.grade && r.quality)[1];
  const summary = results.find(([, , , type]) => type === 'SummaryResult')[1];
  const bad = [
    ['unknown key in a result', { ...explain, scroe: 1 }],
    ['score as a string', { ...explain, score: '50' }],
    ['a route without its band', { ...explain, route: { ...explain.route, band: undefined } }],
    ['an unknown finding code', { ...explain, quality: { ...explain.quality, reasons: [{ field: 'email', code: 'email_fre', severity: 'warn' }] } }],
    ['a summary with contributions', { ...summary, contributions: [] }, 'SummaryResult'],
  ].map(([name, value, type = 'ScoreResult']) => [name, value, true, type]);
  const diagnostics = compileModels('results', [...results, ...bad]);
  assert.equal(diagnostics, '', diagnostics.slice(0, 3000));
});

test.after(() => rmSync(workDir, { recursive: true, force: true }));
