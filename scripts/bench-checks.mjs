// Form-check benchmark (docs/benchmarks.md, "Form checks"): checkField latency while typing, in Node
// and in Chromium, and the bytes the form-check tables add to the package. Run by scripts/bench.mjs
// after the scoring benchmark, or alone: node scripts/bench-checks.mjs [--calls N] [--write].
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { entrySizes } from './bundle-sizes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docPath = path.join(root, 'docs/benchmarks.md');
const BATCH = 50; // calls per timed batch in Chromium, whose performance.now() is coarsened to 100 µs

// What a visitor types, one checkField() call per keystroke (prefixes of the final value).
export const FIELDS = [
  { label: 'email while typing (each prefix of "jean.dupont@gmial.com")', field: 'email', final: 'jean.dupont@gmial.com' },
  { label: 'first name "Élodie"', field: 'first_name', final: 'Élodie' },
  { label: 'company "Northwind Analytics GmbH" (email in the lead)', field: 'company', final: 'Northwind Analytics GmbH',
    lead: { email: 'e.martin@northwind-analytics.de' } },
  { label: 'phone "+33 6 12 34 56 78" (country FR)', field: 'phone', final: '+33 6 12 34 56 78', lead: { country: 'FR' } },
];

// Runs in Node and, serialised, in the page: per-call µs of single calls and of batches.
export function timeCheckField(scorer, fields, calls, batch) {
  const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
  const out = [];
  for (const f of fields) {
    const prefixes = Array.from({ length: [...f.final].length }, (_, i) => [...f.final].slice(0, i + 1).join(''));
    const options = f.lead ? { lead: f.lead } : {};
    for (let i = 0; i < 2000; i += 1) scorer.checkField(f.field, prefixes[i % prefixes.length], options);
    const single = [];
    for (let i = 0; i < calls; i += 1) {
      const t0 = performance.now();
      scorer.checkField(f.field, prefixes[i % prefixes.length], options);
      single.push((performance.now() - t0) * 1000);
    }
    const batches = [];
    for (let b = 0; b < calls / batch; b += 1) {
      const t0 = performance.now();
      for (let i = 0; i < batch; i += 1) scorer.checkField(f.field, prefixes[(b * batch + i) % prefixes.length], options);
      batches.push(((performance.now() - t0) * 1000) / batch);
    }
    single.sort((a, b) => a - b);
    batches.sort((a, b) => a - b);
    out.push({ label: f.label, median: pct(single, 50), p99: pct(single, 99), batchMedian: pct(batches, 50), batchP99: pct(batches, 99) });
  }
  return out;
}

async function inNode(calls) {
  const { createScorer } = await import(pathToFileURL(path.join(root, 'bindings/js/node.mjs')).href);
  const scorer = await createScorer();
  try {
    return timeCheckField(scorer, FIELDS, calls, BATCH);
  } finally {
    scorer.dispose();
  }
}

