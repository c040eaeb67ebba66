#!/usr/bin/env node
// tests/vectors/MANIFEST: the exact list of golden vectors, one file name per line (not .json, so
// no loader of vectors mistakes it for one). Every runner (C++, Node, CLI,
// Chromium) checks that it ran exactly these files, so a vector that stops being picked up, or a
// runner that silently loses some, fails the run instead of shrinking it.
//   node scripts/vector-manifest.mjs          check: exit 1 when the directory and the manifest differ
//   node scripts/vector-manifest.mjs --write  rewrite it from the directory (after adding a vector)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'tests/vectors');
const manifestPath = path.join(dir, 'MANIFEST');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

if (process.argv.includes('--write')) {
  fs.writeFileSync(manifestPath, `${files.join('\n')}\n`);
  process.stdout.write(`tests/vectors/MANIFEST: ${files.length} vectors\n`);
} else {
  const listed = fs.readFileSync(manifestPath, 'utf8').split('\n').filter(Boolean);
  const missing = listed.filter((f) => !files.includes(f));
  const extra = files.filter((f) => !listed.includes(f));
  if (missing.length || extra.length) {
    process.stderr.write(`manifest differs: missing ${missing.join(', ') || 'none'}; not listed ${extra.join(', ') || 'none'}\n`);
    process.exit(1);
  }
  process.stdout.write(`${files.length} vectors, as listed\n`);
}
