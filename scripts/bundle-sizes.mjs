// What a browser downloads for each entry point of the package: the JavaScript (the API and the
// module's glue, bundled and minified by esbuild as an app would) and the module's .wasm file,
// raw and gzip -9. Used by `npm run bench` (docs/benchmarks.md) and the size budget tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ENTRIES = [
  { name: 'leadscore', entry: 'bindings/js/browser.mjs', wasm: 'dist/leadscore.wasm' },
  { name: 'leadscore/form', entry: 'bindings/js/form-browser.mjs', wasm: 'dist/leadscore-form.wasm' },
];

const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;

/** [{name, js: {raw, gzip}, wasm: {raw, gzip}, total: {raw, gzip}}] for ENTRIES. */
export async function entrySizes() {
  const esbuild = await import('esbuild');
  const out = [];
  for (const e of ENTRIES) {
    const built = await esbuild.build({
      entryPoints: [path.join(root, e.entry)], bundle: true, format: 'esm', platform: 'browser', minify: true,
      write: false, logLevel: 'silent',
    });
    const js = built.outputFiles[0].contents;
    const wasm = fs.readFileSync(path.join(root, e.wasm));
    const sizes = { js: { raw: js.length, gzip: gzip(js) }, wasm: { raw: wasm.length, gzip: gzip(wasm) } };
    sizes.total = { raw: sizes.js.raw + sizes.wasm.raw, gzip: sizes.js.gzip + sizes.wasm.gzip };
    out.push({ name: e.name, wasmFile: e.wasm, ...sizes });
  }
  return out;
}
