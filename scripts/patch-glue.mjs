// Post-processes the Emscripten 3.1.6 glue (Debian's). Usage: node scripts/patch-glue.mjs IN OUT.CJS OUT.MJS
//
// With -sSINGLE_FILE the wasm is embedded as a data: URI, yet 3.1.6's getBinaryPromise() still
// fetch()es that URI in browsers before falling back to decoding it. Under a strict CSP
// (connect-src 'self') the fetch is a violation and logs errors. Newer Emscripten skips fetch for
// data: URIs; this applies the same one-condition change. The build fails if the glue no longer
// contains the expected code, so a toolchain update cannot silently drop the fix.
import { readFileSync, writeFileSync } from 'node:fs';

const [input, outCjs, outMjs] = process.argv.slice(2);
const glue = readFileSync(input, 'utf8');
const before = 'if(typeof fetch=="function"){return fetch(wasmBinaryFile';
const after = 'if(typeof fetch=="function"&&!isDataURI(wasmBinaryFile)){return fetch(wasmBinaryFile';
const count = glue.split(before).length - 1;
if (count !== 1) {
  console.error(`patch-glue: expected the data: URI fetch once in ${input}, found it ${count} times; check the Emscripten version`);
  process.exit(1);
}
const patched = glue.replace(before, after);
writeFileSync(outCjs, patched);
// Browsers cannot load CommonJS: the same glue with an ES export appended.
writeFileSync(outMjs, `${patched}\nexport default createLeadscoreModule;\n`);
