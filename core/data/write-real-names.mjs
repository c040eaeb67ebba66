// Writes the real-name lists of name-lists.mjs as one JSON file, for the Catch2 suite that measures
// the name checks' false-positive rates (tests/cpp/checks_names_rates_test.cpp; CMake writes it to
// build/<dir>/data/real-names.json).
//   node write-real-names.mjs <node_modules> <out.json>
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { readNameLists } from './name-lists.mjs';

const [nodeModules, outFile] = process.argv.slice(2);
if (!outFile) {
  console.error('usage: node write-real-names.mjs <node_modules> <out.json>');
  process.exit(2);
}
const { lists, sources } = await readNameLists(nodeModules);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify({ sources, lists })}\n`);
