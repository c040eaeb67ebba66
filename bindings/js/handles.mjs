// The C++ objects of a wasm module (a scorer's compiled model, a loaded data pack) as JavaScript
// holds them. The module binds each object's methods as functions named `<Type>_<method>` that
// take the object's handle first (wasm/handle_binding.h: lighter glue than an embind class); a
// handle object gives them back the shape of an object: handle.score(...), handle.delete().
import { LeadscoreError } from './errors.mjs';

const methodsOf = new WeakMap(); // module -> Map(type -> [[method, function]])

function methods(module, type) {
  let types = methodsOf.get(module);
  if (!types) methodsOf.set(module, (types = new Map()));
  let list = types.get(type);
  if (!list) {
    const prefix = `${type}_`;
    list = Object.keys(module)
      .filter((key) => key.startsWith(prefix) && key !== `${prefix}new` && key !== `${prefix}delete`)
      .map((key) => [key.slice(prefix.length), module[key]]);
    types.set(type, list);
  }
  return list;
}

/**
 * A new `type` object ("Scorer" or "DataPack") in `module`: an object with its methods (those the
 * module has: the form module's Scorer has fewer), `address` (what another object's method takes
 * to use it) and delete(), which frees it; after delete() every method throws.
 */
export function newHandle(module, type) {
  let self = module[`${type}_new`]();
  const live = () => {
    if (!self) throw new LeadscoreError('handle_deleted', `this ${type} was freed`);
    return self;
  };
  const handle = {
    get address() { return live(); },
    delete() {
      if (!self) return;
      module[`${type}_delete`](self);
      self = 0;
    },
  };
  for (const [method, call] of methods(module, type)) handle[method] = (...args) => call(live(), ...args);
  return handle;
}
