// Post-processes the Emscripten 3.1.6 glue (Debian's).
// Usage: node scripts/patch-glue.mjs NODE_GLUE WEB_GLUE OUT.CJS OUT.MJS
//   NODE_GLUE  the link for web, worker and Node -> OUT.CJS (the Node entry points' module)
//   WEB_GLUE   the link for web and worker only  -> OUT.MJS (the browser entry point's ES module)
//
// With -sSINGLE_FILE the wasm is embedded as a data: URI, yet 3.1.6's getBinaryPromise() still
// fetch()es that URI in browsers before falling back to decoding it. Under a strict CSP
// (connect-src 'self') the fetch is a violation and logs errors. Newer Emscripten skips fetch for
// data: URIs; this applies the same one-condition change. The build fails if the glue no longer
// contains the expected code, so a toolchain update cannot silently drop the fix, and it fails if
// a glue would install process-wide Node handlers or (browser glue) require a Node module.
import { readFileSync, writeFileSync } from 'node:fs';

const [nodeGlue, webGlue, outCjs, outMjs] = process.argv.slice(2);
if (!outMjs) {
  console.error('usage: node scripts/patch-glue.mjs NODE_GLUE WEB_GLUE OUT.CJS OUT.MJS');
  process.exit(2);
}

function fail(message) {
  console.error(`patch-glue: ${message}`);
  process.exit(1);
}

function patched(file) {
  const glue = readFileSync(file, 'utf8');
  const before = 'if(typeof fetch=="function"){return fetch(wasmBinaryFile';
  const after = 'if(typeof fetch=="function"&&!isDataURI(wasmBinaryFile)){return fetch(wasmBinaryFile';
  const count = glue.split(before).length - 1;
  if (count !== 1) fail(`expected the data: URI fetch once in ${file}, found it ${count} times; check the Emscripten version`);
  // A host application keeps its own error handling (wasm/CMakeLists.txt: NODEJS_CATCH_*=0).
  if (/process\[?["'.]?on["']?\]?\(\s*["'](uncaughtException|unhandledRejection)/.test(glue)) {
    fail(`${file} installs a process-wide uncaughtException/unhandledRejection handler`);
  }
  return glue.replace(before, after);
}

writeFileSync(outCjs, patched(nodeGlue));

const web = patched(webGlue);
const nodeModule = web.match(/require\(\s*["'][^"']+["']\s*\)/);
if (nodeModule) fail(`the browser glue ${webGlue} still has ${nodeModule[0]}: bundlers would need Node polyfills`);
// Browsers cannot load CommonJS: the glue with an ES export appended.
writeFileSync(outMjs, `${web}\nexport default createLeadscoreModule;\n`);
