// How Node entry points start a module: the .wasm is read from the package (or from the source
// given to setWasmSource()) and handed to the glue, which then fetches nothing.
import { readFile } from 'node:fs/promises';

export function nodeLoader(createModule, wasmFile) {
  return async (source) => {
    const bytes = source instanceof ArrayBuffer || ArrayBuffer.isView(source) ? source : await readFile(source ?? wasmFile);
    return createModule({ wasmBinary: bytes });
  };
}

/** The full data pack's bytes, read from the package (Node scorers use it unless told otherwise). */
export function nodeDefaultData(packFile) {
  return () => readFile(packFile);
}
