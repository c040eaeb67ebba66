// Runs leads through `leadscore check` (the native CLI's form-check command) for the golden vector
// and differential runners. The command has the same record-in/record-out rules as `score`: one
// JSON line per record, {"record":...,"result":<check_lead result>} or {"record":...,"error":...}.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from './support.mjs';

/**
 * Checks leads (objects) with `leadscore check --model M --now NOW --lang LANG FILE` and returns,
 * per line, {text} (the exact result JSON text) or {error}.
 */
export function checkLeadsWithCli(modelText, leads, now, lang = 'en') {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'model.json'), modelText);
  writeFileSync(path.join(dir, 'leads.jsonl'), leads.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const args = ['check', '--model', path.join(dir, 'model.json'), '--now', now];
  if (lang !== 'en') args.push('--lang', lang);
  args.push(path.join(dir, 'leads.jsonl'));
  const r = runCli(args);
  assert.ok(r.status === 0 || r.status === 1, `leadscore check failed (${r.status}): ${r.stderr}`);
  return r.stdout.trimEnd().split('\n').map((line) => {
    const marker = line.indexOf('"result":');
    if (marker < 0) return { error: JSON.parse(line).error };
    return { text: line.slice(marker + '"result":'.length, -1) };
  });
}
