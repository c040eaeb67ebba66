// Shared helpers for the node:test suites: paths, the golden vectors, and running the native CLI.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = process.env.LEADSCORE_CLI ?? path.join(repoRoot, 'build/native/bindings/cli/leadscore');
export const sharedDir = process.env.LEADSCORE_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
export const defaultModelText = readFileSync(path.join(repoRoot, 'examples/models/default.json'), 'utf8');

/** Every golden vector as {name, ...case}, sorted by file name. */
/** The golden vectors' file names as tests/vectors/MANIFEST lists them (scripts/vector-manifest.mjs). */
export function vectorManifest() {
  return readFileSync(path.join(repoRoot, 'tests/vectors/MANIFEST'), 'utf8').split('\n').filter(Boolean);
}

export function loadVectors() {
  const dir = path.join(repoRoot, 'tests/vectors');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f, ...JSON.parse(readFileSync(path.join(dir, f), 'utf8')) }));
}

/** The model text of a vector (inline model or the bundled default). */
export function vectorModelText(v) {
  return v.model_ref === 'default' ? defaultModelText : JSON.stringify(v.model);
}

/** Asserts a result against a vector's `expected` subset (README of tests/vectors). */
export function assertExpected(result, expected, label) {
  for (const [key, want] of Object.entries(expected)) {
    assert.ok(key in result, `${label}: result has no "${key}"`);
    const got = key === 'warnings' ? result.warnings.map(({ code, path: p }) => ({ code, path: p })) : result[key];
    assert.deepStrictEqual(got, want, `${label}: "${key}" differs`);
  }
}

export function tempDir() {
  return mkdtempSync(path.join(tmpdir(), 'leadscore-test-'));
}

/** Runs the native CLI; returns {status, stdout, stderr}. */
export function runCli(args, input) {
  const r = spawnSync(cliPath, args, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return r;
}

const isObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);

/** The id the CLI joins events on: the lead's `id`, else its `lead_id` (a non-empty string or a number). */
function ownLeadId(lead) {
  if (!isObject(lead)) return undefined;
  for (const key of ['id', 'lead_id']) {
    const v = lead[key];
    if (typeof v === 'string' && v !== '') return v;
    if (typeof v === 'number') return String(v);
  }
  return undefined;
}

/**
 * Scores JSON-lines leads with the native CLI and returns, per line, the exact result JSON text
 * (or the error object). The CLI writes {"record":{...},"result":<result>} with keys sorted, so the
 * result's bytes are everything after "result": up to the final brace.
 *
 * `extraArgs` are more CLI flags (e.g. ['--detail', 'summary']).
 *
 * `events`, optional, has one entry per lead: that lead's events array (or null/undefined for none).
 * They go to `--events` as a JSON-lines file, each event carrying its lead's id as `lead_id`. A lead
 * that is an object without an `id`/`lead_id` is given `lead_id` "v000001", "v000002", ... (by
 * position). The file is sorted by lead_id (byte order; stable, so each lead's events keep their
 * order and `event_index` and warning paths are those of the array given). Events must be objects:
 * a JSON-lines event that is not an object cannot carry a lead_id.
 */
export function scoreWithCli(modelText, leads, now, events, extraArgs = []) {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'model.json'), modelText);
  const args = ['score', '--model', path.join(dir, 'model.json'), '--now', now, ...extraArgs];
  let input = leads;
  if (events !== undefined && events !== null) {
    assert.equal(events.length, leads.length, 'scoreWithCli: one events entry per lead');
    const lines = [];
    input = leads.map((lead, i) => {
      const own = ownLeadId(lead);
      const id = own ?? `v${String(i + 1).padStart(6, '0')}`;
      const leadEvents = events[i] ?? [];
      assert.ok(leadEvents.length === 0 || own !== undefined || isObject(lead),
        `scoreWithCli: lead ${i} has events but is not an object`);
      for (const event of leadEvents) {
        assert.ok(isObject(event), `scoreWithCli: an event of lead ${i} is not an object`);
        lines.push({ id, text: JSON.stringify({ ...event, lead_id: id }) });
      }
      return own === undefined && isObject(lead) ? { ...lead, lead_id: id } : lead;
    });
    lines.sort((x, y) => Buffer.compare(Buffer.from(x.id, 'utf8'), Buffer.from(y.id, 'utf8')));
    writeFileSync(path.join(dir, 'events.jsonl'), lines.map((l) => `${l.text}\n`).join(''));
    args.push('--events', path.join(dir, 'events.jsonl'));
  }
  writeFileSync(path.join(dir, 'leads.jsonl'), input.map((l) => JSON.stringify(l)).join('\n') + '\n');
  args.push(path.join(dir, 'leads.jsonl'));
  const r = runCli(args);
  assert.ok(r.status === 0 || r.status === 1, `CLI failed (${r.status}): ${r.stderr}`);
  return r.stdout.trimEnd().split('\n').map((line) => {
    const marker = line.indexOf('"result":');
    if (marker < 0) return { error: JSON.parse(line).error };
    return { text: line.slice(marker + '"result":'.length, -1) };
  });
}

/** Runs npm quietly in `cwd` and returns its stdout. */
export const npm = (args, cwd) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });

/**
 * The package as a user gets it: `npm pack` of the repository, installed (offline) into a new
 * empty project `app` in a temporary folder, whose package.json gets `fields` too. Returns the
 * project's folder.
 */
export function installedPackage(fields = {}) {
  const dir = tempDir();
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], repoRoot));
  const project = path.join(dir, 'app');
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, ...fields }));
  npm(['install', '--offline', '--no-audit', '--no-fund', path.join(dir, packed[0].filename)], project);
  return project;
}
