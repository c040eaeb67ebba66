// Shared helpers for the node:test suites: paths, the golden vectors, and running the native CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = process.env.LEADSCORE_CLI ?? path.join(repoRoot, 'build/native/bindings/cli/leadscore');
export const sharedDir = process.env.LEADSCORE_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
export const defaultModelText = readFileSync(path.join(repoRoot, 'examples/models/default.json'), 'utf8');

/** Every golden vector as {name, ...case}, sorted by file name. */
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

/**
 * Scores JSON-lines leads with the native CLI and returns, per line, the exact result JSON text
 * (or the error object). The CLI writes {"record":{...},"result":<result>} with keys sorted, so the
 * result's bytes are everything after "result": up to the final brace.
 */
export function scoreWithCli(modelText, leads, now) {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'model.json'), modelText);
  writeFileSync(path.join(dir, 'leads.jsonl'), leads.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const r = runCli(['score', '--model', path.join(dir, 'model.json'), '--now', now, path.join(dir, 'leads.jsonl')]);
  assert.ok(r.status === 0 || r.status === 1, `CLI failed (${r.status}): ${r.stderr}`);
  return r.stdout.trimEnd().split('\n').map((line) => {
    const marker = line.indexOf('"result":');
    if (marker < 0) return { error: JSON.parse(line).error };
    return { text: line.slice(marker + '"result":'.length, -1) };
  });
}
