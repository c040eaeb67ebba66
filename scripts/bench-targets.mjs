// Issue 13's performance targets for scripts/bench.mjs (docs/benchmarks.md, "What is measured"):
// the fit-only model, the million-row runs (evaluate of a 1,000,000-row history, peak RSS of
// scoring 1,000,000 leads), calibrate's test-scoring share, and the targets table that compares
// each measured ratio or value with its target. Kept out of bench.mjs so that file stays readable.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LogicEngine } from 'json-logic-engine';
import { defaultDataPath, runNative, testScoringShare } from './bench-calibrate.mjs';
import { mulberry32 } from './prng.mjs';

const MILLION = 1_000_000;
const GNU_TIME = '/usr/bin/time';

/**
 * `leadscore evaluate` of the 1,000,000-row history (the same command and file as the evaluate
 * row) before issue 13's engine work: a Release -O3 build with the core of main at 6b6fe3e, the
 * median of 3 whole-process runs on the shared 2-core machine while other builds ran (load 2-5):
 * wall 204.5, 179.9, 140.8 s; CPU (user + sys) 124.3, 125.0, 122.5 s. The target is a fifth of
 * the wall time; the CPU time is kept beside it because the load inflated the wall time by about
 * half, which makes the wall ratio flatter the engine.
 */
export const EVALUATE_BEFORE = { seconds: 179.9, cpuSeconds: 124.3, date: '2026-12-06', build: 'core of main at 6b6fe3e' };

/** The sections a fit-only model drops: form checks, events, grading and routing. */
const NON_FIT_SECTIONS = ['checks', 'engagement', 'grading', 'routing'];

/**
 * The default model minus its non-fit sections, for the rows that show what a model with only
 * fit rules costs. Its form_quality group is left in (and empty, so it adds its min to every
 * lead, as `leadscore validate` says): the model is the default one with the sections removed, no more.
 */
export function fitOnlyModel(model) {
  const copy = structuredClone(model);
  for (const key of NON_FIT_SECTIONS) delete copy[key];
  return copy;
}

/**
 * Stops the bench when a summary is not shorter than the explain result: a CLI or JS API that
 * ignored the detail level would otherwise have its explain time reported as summary.
 */
export function assertShorter(what, summaryLength, explainLength) {
  if (summaryLength >= explainLength) {
    throw new Error(`${what} gave ${summaryLength} bytes against ${explainLength} for explain: the detail level was not applied`);
  }
}

/**
 * json-logic-engine's compiled mode for the rule conditions ({when, cents}): each condition is
 * built once into a JS function (engine.build), as an application would at model load, so the
 * build is outside the timing; `sum(lead)` adds the cents of the conditions that hold, with the
 * engine's own truthiness, as json-logic-js's row does with jsonLogic.truthy.
 */
export function compileConditions(rules) {
  const engine = new LogicEngine();
  const t0 = performance.now();
  const compiled = rules.map((r) => ({ fn: engine.build(r.when), cents: r.cents }));
  const buildMs = performance.now() - t0;
  const sum = (lead) => {
    let cents = 0;
    for (const rule of compiled) if (engine.truthy(rule.fn(lead))) cents += rule.cents;
    return cents;
  };
  return { sum, buildMs };
}

// ---------------------------------------------------------------------------------------------
// Million-row inputs


/**
 * A 0/1 outcome that depends on the lead (senior buyers at larger companies in the target
 * industries convert more, students and competitors hardly), so the evaluation sorts real
 * deciles and bands rather than noise, and the capacity search has a gradient to walk.
 */
function outcomeOf(typed, rnd) {
  let p = 0.06;
  if (['c_level', 'vp', 'director'].includes(typed.seniority)) p += 0.12;
  if (typed.company_size >= 200) p += 0.08;
  if (['software', 'it_services', 'finance'].includes(typed.industry)) p += 0.06;
  if (typed.seniority === 'student' || typed.is_competitor === true) p = 0.01;
  return rnd() < p ? 1 : 0;
}

