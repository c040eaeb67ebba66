// Differential test of the JsonLogic engine against the reference implementation json-logic-js
// 2.0.5 (devDependency): generated rule/data pairs are evaluated by both, and the JSON-normalised
// outcomes (a value, or "error" when the evaluation throws) must be identical.
//
// Deterministic: a fixed seed; set LEADSCORE_DIFF_SEED to explore other seeds and
// LEADSCORE_DIFF_PAIRS to change the number of pairs. A failure prints the seed, the pair index,
// the rule, the data and both outcomes, so any case can be replayed.
//
// Deliberate differences (docs/model-format.md, "JsonLogic dialect") are kept out as follows:
// - substr counts code points, json-logic-js UTF-16 units: every generated string is in the Basic
//   Multilingual Plane (ASCII plus a few accented/CJK strings), where the two counts agree.
// - log does not print: console.log is silenced while json-logic-js runs; both return the argument.
// - unknown operators fail at compile time: the generator only emits the standard operators, and
//   object literals inside rules never have exactly one key (that would make them operations).
// - arrays/objects are never == / === / `in` to each other, even where json-logic-js sees the same
//   reference twice (e.g. {"==":[{"var":"a"},{"var":"a"}]} with an array a): explicit allow-list
//   entry "same-reference" below, applied only when re-running json-logic-js with a `var` that
//   returns a fresh copy on every read reproduces leadscore's outcome exactly.
// - data is never run as logic (json-logic-js's missing/missing_some evaluate a one-key object
//   among their keys as an operation, and such objects can only come from the data here): explicit
//   allow-list entry "data-run-as-logic". Found by this test; not yet in the docs' list.
// An outcome is a JSON value or "error": when both engines throw, the messages are not compared.
// - evaluation is bounded: allow-list entry "bounded-evaluation" (our error code names the bound);
//   the generated rules are far too small to reach a bound, so it is expected never to match.
// Not a difference of the engines but of JavaScript objects: a `var` path segment that names an
// inherited property ("constructor", "toString", "__proto__", String.prototype.at, ...) reads a
// function in json-logic-js. The vocabularies contain no such names, and because computed paths
// (cat, substr, ...) could still build one, the generator drops any pair whose evaluation would
// read an inherited property (detected with an instrumented copy of json-logic-js, see `probe`) and
// draws another one. Those drops are counted and reported, and do not count towards the pairs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { evaluateLogic, LeadscoreError } from 'leadscore';
import { makeRandom } from './random.mjs';

const require = createRequire(import.meta.url);
const SEED = Number(process.env.LEADSCORE_DIFF_SEED ?? 0x1ead5c0e) >>> 0;
const PAIRS = Number(process.env.LEADSCORE_DIFF_PAIRS ?? 12000);

// --- Two independent json-logic-js instances ---------------------------------------------------
const jsonLogicPath = require.resolve('json-logic-js');
const reference = require('json-logic-js');
delete require.cache[jsonLogicPath];
const probe = require('json-logic-js');  // a second, separate instance (own operations table)
delete require.cache[jsonLogicPath];
assert.notEqual(probe, reference);

// The probe's `var` is json-logic-js 2.0.5's, line for line, except that (1) it returns a copy of
// an array or object, so no two reads share a reference (leadscore's value semantics), and (2) it
// records when a path segment resolves to an inherited rather than an own property.
const probeState = { inherited: false };
const copy = (v) => (v !== null && typeof v === 'object' ? structuredClone(v) : v);
probe.add_operation('var', function (a, b) {
  const notFound = b === undefined ? null : b;
  let data = this;
  if (typeof a === 'undefined' || a === '' || a === null) return copy(data);
  const subProps = String(a).split('.');
  for (let i = 0; i < subProps.length; i++) {
    if (data === null || data === undefined) return notFound;
    const box = Object(data);
    if (subProps[i] in box && !Object.prototype.hasOwnProperty.call(box, subProps[i])) probeState.inherited = true;
    data = data[subProps[i]];
    if (data === undefined) return notFound;
  }
  return copy(data);
});

// --- Vocabularies ------------------------------------------------------------------------------
const SPECIAL_NUMBERS = [0, 1, -1, 2, 3, 10, -7, 0.5, -2.5, 0.1, 0.2, 0.3, 1.5, 3.14159, 100, 255, 1e21, 1e-7,
  123456789012, 2 ** 53, 2 ** 53 + 2, -1e308, 1.7976931348623157e308, 5e-324, 1e300, 0.000001, 12, 13, 42];
