// bindings/js/handles.mjs: a wasm object's functions (`<Type>_<method>(handle, ...)`, see
// wasm/handle_binding.h) given back the shape of an object. Against a stand-in module, so that
// every path is seen: each method gets the handle first, delete() frees once, and a freed handle
// is never passed to the module again (the module would read freed memory).
import assert from 'node:assert/strict';
import test from 'node:test';

import { newHandle } from '../../bindings/js/handles.mjs';

function standIn() {
  const calls = [];
  let next = 16;
  const module = {
    Scorer_new: () => { next += 16; calls.push(['new', next]); return next; },
    Scorer_delete: (self) => calls.push(['delete', self]),
    Scorer_score: (self, lead, now) => { calls.push(['score', self, lead, now]); return `scored by ${self}`; },
    Scorer_info: (self) => `info of ${self}`,
    DataPack_new: () => 1000,
    DataPack_delete: () => {},
    DataPack_load: (self, at, size) => `${self} loaded ${size} bytes at ${at}`,
    HEAPU8: new Uint8Array(4),
  };
  return { module, calls };
}

test('a handle has its type\'s methods, each called with the handle first', () => {
  const { module, calls } = standIn();
  const a = newHandle(module, 'Scorer');
  const b = newHandle(module, 'Scorer');
  assert.deepEqual(Object.keys(a).filter((k) => k !== 'address' && k !== 'delete').sort(), ['info', 'score']);
  assert.equal(a.score('{}', 'now'), 'scored by 32');
  assert.equal(b.info(), 'info of 48');
  assert.equal(a.address, 32);
  const pack = newHandle(module, 'DataPack');
  assert.equal(pack.load(8, 3), '1000 loaded 3 bytes at 8');
  assert.equal(pack.score, undefined);  // another type's methods are not mixed in
  assert.deepEqual(calls, [['new', 32], ['new', 48], ['score', 32, '{}', 'now']]);
});

test('delete() frees once; a freed handle throws handle_deleted instead of reaching the module', () => {
  const { module, calls } = standIn();
  const h = newHandle(module, 'Scorer');
  h.delete();
  h.delete();
  assert.deepEqual(calls, [['new', 32], ['delete', 32]]);
  for (const use of [() => h.score('{}', 'now'), () => h.address]) {
    assert.throws(use, (e) => e.code === 'handle_deleted' && e.message === 'this Scorer was freed');
  }
  assert.deepEqual(calls, [['new', 32], ['delete', 32]]);
});
