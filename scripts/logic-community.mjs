#!/usr/bin/env node
// Measures JsonLogic engines on the JSON Logic community test suites (the suites behind the
// project's compatibility tables, https://json-logic.github.io/compat-tables/): leadscore in both
// editions (classic and community-2025, through the npm package), json-logic-js and
// json-logic-engine, on the same cases in one run. The suites are not part of this repository;
// pass the directory that holds them (its index.json lists the files):
//
//   node scripts/logic-community.mjs /path/to/suites [--failures ENGINE]
//
// A case passes when the result equals the expected one as JSON (numbers by value, object keys in
// any order) or, for a case that expects an error, when the engine throws one of that type. This
// is stricter than the compatibility tables' own runner, which also accepts any falsy result where
// null is expected; docs/model-format.md states the figures this prints.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
const showFailures = args.includes('--failures') ? args[args.indexOf('--failures') + 1] : null;
if (!dir) {
  console.error('usage: node scripts/logic-community.mjs SUITES_DIR [--failures ENGINE]');
  process.exit(2);
}

const { evaluateLogic } = await import('leadscore');
const jsonLogicJs = require('json-logic-js');
const { LogicEngine } = require('json-logic-engine');
const engine = new LogicEngine();

// The type of what an engine threw, as the suites name error types ({"type": "NaN"}).
function thrownType(error) {
  if (typeof error === 'number' && Number.isNaN(error)) return 'NaN';
  if (error && typeof error === 'object') {
    if (error.code === 'logic_thrown' && error.thrown !== undefined) return thrownType(error.thrown);
    if (typeof error.type === 'string') return error.type;
    if (typeof error.message === 'string') return error.message;
  }
  return String(error);
}

function sameJson(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

const engines = {
  'leadscore classic': (rule, data) => evaluateLogic(rule, data),
  'leadscore community-2025': (rule, data) => evaluateLogic(rule, data, { edition: 'community-2025' }),
  'json-logic-js 2.0.5': (rule, data) => jsonLogicJs.apply(rule, data),
  'json-logic-engine 5.0.7': (rule, data) => engine.run(rule, data),
};

async function passes(run, c) {
  try {
    // leadscore's evaluateLogic reads a string argument as JSON text: hand it text always.
    const result = await run(c.rule, c.data);
    return !('error' in c) && sameJson(result, c.result);
  } catch (error) {
    return 'error' in c && thrownType(error) === c.error.type;
  }
}

const files = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8'));
const totals = Object.fromEntries(Object.keys(engines).map((e) => [e, 0]));
let cases = 0;
const rows = [];
for (const file of files) {
  // Cases are objects ({description, rule, data, result | error}) or, in older files, arrays
  // [rule, data, result]; strings are section titles.
  const suite = JSON.parse(readFileSync(path.join(dir, file), 'utf8'))
    .filter((c) => c && typeof c === 'object')
    .map((c) => (Array.isArray(c) ? { rule: c[0], data: c[1], result: c[2] } : c));
  const row = { file, cases: suite.length };
  for (const [name, run] of Object.entries(engines)) {
    let passed = 0;
    for (const c of suite) {
      const wrapped = name.startsWith('leadscore')
        ? (rule, data) => run(JSON.stringify(rule), JSON.stringify(data ?? null))
        : run;
      if (await passes(wrapped, c)) passed += 1;
      else if (showFailures && name === showFailures) {
        console.log(`${file}: ${c.description ?? ''}\n  rule ${JSON.stringify(c.rule)} data ${JSON.stringify(c.data)}` +
          `\n  expected ${'error' in c ? `error ${JSON.stringify(c.error)}` : JSON.stringify(c.result)}`);
      }
    }
    row[name] = passed;
    totals[name] += passed;
  }
  cases += suite.length;
  rows.push(row);
}

const names = Object.keys(engines);
console.log(`| suite | cases | ${names.join(' | ')} |`);
console.log(`|---|---:|${names.map(() => '---:').join('|')}|`);
for (const r of rows) console.log(`| ${r.file} | ${r.cases} | ${names.map((n) => r[n]).join(' | ')} |`);
const pct = (n) => `${n} (${((100 * n) / cases).toFixed(1)} %)`;
console.log(`| **all** | ${cases} | ${names.map((n) => pct(totals[n])).join(' | ')} |`);
