// Writes the data pack of a tier to a file (docs/data-packs.md).
//   node make-data-pack.mjs <node_modules> <lite|full> <out.bin>
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { buildDataPack } from './data-pack.mjs';

const [nodeModules, tier, outFile] = process.argv.slice(2);
if (!outFile) {
  console.error('usage: node make-data-pack.mjs <node_modules> <lite|full> <out.bin>');
  process.exit(2);
}
const pack = await buildDataPack(nodeModules, tier, (note) => console.error(`make-data-pack: ${note}`));
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, pack);