async function inChromium(calls) {
  if (!fs.existsSync('/usr/bin/chromium')) return null;
  const { chromium } = await import('playwright-core');
  const server = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs')], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise((resolve, reject) => {
    let text = '';
    server.stdout.on('data', (c) => { text += c; const m = text.match(/http:\/\/127\.0\.0\.1:(\d+)\//); if (m) resolve(`http://127.0.0.1:${m[1]}`); });
    server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/web-demo/`);
    await page.waitForSelector('form[data-ready]');
    const version = browser.version();
    // The page's CSP has no 'unsafe-eval', so the timing loop is written out here (Playwright's
    // evaluate is not subject to the CSP) rather than passed as text: it is timeCheckField's loop.
    const rows = await page.evaluate(async ({ fields, calls, batch }) => {
      const { createScorer } = await import('leadscore'); // the page's import map
      const scorer = await createScorer();
      const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
      const out = [];
      try {
        for (const f of fields) {
          const chars = [...f.final];
          const prefixes = chars.map((_, i) => chars.slice(0, i + 1).join(''));
          const options = f.lead ? { lead: f.lead } : {};
          for (let i = 0; i < 2000; i += 1) scorer.checkField(f.field, prefixes[i % prefixes.length], options);
          const batches = [];
          for (let b = 0; b < calls / batch; b += 1) {
            const t0 = performance.now();
            for (let i = 0; i < batch; i += 1) scorer.checkField(f.field, prefixes[(b * batch + i) % prefixes.length], options);
            batches.push(((performance.now() - t0) * 1000) / batch);
          }
          batches.sort((a, b) => a - b);
          out.push({ label: f.label, batchMedian: pct(batches, 50), batchP99: pct(batches, 99) });
        }
      } finally {
        scorer.dispose();
      }
      return out;
    }, { fields: FIELDS, calls, batch: BATCH });
    // Cold start: a fresh browser context (empty HTTP and code caches) on a page of the server
    // that loads nothing, then import the entry point and create the first scorer; median of 5.
    const cold = {};
    for (const [name, entry] of [['leadscore', '/bindings/js/browser.mjs'], ['leadscore/form', '/bindings/js/form-browser.mjs']]) {
      const times = [];
      for (let run = 0; run < 5; run += 1) {
        const context = await browser.newContext();
        const blank = await context.newPage();
        await blank.goto(`${base}/examples/models/default.json`);  // a document that loads nothing
        times.push(await blank.evaluate(async (url) => {
          const t0 = performance.now();
          const { createScorer } = await import(url);
          (await createScorer()).dispose();
          return performance.now() - t0;
        }, entry));
        await context.close();
      }
      times.sort((a, b) => a - b);
      cold[name] = times[2];
    }
    // Where the form module's cold start goes, each step timed alone in a fresh context: the
    // .wasm's bytes are fetched first (untimed), then compiled without instantiating (V8 compiles
    // lazily: this validates), then the first createScorer() from those bytes (instantiate, the
    // glue's set-up, each function compiled on its first call, the default model parsed in
    // baseline code), a second createScorer() (the model alone, in code compiled by then) and the
    // first score() and checkField().
    const steps = [];
    for (let run = 0; run < 5; run += 1) {
      const context = await browser.newContext();
      const blank = await context.newPage();
      await blank.goto(`${base}/examples/models/default.json`);
      steps.push(await blank.evaluate(async ([url, wasmUrl]) => {
        const api = await import(url);
        const bytes = await (await fetch(wasmUrl)).arrayBuffer();
        const t = [performance.now()];
        await WebAssembly.compile(bytes);
        t.push(performance.now());
        api.setWasmSource(bytes);
        (await api.createScorer()).dispose();
        t.push(performance.now());
        const scorer = await api.createScorer();
        t.push(performance.now());
        scorer.score({ email: 'jane.doe@northwind.example', first_name: 'Jane', company: 'Northwind' }, { now: '2026-11-23T09:30:00Z' });
        t.push(performance.now());
        scorer.checkField('email', 'jane.doe@gmial.com');
        t.push(performance.now());
        scorer.dispose();
        return t.slice(1).map((x, i) => x - t[i]);
      }, ['/bindings/js/form-browser.mjs', '/dist/leadscore-form.wasm']));
      await context.close();
    }
    const coldSteps = steps[0].map((_, i) => steps.map((s) => s[i]).sort((a, b) => a - b)[2]);
    return { version, rows, cold, coldSteps };
  } finally {
    await browser.close();
    server.kill();
  }
}

// The sections of a data pack file: name, raw bytes (to the next section's offset) and gzip -9.
function packSections(bytes) {
  const headerLength = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.subarray(12, 12 + headerLength).toString('utf8'));
  const payload = bytes.subarray(Math.ceil((12 + headerLength) / 4) * 4);
  const entries = Object.entries(header.sections).sort((a, b) => a[1].offset - b[1].offset);
  return entries.map(([name, s], i) => {
    const part = payload.subarray(s.offset, i + 1 < entries.length ? entries[i + 1][1].offset : payload.length);
    return { name, raw: part.length, gzip: gzipSync(part, { level: 9 }).length };
  });
}

export async function runChecksBench({ calls = 20000 } = {}) {
  const node = await inNode(calls);
  const chromium = await inChromium(calls).catch((e) => ({ error: String(e.message ?? e).split('\n')[0] }));
  const us = (x) => x.toFixed(2);
  const lines = [`checkField latency (default model, ${calls.toLocaleString('en-US')} calls per field after 2,000 warm-up calls; µs per call):`, '',
    '| Field | Node median | Node p99 | Node median / p99 of 50-call batches | Chromium median / p99 of 50-call batches |', '|---|---:|---:|---:|---:|'];
  for (const [i, r] of node.entries()) {
    const c = chromium?.rows?.[i];
    lines.push(`| ${r.label} | ${us(r.median)} | ${us(r.p99)} | ${us(r.batchMedian)} / ${us(r.batchP99)} | ${c ? `${us(c.batchMedian)} / ${us(c.batchP99)}` : 'n/a'} |`);
  }
  if (chromium?.cold) {
    lines.push('', 'Cold start in Chromium (a fresh browser context, import of the entry point + first createScorer(), from the local server; median of 5): '
      + Object.entries(chromium.cold).map(([name, ms]) => `\`${name}\` ${ms.toFixed(1)} ms`).join(', ') + '.');
  }
  if (chromium?.coldSteps) {
    const [compile, first, again, score, check] = chromium.coldSteps.map((ms) => ms.toFixed(1));
    lines.push('', 'Where `leadscore/form`\'s cold start goes in Chromium (each step timed alone, fresh context, the .wasm already downloaded; median of 5): '
      + `compile (validation; V8 compiles each function on its first call) ${compile} ms, first createScorer() from the bytes (instantiate, `
      + `glue set-up, the functions it calls compiled, the default model parsed) ${first} ms, a second createScorer() ${again} ms, `
      + `the first score() ${score} ms, the first checkField() ${check} ms.`);
  }
  if (chromium?.version) lines.push('', `Chromium ${chromium.version} (headless, playwright-core).`);
  if (chromium?.error) lines.push('', `Chromium not measured: ${chromium.error}`);
  // The data packs (docs/data-packs.md): every table of the checks.
  lines.push('', 'Data packs (dist/data/; every reference table of the checks, docs/data-packs.md):', '',
    '| Pack | free-mail domains | disposable domains | suffix rules | raw | gzip -9 |', '|---|---:|---:|---:|---:|---:|');
  for (const tier of ['lite', 'full']) {
    const bytes = fs.readFileSync(path.join(root, 'dist/data', `${tier}.bin`));
    const { sections } = JSON.parse(bytes.subarray(12, 12 + bytes.readUInt32LE(8)).toString('utf8'));
    const n = (x) => x.toLocaleString('en-US');
    lines.push(`| ${tier} | ${n(sections.free_domains.entries)} | ${n(sections.disposable_domains.entries)} | ${n(sections.public_suffixes.entries)} | `
      + `${n(bytes.length)} B | ${n(gzipSync(bytes, { level: 9 }).length)} B |`);
  }
  const lite = packSections(fs.readFileSync(path.join(root, 'dist/data/lite.bin')));
  lines.push('', 'Sections of the lite pack (each compressed alone):', '', '| Section | raw | gzip -9 |', '|---|---:|---:|');
  for (const t of lite) lines.push(`| ${t.name} | ${t.raw.toLocaleString('en-US')} B | ${t.gzip.toLocaleString('en-US')} B |`);
  for (const e of await entrySizes()) {
    lines.push('', `\`${e.name}\` in a browser now (JS + ${e.wasmFile}): ${e.total.raw.toLocaleString('en-US')} B raw, ${e.total.gzip.toLocaleString('en-US')} B gzip -9 (the JS and the .wasm apart are in the Results above).`);
  }
  return lines.join('\n');
}

export function writeChecksBlock(block) {
  const start = '<!-- bench-checks:start -->';
  const end = '<!-- bench-checks:end -->';
  let doc = fs.readFileSync(docPath, 'utf8');
  const fresh = `${start}\n${block}\n${end}`;
  const i = doc.indexOf(start); const j = doc.indexOf(end);
  doc = i >= 0 && j > i ? doc.slice(0, i) + fresh + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${fresh}\n`;
  fs.writeFileSync(docPath, doc);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const calls = args.includes('--calls') ? Number(args[args.indexOf('--calls') + 1]) : 20000;
  const block = await runChecksBench({ calls });
  process.stdout.write(`${block}\n`);
  if (args.includes('--write')) writeChecksBlock(block);
}