const NUMERIC_STRINGS = ['0', '1', '-1', '2', '12', '1.5', '-2.5', '.5', '5.', '+3', '1e3', '-1e-3', '0x1f', '0X1F',
  '0b101', '0o17', ' 12 ', '\t7\n', '\u00a08', '\u20288\u2029', '00012', 'Infinity', '-Infinity', '+Infinity', '1e400',
  '-0', '0.1', '1E2', '3.0', '10', '9007199254740993'];
const OTHER_STRINGS = ['', 'a', 'b', 'c', 'abc', 'Hello World', 'apple', 'banana', 'NaN', '12px', '1.5.2', 'true',
  'false', 'null', 'undefined', 'a,b', '1,2', '[object Object]', ' ', 'é', 'Ünïcödé', '日本語', 'a.b', 'x', 'ab',
  'abcabc', '0x', '0xg', '1_000', '１２', 'zzz', 'A', 'Z', '-', '.', '..', 'Infinityx', '  -3.5e2xyz', 'e5', '1e', '+'];
const DATA_KEYS = ['a', 'b', 'c', 'n', 'x', 'y', 's', 'list', 'nums', 'strs', 'obj', 'nested', 'flag', 'nil',
  'zero', 'empty', '0', '1'];
const VAR_PATHS = ['a', 'b', 'c', 'n', 'x', 'y', 's', 'list', 'nums', 'strs', 'obj', 'nested', 'flag', 'nil', 'zero',
  'empty', 'obj.a', 'obj.b', 'obj.x.y', 'nested.obj.a', 'nested.list.0', 'list.0', 'list.1', 'list.2',
  'list.length', 'nums.0', 'nums.3', 'strs.1', 's.length', 's.0', 's.2', 'list.01', 'list.-1', 'list.1.5',
  'missing_key', 'nope.deeper', '', 'a.b', 'obj.', 'a..b', '0', '1', 'length', 'nums.length', 'empty.length'];
const ITEM_PATHS = ['', '', '', 'a', 'b', 'x', '0', '1', 'length', 'a.b', 'obj.a'];
const REDUCE_PATHS = ['current', 'current', 'accumulator', 'accumulator', 'current.a', 'current.0', 'accumulator.0',
  'accumulator.length', '', 'a'];
const ALPHABET = 'abcxyzABC0123456789 .,-+e';
const OPERATORS = ['var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%', 'map', 'reduce', 'filter', 'all', 'none', 'some',
  'merge', 'in', 'cat', 'substr', 'log'];

// No generated string may contain astral characters (code points above U+FFFF): see the header.
for (const s of [...NUMERIC_STRINGS, ...OTHER_STRINGS, ...DATA_KEYS, ...VAR_PATHS, ALPHABET])
  assert.ok(!/[\u{10000}-\u{10ffff}]/u.test(s), `astral character in ${JSON.stringify(s)}`);

