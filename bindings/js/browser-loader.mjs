// How browser entry points start a module: the glue fetches the .wasm and compiles it as it
// streams in (instantiateStreaming needs the server to send it as application/wasm; otherwise the
// glue falls back to compiling the whole download, with a console warning).
export function browserLoader(createModule, wasmUrl) {
  return (source) => {
    if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return createModule({ wasmBinary: source });
    const url = source === undefined ? wasmUrl() : String(source);
    return createModule({ locateFile: () => url });
  };
}