/**
 * Writes the million-row inputs into `dir`, streaming in chunks so the leads are never all in
 * memory: leads-1m.jsonl (the same leads as the main table, extended to 1,000,000 by the same
 * generator) and history-1m.csv (the model's fields, a `created` date and a 0/1 `converted`).
 */
function writeMillionFiles({ dir, seed, makeLead, fieldNames, csvField }) {
  const leadsPath = path.join(dir, 'leads-1m.jsonl');
  const historyPath = path.join(dir, 'history-1m.csv');
  const rnd = mulberry32(seed ^ 0xc0ffee);
  const dayMs = 86400000;
  const first = Date.UTC(2025, 0, 1);
  const leadsFd = fs.openSync(leadsPath, 'w');
  const historyFd = fs.openSync(historyPath, 'w');
  try {
    fs.writeSync(historyFd, `${[...fieldNames, 'created', 'converted'].join(',')}\n`);
    const CHUNK = 10_000;
    for (let start = 0; start < MILLION; start += CHUNK) {
      const jsonl = [];
      const csv = [];
      for (let i = start; i < start + CHUNK; i++) {
        const { raw, typed } = makeLead(i);
        jsonl.push(JSON.stringify(raw));
        const created = new Date(first + Math.floor(rnd() * 690) * dayMs).toISOString().slice(0, 10);
        csv.push(`${fieldNames.map((f) => csvField(raw[f])).join(',')},${created},${outcomeOf(typed, rnd)}`);
      }
      fs.writeSync(leadsFd, `${jsonl.join('\n')}\n`);
      fs.writeSync(historyFd, `${csv.join('\n')}\n`);
    }
  } finally {
    fs.closeSync(leadsFd);
    fs.closeSync(historyFd);
  }
  return { leadsPath, historyPath };
}

// ---------------------------------------------------------------------------------------------
// Whole-process runs under GNU time

/**
 * Runs `cli args` once with stdout to `outPath` (GNU time's report goes to a file in `tmp`) under GNU time: wall seconds (our clock), the
 * child's peak resident set (GNU time's %M, the kernel's ru_maxrss, in KiB) and its CPU seconds
 * (%U + %S, which a busy machine inflates less than the wall time, so a reader can tell load from
 * a slower build). The CLI's exit code 1 (some records were error lines) is normal for the synthetic data.
 */