// --- Generator ---------------------------------------------------------------------------------
function makeGenerator(r) {
  function number() {
    switch (r.int(0, 3)) {
      case 0: return r.pick(SPECIAL_NUMBERS);
      case 1: return r.int(-20, 20);
      case 2: return Math.round((r.next() * 40 - 20) * 100) / 100;
      default: return (r.chance(0.5) ? -1 : 1) * r.int(0, 5);
    }
  }
  function randomString() {
    let s = '';
    for (let n = r.int(0, 6); n > 0; n--) s += ALPHABET[r.int(0, ALPHABET.length - 1)];
    return s;
  }
  function scalar() {
    switch (r.int(0, 9)) {
      case 0: case 1: case 2: return number();
      case 3: case 4: return r.pick(NUMERIC_STRINGS);
      case 5: case 6: return r.pick(OTHER_STRINGS);
      case 7: return randomString();
      case 8: return r.chance(0.5);
      default: return null;
    }
  }
  // A JSON value. In rules (inRule) an object never has exactly one key.
  function value(depth, inRule) {
    const roll = r.next();
    if (depth <= 0 || roll < 0.62) return scalar();
    if (roll < 0.86) {
      const out = [];
      for (let n = r.int(0, 4); n > 0; n--) out.push(value(depth - 1, inRule));
      return out;
    }
    const out = {};
    let keys = r.int(0, 3);
    if (inRule && keys === 1) keys = 2;
    for (let i = 0; i < keys; i++) out[r.pick(DATA_KEYS)] = value(depth - 1, inRule);
    if (inRule && Object.keys(out).length === 1) out.zz = scalar();  // a repeated key: keep it data
    return out;
  }
  function data() {
    const roll = r.next();
    if (roll < 0.06) return value(2, false);  // not an object at all
    const out = {};
    for (const key of DATA_KEYS) if (r.chance(0.45)) out[key] = value(3, false);
    if (r.chance(0.5)) out.list = Array.from({ length: r.int(0, 5) }, () => (r.chance(0.7) ? scalar() : value(2, false)));
    if (r.chance(0.4)) out.nums = Array.from({ length: r.int(0, 5) }, () => (r.chance(0.8) ? number() : r.pick(NUMERIC_STRINGS)));
    if (r.chance(0.3)) out.strs = Array.from({ length: r.int(0, 4) }, () => r.pick(OTHER_STRINGS));
    if (r.chance(0.3)) out.obj = { a: scalar(), b: value(2, false), ...(r.chance(0.3) ? { x: { y: scalar() } } : {}) };
    if (r.chance(0.2)) out.nested = { obj: { a: scalar() }, list: [scalar(), scalar()] };
    if (r.chance(0.3)) out.s = r.pick([...OTHER_STRINGS, ...NUMERIC_STRINGS]);
    if (r.chance(0.2)) out.empty = r.pick(['', [], {}, null, 0]);
    return out;
  }

  function paths(scope) {
    if (scope === 'item') return r.chance(0.75) ? ITEM_PATHS : VAR_PATHS;
    if (scope === 'reduce') return r.chance(0.75) ? REDUCE_PATHS : VAR_PATHS;
    return VAR_PATHS;
  }
  function path(scope) {
    const roll = r.next();
    if (roll < 0.8) return r.pick(paths(scope));
    if (roll < 0.9) return r.pick([0, 1, 2, -1, 1.5, null, true]);
    return r.pick([['a'], ['list', '0'], [], ['nested.obj.a']]);  // arrays: String(["list","0"]) is "list,0"
  }
  function varRule(scope, depth) {
    const p = path(scope);
    switch (r.int(0, 9)) {
      case 0: case 1: case 2: case 3: return { var: Array.isArray(p) ? [p] : p };
      case 4: case 5: return { var: [p] };
      case 6: case 7: return { var: [p, rule(scope, depth + 1)] };
      case 8: return { var: r.chance(0.2) ? [] : [rule(scope, depth + 1)] };  // computed path
      default: return { var: [p, scalar(), scalar()] };
    }
  }
  // JSON text cannot carry -0 (JSON.stringify writes 0), so negative zero enters as expressions.
  const NEGATIVE_ZERO = [{ '-': [0] }, { '*': [0, -1] }, { '-': ['0'] }, { '%': [-4, 2] }];
  function leaf(scope) {
    if (r.chance(0.03)) return r.pick(NEGATIVE_ZERO);
    return r.chance(0.45) ? varRule(scope, 99) : value(2, true);
  }
  function args(depth, scope, lo, hi) {
    const out = [];
    for (let n = r.int(lo, hi); n > 0; n--) out.push(rule(scope, depth + 1));
    return out;
  }
  // A collection for the iterating operators.
  function collection(scope, depth) {
    switch (r.int(0, 5)) {
      case 0: case 1: return { var: r.pick(['list', 'nums', 'strs', 'obj', 's', 'missing_key', 'nested.list', 'empty']) };
      case 2: return Array.from({ length: r.int(0, 5) }, () => number());
      case 3: return value(3, true);
      default: return rule(scope, depth + 1);
    }
  }
  function keyList(scope, depth) {
    const key = () => {
      const roll = r.next();
      if (roll < 0.7) return r.pick(VAR_PATHS);
      if (roll < 0.85) return scalar();
      if (roll < 0.93) return [r.pick(VAR_PATHS), scalar()];  // an array key: json-logic-js reads it as {"var": [path, default]}
      return rule(scope, depth + 1);
    };
    return Array.from({ length: r.int(0, 4) }, key);
  }
  function operation(op, scope, depth) {
    let a;
    switch (op) {
      case 'var': return varRule(scope, depth);
      case 'missing': {
        const roll = r.int(0, 5);
        if (roll === 0) return { missing: r.pick(VAR_PATHS) };
        if (roll === 1) return { missing: [keyList(scope, depth)] };  // one array of keys
        if (roll === 2) return { missing: rule(scope, depth + 1) };
        if (roll === 3) return { missing: { merge: [keyList(scope, depth), keyList(scope, depth)] } };
        return { missing: keyList(scope, depth) };
      }
      case 'missing_some': {
        const need = r.chance(0.7) ? r.int(0, 3) : scalar();
        const roll = r.int(0, 7);
        if (roll === 0) return { missing_some: [need] };
        if (roll === 1) return { missing_some: [need, rule(scope, depth + 1)] };
        if (roll === 2) return { missing_some: [need, scalar()] };
        if (roll === 3) return { missing_some: [need, [keyList(scope, depth)]] };
        if (roll === 4) return { missing_some: [need, { merge: [keyList(scope, depth), r.pick(VAR_PATHS)] }] };
        return { missing_some: [need, keyList(scope, depth)] };
      }
      case 'if': case '?:': a = args(depth, scope, 0, 6); break;
      case 'and': case 'or': a = args(depth, scope, 0, 4); break;
      case '!': case '!!': case 'log': a = args(depth, scope, r.chance(0.9) ? 1 : 0, r.chance(0.9) ? 1 : 2); break;
      case '<': case '<=': a = args(depth, scope, r.chance(0.9) ? 2 : 0, 3); break;
      case '==': case '===': case '!=': case '!==': case '>': case '>=':
        a = args(depth, scope, r.chance(0.92) ? 2 : 0, r.chance(0.95) ? 2 : 3); break;
      case '+': case '*': case 'min': case 'max': case 'cat': case 'merge': a = args(depth, scope, 0, 4); break;
      case '-': case '/': case '%': a = args(depth, scope, r.chance(0.85) ? 2 : 0, r.chance(0.9) ? 2 : 3); break;
      case 'in': a = [rule(scope, depth + 1), r.chance(0.5) ? collection(scope, depth) : rule(scope, depth + 1)];
        if (r.chance(0.05)) a = a.slice(0, r.int(0, 1)); break;
      case 'substr': {
        a = [rule(scope, depth + 1)];
        if (r.chance(0.9)) a.push(r.chance(0.6) ? r.int(-6, 6) : rule(scope, depth + 1));
        if (r.chance(0.6)) a.push(r.chance(0.6) ? r.int(-6, 6) : rule(scope, depth + 1));
        break;
      }
      case 'map': case 'filter': case 'all': case 'none': case 'some': {
        a = [collection(scope, depth), rule('item', depth + 1)];
        if (r.chance(0.05)) a = a.slice(0, r.int(0, 1));
        break;
      }
      case 'reduce': {
        a = [collection(scope, depth), rule('reduce', depth + 1)];
        if (r.chance(0.75)) a.push(rule(scope, depth + 1));
        if (r.chance(0.05)) a = a.slice(0, r.int(0, 2));
        break;
      }
      default: throw new Error(`no generator for ${op}`);
    }
    // The unary shorthand {"op": x} for {"op": [x]} (only when x is not itself an array).
    if (a.length === 1 && !Array.isArray(a[0]) && r.chance(0.4)) return { [op]: a[0] };
    return { [op]: a };
  }
  function rule(scope = 'top', depth = 0) {
    if (depth >= 4 || (depth > 0 && r.chance(0.4))) return leaf(scope);
    if (depth > 0 && r.chance(0.05)) {  // a logic array: its elements are rules
      return Array.from({ length: r.int(0, 3) }, () => rule(scope, depth + 1));
    }
    return operation(r.pick(OPERATORS), scope, depth);
  }
  return { rule: () => rule(), data };
}

