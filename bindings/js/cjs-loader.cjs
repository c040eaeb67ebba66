// How the CommonJS entry points start a module: the one ES module of dist/ is imported on first
// use (the factory is asynchronous anyway) and given the .wasm read from the package, so the
// package ships each module once.
'use strict';
const path = require('node:path');
const { readFile } = require('node:fs/promises');

/** A loader for makeApi() of dist/NAME.mjs and dist/NAME.wasm. */
function cjsLoader(name) {
  return async (source) => {
    const { default: createModule } = await import(`../../dist/${name}.mjs`);
    const bytes = source instanceof ArrayBuffer || ArrayBuffer.isView(source)
      ? source
      : await readFile(source ?? path.join(__dirname, `../../dist/${name}.wasm`));
    return createModule({ wasmBinary: bytes });
  };
}

/** The full data pack's bytes, read from the package (see node-loader.mjs). */
function cjsDefaultData() {
  return () => readFile(path.join(__dirname, '../../dist/data/full.bin'));
}

module.exports = { cjsDefaultData, cjsLoader };
