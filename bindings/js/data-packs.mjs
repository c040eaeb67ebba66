// Data packs on the JS side (docs/data-packs.md): the bytes of a pack file are copied into the
// module's memory once and read there into a pack that scorers share. One pack per bytes object
// (a WeakMap), so many scorers loading the same file parse it once.
import { LeadscoreError, unwrap } from './errors.mjs';
import { newHandle } from './handles.mjs';

const loaded = new WeakMap(); // ArrayBuffer -> {handle, info}
const registry = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry((handle) => handle.delete()) : null;

function asBytes(bytes) {
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  throw new LeadscoreError('data_not_bytes', 'a data pack is the bytes of its file (an ArrayBuffer or a Uint8Array)');
}

/** The module's pack for `bytes`: {handle, info: {tier, version}}; throws LeadscoreError data_invalid. */
export function packFor(module, bytes) {
  const view = asBytes(bytes);
  const cached = loaded.get(view.buffer);
  if (cached && cached.byteOffset === view.byteOffset && cached.byteLength === view.byteLength) return cached;
  const handle = newHandle(module, 'DataPack');
  const at = module._malloc(Math.max(view.length, 1));
  try {
    module.HEAPU8.set(view, at); // HEAPU8 after _malloc: growing the memory replaces it
    const info = JSON.parse(unwrap(handle.load(at, view.length)));
    // `bytes` keeps the buffer, and so the handle (see the registry), alive while the pack object is
    // held, e.g. by the API's default pack; a scorer's model keeps its own reference in the module.
    const pack = { handle, info, bytes: view, byteOffset: view.byteOffset, byteLength: view.byteLength };
    loaded.set(view.buffer, pack);
    registry?.register(view.buffer, handle);
    return pack;
  } catch (error) {
    handle.delete();
    throw error;
  } finally {
    module._free(at);
  }
}