// --- Outcomes ----------------------------------------------------------------------------------
// JSON text with object keys sorted (leadscore writes sorted keys, JavaScript keeps insertion
// order); NaN and infinities become null and undefined members vanish, as JSON.stringify does.
function canonical(v) {
  const text = JSON.stringify(v, (key, x) => {
    if (x === null || typeof x !== 'object' || Array.isArray(x)) return x;
    return Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]]));
  });
  return text === undefined ? 'null' : text;
}

function evaluateReference(engine, rule, data) {
  try {
    return { kind: 'value', json: canonical(engine.apply(rule, data)) };
  } catch (error) {
    return { kind: 'error', detail: String(error?.message ?? error) };
  }
}

async function evaluateOurs(ruleText, dataText) {
  try {
    return { kind: 'value', json: canonical(await evaluateLogic(ruleText, dataText)) };
  } catch (error) {
    if (!(error instanceof LeadscoreError)) throw error;
    return { kind: 'error', detail: error.code, code: error.code };
  }
}

const same = (x, y) => x.kind === y.kind && (x.kind === 'error' || x.json === y.json);
const show = (o) => (o.kind === 'error' ? `error (${o.detail})` : o.json);

// Deliberate differences: each entry says why, and decides from the pair and both outcomes.
const ALLOWED = [
  {
    id: 'same-reference',
    reason: 'arrays and objects are never ==, === or `in` each other in leadscore, even where ' +
      'json-logic-js compares one reference with itself (docs/model-format.md, JsonLogic dialect)',
    applies: (pair, ref, ours) => same(pair.probe, ours),
  },
  {
    id: 'data-run-as-logic',
    reason: 'json-logic-js looks the keys of missing/missing_some up with jsonLogic.apply({"var": key}), ' +
      'so a one-key object that came from the data runs as an operation; the generator emits only ' +
      'standard operators, so "Unrecognized operation <data key>" can only come from data. leadscore ' +
      'never runs data as logic (and normalised leads hold no objects, so scoring never meets it)',
    applies: (pair, ref) => ref.kind === 'error' &&
      DATA_KEYS.concat('zz').some((k) => ref.detail === `Unrecognized operation ${k}`),
  },
  {
    id: 'bounded-evaluation',
    reason: 'evaluation is bounded in depth, steps and value size (docs/model-format.md, JsonLogic dialect)',
    applies: (pair, ref, ours) => ours.kind === 'error' &&
      ['logic_budget_exceeded', 'logic_value_too_large', 'logic_too_deep', 'json_too_deep'].includes(ours.code),
  },
];

