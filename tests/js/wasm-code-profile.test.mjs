// scripts/wasm-code-profile.mjs (the size profile of docs/benchmarks.md, "What the form module is
// made of") on small modules written here byte by byte: each function body lands in the part its
// name says, counted after the imported functions that share the name section's index space.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';

import { repoRoot } from './support.mjs';

const script = path.join(repoRoot, 'scripts/wasm-code-profile.mjs');

const leb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};
const text = (s) => [...leb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];

/**
 * A module with one imported function, a table and a memory import (so that the import reader
 * must skip every kind), one local function per entry of `bodies` ({name, nops}: a body of that
 * many nops), a data section of `dataBytes` bytes and, unless `names` is false, a name section.
 */
function module({ bodies, dataBytes = 0, names = true }) {
  const imports = [
    ...leb(3),
    ...text('env'), ...text('imported_first'), 0x00, ...leb(0),  // a function of type 0
    ...text('env'), ...text('table'), 0x01, 0x70, 0x01, ...leb(1), ...leb(200),  // funcref, min and max
    ...text('env'), ...text('memory'), 0x02, 0x00, ...leb(256),  // min only
  ];
  const code = [...leb(bodies.length)];
  for (const b of bodies) {
    const body = [0x00, ...Array(b.nops).fill(0x01), 0x0b];  // no locals, nops, end
    code.push(...leb(body.length), ...body);
  }
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [...leb(1), 0x60, 0x00, 0x00]),
    ...section(2, imports),
    ...section(3, [...leb(bodies.length), ...bodies.map(() => 0x00)]),
    ...section(10, code),
    ...section(11, [...leb(1), 0x01, ...leb(dataBytes), ...Array(dataBytes).fill(0x61)]),
  ];
  if (names) {
    const entries = [{ name: 'imported_first' }, ...bodies];
    const functionNames = [...leb(entries.length)];
    entries.forEach((e, i) => functionNames.push(...leb(i), ...text(e.name)));
    // A module-name subsection first (id 0), which the reader must step over.
    const subsections = [0x00, ...leb(text('demo').length), ...text('demo'), 0x01, ...leb(functionNames.length), ...functionNames];
    bytes.push(...section(0, [...text('name'), ...subsections]));
  }
  return Buffer.from(bytes);
}

function withModule(bytes, use) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wasm-code-profile-'));
  try {
    const file = path.join(dir, 'm.wasm');
    writeFileSync(file, bytes);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The raw bytes of a table row whose label starts with `label`.
function rawBytes(output, label) {
  const row = output.split('\n').find((line) => line.startsWith(`| ${label}`));
  assert.ok(row, `no row "${label}" in:\n${output}`);
  return Number(row.split('|')[2].trim().replace(/[ ,B]/g, ''));
}

test('each function body is counted in the part its name belongs to, data apart', () => {
  const bodies = [
    { name: 'nlohmann::json_abi_v3_11_2::detail::parser<...>::parse(bool)', nops: 40 },
    { name: 'leadscore::checks::check_email(std::string_view)', nops: 25 },
    { name: 'strtod', nops: 10 },
    { name: 'leadscore::write_result(leadscore::ScoreResult const&)', nops: 7 },
  ];
  const out = withModule(module({ bodies, dataBytes: 33 }), (file) =>
    execFileSync(process.execPath, [script, file, '--top', '2'], { encoding: 'utf8' }));
  const size = (nops) => nops + 2;  // the locals count and `end` around the nops
  assert.equal(rawBytes(out, 'code: 4 functions'), size(40) + size(25) + size(10) + size(7));
  assert.equal(rawBytes(out, '- nlohmann::json itself'), size(40));
  assert.equal(rawBytes(out, '- form checks'), size(25));
  assert.equal(rawBytes(out, '- libc and compiler-rt'), size(10));
  assert.equal(rawBytes(out, '- scoring, grading, routing'), size(7));
  assert.equal(rawBytes(out, '- JsonLogic'), 0);
  // The data section: its segment count, flags, length and the 33 bytes.
  assert.equal(rawBytes(out, 'data'), 1 + 1 + 1 + 33);
  // The largest functions, by name: the imported function did not shift the names.
  const largest = out.split('Largest functions (raw bytes):\n')[1].trim().split('\n');
  assert.deepEqual(largest.map((line) => line.trim().split(/\s+/)[1]),
    ['nlohmann::json_abi_v3_11_2::detail::parser<...>::parse(bool)', 'leadscore::checks::check_email(std::string_view)']);
});

test('a module without function names is refused with how to get them', () => {
  const r = withModule(module({ bodies: [{ name: 'f', nops: 1 }], names: false }), (file) =>
    spawnSync(process.execPath, [script, file], { encoding: 'utf8' }));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /has no function names: link it with --profiling-funcs/);
});