function runTimed(cliPath, args, outPath, tmp) {
  if (!fs.existsSync(GNU_TIME)) {
    throw new Error(`${GNU_TIME} not found: the peak RSS rows need GNU time (Debian package "time", installed by scripts/setup.sh)`);
  }
  const rssPath = path.join(tmp, 'gnu-time.txt');
  const fd = fs.openSync(outPath, 'w');
  try {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(GNU_TIME, ['-f', '%M %U %S', '-o', rssPath, cliPath, ...args], { stdio: ['ignore', fd, 'pipe'], maxBuffer: 64 << 20 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.error) throw r.error;
    if (r.status !== 0 && r.status !== 1) {
      throw new Error(`leadscore ${args[0]} exited with ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
    }
    // The last line: GNU time writes "Command exited with non-zero status 1" before it on exit 1.
    const [peakKiB, user, system] = fs.readFileSync(rssPath, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    if (!Number.isFinite(peakKiB) || peakKiB <= 0) throw new Error(`no peak RSS from ${GNU_TIME}: ${fs.readFileSync(rssPath, 'utf8')}`);
    return { seconds, cpuSeconds: user + system, peakKiB, status: r.status };
  } finally {
    fs.closeSync(fd);
    fs.rmSync(rssPath, { force: true });
  }
}

/**
 * The million-row rows: writes the inputs (writeMillionFiles), then runs `leadscore evaluate` of
 * the history (weekly periods and a capacity, so every part of the evaluation runs) and
 * `leadscore score` of the leads with its output thrown away (/dev/null: the row is about the
 * process's memory, not about writing 2.8 GB), and deletes the inputs (about 0.5 GB). Each runs
 * once: at this size a run takes minutes and the page cache is warm from writing the files.
 */
export function runMillionRows({ cliPath, modelPath, now, tmp, scoreArgs, ...data }) {
  process.stderr.write('bench: writing the 1,000,000-lead JSONL and 1,000,000-row history CSV\n');
  const files = writeMillionFiles({ dir: tmp, ...data });
  try {
    return runMillionOn({ cliPath, modelPath, now, tmp, scoreArgs, files });
  } finally {
    for (const p of Object.values(files)) fs.rmSync(p, { force: true });
  }
}

function runMillionOn({ cliPath, modelPath, now, tmp, scoreArgs, files }) {
  process.stderr.write('bench: evaluate, 1,000,000-row history (one run)\n');
  const evalOut = path.join(tmp, 'evaluate-1m.json');
  const evaluate = runTimed(cliPath, ['evaluate', '--model', modelPath, '--outcome', 'converted', '--date-column', 'created',
    '--period', 'week', '--capacity', '200/week', '--now', now, '--format', 'json', files.historyPath], evalOut, tmp);
  const evaluation = JSON.parse(fs.readFileSync(evalOut, 'utf8'));
  process.stderr.write(`bench: evaluate ${evaluate.seconds.toFixed(1)}s, peak ${fmtMB(evaluate.peakKiB)}\n`);
  process.stderr.write('bench: score, 1,000,000 leads streamed, peak RSS (one run)\n');
  const score = runTimed(cliPath, [...scoreArgs, files.leadsPath], '/dev/null', tmp);
  process.stderr.write(`bench: score ${score.seconds.toFixed(1)}s, peak ${fmtMB(score.peakKiB)}\n`);
  return { evaluate, evaluation, score };
}

/** Calibrate's test-scoring share natively on X Education (`bins`, the default numeric mode). */
export function runCalibrateShare(runs) {
  if (!fs.existsSync(defaultDataPath)) return { skipped: `no X Education data at ${defaultDataPath}` };
  process.stderr.write(`bench: calibrate on X Education (bins, native), ${runs} runs after a warm-up\n`);
  const { times } = runNative(defaultDataPath, 'bins', runs);
  return { share: testScoringShare(times), allMs: times.map((t) => t.all) };
}

// MB as in the target (10^6 bytes); GNU time reports KiB.
const fmtMB = (kib) => `${((kib * 1024) / 1e6).toFixed(1)} MB`;

// ---------------------------------------------------------------------------------------------
// The targets table

const pct = (x) => `${(100 * x).toFixed(1)} %`;
const times = (x) => `${x.toFixed(2)}×`;

/**
 * One row per target of issue 13: what was measured, the target, met or not. `m` holds the
 * median seconds of the rows (per lead where it says so) and the million-row and calibrate results;
 * a target that was not run says why instead of a verdict, so nothing is skipped silently.
 */
export function targetsTable(m) {
  const perLead = (row) => (row.seconds / m.leads) * 1e6;
  const ratio = (slow, fast) => perLead(slow) / perLead(fast);
  const rows = [];
  const add = (what, measured, target, met) => rows.push({ what, measured, target, met });
  // The ratio is the reference's µs/lead over the measured row's: above 1× the row is faster.
  const speedup = (what, [refName, ref], [rowName, row], min) => {
    const r = ratio(ref, row);
    add(what, `${times(r)} (${rowName} ${perLead(row).toFixed(2)}, ${refName} ${perLead(ref).toFixed(2)} µs/lead)`, `≥ ${min}×`, r >= min);
  };
  const jsonLogicJs = ['json-logic-js', m.jsonLogicJs];
  const nativeSummary = ['native', m.nativeSummary];
  speedup('native CLI, default model, explain, vs json-logic-js (conditions only)', jsonLogicJs, ['native', m.nativeExplain], 1);
  speedup('native CLI, default model, summary, vs json-logic-js (conditions only)', jsonLogicJs, nativeSummary, 3);
  speedup('native CLI, fit-only model, summary, vs json-logic-engine compiled (conditions only)',
    ['json-logic-engine', m.jsonLogicEngine], ['native', m.nativeFitSummary], 1);
  speedup('wasm scoreMany() in batches of 1,000, summary, vs native CLI summary (default model)', nativeSummary,
    ['wasm', m.wasmManySummary], 0.5);
  const { seconds, count, perLead: events } = m.events200;
  const perEvent = (seconds / (count * events)) * 1e6;
  add(`native CLI --events, ${events} events a lead: µs per given event (fit part included)`, `${perEvent.toFixed(2)} µs`, '≤ 2 µs', perEvent <= 2);
  const jobs = m.nativeExplain.seconds / m.nativeJobs2.seconds;
  // The machine's own ceiling: two independent processes on half the leads each, same work.
  const ceiling = m.nativeExplain.seconds / m.nativeTwoProcesses.seconds;
  add('native CLI, default model, explain: --jobs 2 vs --jobs 1 (time with 1 / time with 2)',
    `${times(jobs)} (two separate --jobs 1 processes on half the leads each: ${times(ceiling)})`, '≥ 1.7×', jobs >= 1.7);
  rows.push(evaluateTarget(m.million));
  rows.push(calibrateTarget(m.calibrate));
  rows.push(rssTarget(m.million));
  return [
    '| Target (issue 13) | measured | target | |',
    '|---|---:|---:|---|',
    ...rows.map((r) => `| ${r.what} | ${r.measured} | ${r.target} | ${verdict(r.met)} |`),
  ];
}

function verdict(met) {
  if (typeof met === 'string') return met;
  return met ? 'met' : '**not met**';
}

const NOT_RUN = 'not run (--no-million)';

function evaluateTarget(million) {
  const what = '`leadscore evaluate` of 1,000,000 rows, whole process (one run)';
  const before = EVALUATE_BEFORE;
  const target = Number.isFinite(before.seconds)
    ? `≤ ${(before.seconds / 5).toFixed(1)} s (1/5 of ${before.seconds.toFixed(1)} s before, ${before.date})`
    : '≤ 1/5 of before (no "before" recorded)';
  if (!million) return { what, measured: '', target, met: NOT_RUN };
  const { seconds: s, cpuSeconds: cpu } = million.evaluate;
  const measured = `${s.toFixed(1)} s (CPU ${cpu.toFixed(1)} s)`;
  if (!Number.isFinite(before.seconds)) return { what, measured, target, met: 'no baseline' };
  return {
    what,
    measured: `${measured}; before / now: ${times(before.seconds / s)} (CPU ${times(before.cpuSeconds / cpu)})`,
    target,
    met: s <= before.seconds / 5,
  };
}

function calibrateTarget(calibrate) {
  const what = 'calibrate on X Education (bins, native): test-scoring share of the run';
  if (calibrate.skipped) return { what, measured: '', target: '≤ 15 %', met: `not run (${calibrate.skipped})` };
  return { what, measured: pct(calibrate.share), target: '≤ 15 %', met: calibrate.share <= 0.15 };
}

function rssTarget(million) {
  const what = 'native CLI score of 1,000,000 leads (JSONL, streamed): peak RSS';
  if (!million) return { what, measured: '', target: '< 64 MB', met: NOT_RUN };
  const kib = million.score.peakKiB;
  return { what, measured: fmtMB(kib), target: '< 64 MB', met: kib * 1024 < 64e6 };
}

/** The cross-check lines of the million-row runs. */
export function millionChecks(million) {
  if (!million) return ['million-row runs: not run (--no-million)'];
  const e = million.evaluation;
  return [
    `evaluate, 1,000,000 rows: rows ${JSON.stringify(e.rows)}, AUC ${e.metrics?.auc}, capacity threshold ${e.capacity?.threshold_score}; `
      + `${million.evaluate.seconds.toFixed(1)} s (CPU ${million.evaluate.cpuSeconds.toFixed(1)} s), peak RSS ${fmtMB(million.evaluate.peakKiB)} `
      + `(exit ${million.evaluate.status})`,
    `score, 1,000,000 leads to /dev/null: ${million.score.seconds.toFixed(1)} s (CPU ${million.score.cpuSeconds.toFixed(1)} s, `
      + `${((million.score.seconds / MILLION) * 1e6).toFixed(1)} µs/lead), peak RSS ${fmtMB(million.score.peakKiB)} (exit ${million.score.status})`,
  ];
}