test(`JsonLogic: leadscore agrees with json-logic-js 2.0.5 on ${PAIRS} generated rule/data pairs (seed ${SEED})`, async (t) => {
  const r = makeRandom(SEED);
  const gen = makeGenerator(r);
  const mismatches = [];
  const excused = [];
  const allowed = Object.fromEntries(ALLOWED.map((a) => [a.id, 0]));
  const operatorUse = Object.fromEntries(OPERATORS.map((op) => [op, 0]));
  let errors = 0, droppedInherited = 0;
  const countOperators = (node) => {
    if (Array.isArray(node)) return node.forEach(countOperators);
    if (node === null || typeof node !== 'object') return;
    const keys = Object.keys(node);
    if (keys.length === 1 && keys[0] in operatorUse) operatorUse[keys[0]]++;
    for (const k of keys) countOperators(node[k]);
  };

  const savedLog = console.log;
  console.log = () => {};  // `log` prints in json-logic-js only
  try {
    for (let i = 0; i < PAIRS; i++) {
      let pair;
      for (;;) {
        const ruleText = JSON.stringify(gen.rule());
        const dataText = JSON.stringify(gen.data());
        // Both engines get the same JSON text (so e.g. -0 cannot reach only one of them).
        probeState.inherited = false;
        const probed = evaluateReference(probe, JSON.parse(ruleText), JSON.parse(dataText));
        if (probeState.inherited) { droppedInherited++; continue; }
        pair = { ruleText, dataText, probe: probed };
        break;
      }
      countOperators(JSON.parse(pair.ruleText));
      const ref = evaluateReference(reference, JSON.parse(pair.ruleText), JSON.parse(pair.dataText));
      const ours = await evaluateOurs(pair.ruleText, pair.dataText);
      if (ref.kind === 'error') errors++;
      if (same(ref, ours)) continue;
      const excuse = ALLOWED.find((a) => a.applies(pair, ref, ours));
      if (excuse) {
        allowed[excuse.id]++;
        excused.push({ i, allowed: excuse.id, rule: pair.ruleText, data: pair.dataText, jsonLogicJs: show(ref), leadscore: show(ours) });
        continue;
      }
      mismatches.push({ i, rule: pair.ruleText, data: pair.dataText, jsonLogicJs: show(ref), leadscore: show(ours) });
    }
  } finally {
    console.log = savedLog;
  }

  // LEADSCORE_DIFF_REPORT=file.jsonl writes every difference (allowed ones marked), one JSON object a line, for exploring.
  if (process.env.LEADSCORE_DIFF_REPORT)
    writeFileSync(process.env.LEADSCORE_DIFF_REPORT, [...mismatches, ...excused].map((m) => JSON.stringify(m) + '\n').join(''));
  t.diagnostic(`seed ${SEED}: ${PAIRS} pairs, ${errors} where json-logic-js throws, ` +
    `${droppedInherited} drawn again (inherited property), allowed differences ${JSON.stringify(allowed)}`);
  t.diagnostic(`operator occurrences: ${JSON.stringify(operatorUse)}`);
  for (const op of OPERATORS) assert.ok(operatorUse[op] >= 50, `operator ${op} generated only ${operatorUse[op]} times`);
  assert.ok(errors < PAIRS / 10, `too many throwing pairs (${errors}): the generator is degenerate`);
  assert.equal(mismatches.length, 0,
    `${mismatches.length} of ${PAIRS} pairs differ (seed ${SEED}); first ones:\n` +
    mismatches.slice(0, 12).map((m) => JSON.stringify(m)).join('\n'));
});
