// Turns an Emscripten 3.1.6 (Debian's) link into what dist/ ships for one module: an ES module
// (the glue plus two exports) and the .wasm file beside it.
// Usage: node scripts/patch-glue.mjs GLUE.js MODULE.wasm OUT_DIR NAME
//   -> OUT_DIR/NAME.mjs and OUT_DIR/NAME.wasm
//        node scripts/patch-glue.mjs --node-program GLUE.js MODULE.wasm OUT_DIR NAME
//   -> OUT_DIR/NAME.cjs and OUT_DIR/NAME.wasm: a program for Node (the CLI of `npx leadscore`).
//      3.1.6 compiles a Node program's .wasm with fetch() whenever fetch exists (Node 18+), and
//      fetch() cannot read a file path: the one condition gets "&& !ENVIRONMENT_IS_NODE", so the
//      glue reads the file as it did before Node had fetch.
//
// The ES module exports the glue's factory (default) and wasmUrl(): the URL of NAME.wasm beside
// the module, written as new URL('./NAME.wasm', import.meta.url) so that bundlers that know the
// pattern (webpack 5) copy the file and rewrite the URL, and browsers without a bundler fetch it
// from beside the module. The build fails if the glue would install process-wide Node handlers
// or require a Node module (bundlers targeting browsers would then need polyfills), or if it
// still carries an embedded (base64) binary.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const nodeProgram = args[0] === '--node-program';
const [gluePath, wasmPath, outDir, name] = nodeProgram ? args.slice(1) : args;
if (!name) {
  console.error('usage: node scripts/patch-glue.mjs [--node-program] GLUE.js MODULE.wasm OUT_DIR NAME');
  process.exit(2);
}

function fail(message) {
  console.error(`patch-glue: ${message}`);
  process.exit(1);
}

const glue = readFileSync(gluePath, 'utf8');
// A host application keeps its own error handling (wasm/CMakeLists.txt: NODEJS_CATCH_*=0).
if (/process\[?["'.]?on["']?\]?\(\s*["'](uncaughtException|unhandledRejection)/.test(glue)) {
  fail(`${gluePath} installs a process-wide uncaughtException/unhandledRejection handler`);
}
if (nodeProgram) {
  const before = '&&typeof fetch=="function"){return fetch(wasmBinaryFile';
  const count = glue.split(before).length - 1;
  if (count !== 1) fail(`expected the streaming fetch once in ${gluePath}, found it ${count} times; check the Emscripten version`);
  writeFileSync(path.join(outDir, `${name}.cjs`), glue.replace(before, '&&typeof fetch=="function"&&!ENVIRONMENT_IS_NODE){return fetch(wasmBinaryFile'));
  copyFileSync(wasmPath, path.join(outDir, `${name}.wasm`));
  process.exit(0);
}
const nodeModule = glue.match(/require\(\s*["'][^"']+["']\s*\)/);
if (nodeModule) fail(`${gluePath} has ${nodeModule[0]}: bundlers would need Node polyfills`);
if (/wasmBinaryFile\s*=\s*["']data:/.test(glue)) fail(`${gluePath} embeds its binary (SINGLE_FILE)`);
if (!glue.includes('function createLeadscoreModule(') && !glue.includes('var createLeadscoreModule')) {
  fail(`${gluePath} does not define createLeadscoreModule; check EXPORT_NAME`);
}

const wasmFile = `${name}.wasm`;
const footer = `
export default createLeadscoreModule;
/** The URL of ${wasmFile}, beside this module (or where a bundler put it). */
export function wasmUrl() {
  return new URL('./${wasmFile}', import.meta.url).href;
}
`;
writeFileSync(path.join(outDir, `${name}.mjs`), `${glue}\n${footer}`);
copyFileSync(wasmPath, path.join(outDir, wasmFile));
