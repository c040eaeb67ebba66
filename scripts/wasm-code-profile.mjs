#!/usr/bin/env node
// What a .wasm module is made of: its code by part of the engine (raw bytes and gzip -9 of each
// part's function bodies compressed together), its data, and with --top N the N largest functions.
// For planning size work on the browser modules (issue 14; docs/benchmarks.md, "What the form
// module is made of").
//
// The module must carry function names, which the shipped builds leave out. Build one with names
// beside the usual build (same flags as scripts/build.sh, plus --profiling-funcs at link time):
//   NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B build/wasm-form-names -DCMAKE_BUILD_TYPE=MinSizeRel \
//     -DCMAKE_CXX_FLAGS_MINSIZEREL="-Oz -DNDEBUG -flto" \
//     -DCMAKE_EXE_LINKER_FLAGS_MINSIZEREL="-flto --profiling-funcs" -DLEADSCORE_DATA_TIER=lite
//   NODE_PATH=/usr/share/nodejs cmake --build build/wasm-form-names -j2 --target leadscore_form_wasm
//   node scripts/wasm-code-profile.mjs build/wasm-form-names/wasm/leadscore_form_wasm.wasm [--top 30]
// Names only label the code: the function bodies are those of the shipped build.
//
// The parts are told apart by the functions' names, first matching rule wins. Link-time
// optimisation inlines small functions into their callers, so a part's figure is the code of the
// functions that kept their own body; the grand totals are exact.
import fs from 'node:fs';
import zlib from 'node:zlib';

const PARTS = [
  ['nlohmann::json itself (parser, lexer, serializer, its map and value operations)',
    /^(\w+ )*nlohmann::|^(\w+ )*std::__2::(map|__tree|vector)<.*nlohmann/],
  ['JsonLogic (compiler, both evaluators, operators, JavaScript semantics)', /^(\w+ )*leadscore::(logic_detail|js)::|^leadscore::Logic::|SlotNames|FieldSlots/],
  ['form checks (email, names, company, phone, keyboard runs, suffixes, domain lists)',
    /^(\w+ )*leadscore::checks::|check_field|check_lead|CheckConfig|legal_terms/],
  ['model loading (the builder, section readers, model sets, feedback, describe)',
    /ModelBuilder|model_detail|build_model_set|read_feedback|FeedbackInput|Model::|describe|parse_grade|parse_language/],
  ['engagement (events, their cleaning, decay, engagement rules)', /Engagement|UsedEvent|clean_events|EventList|decay|EventOrder|\(anonymous namespace\)::clean\(/],
  ['data packs (reading, look-ups)', /DataPack|data_pack|built_in_data|read_front_coded|FrontCoded/],
  ['the wasm bindings and embind', /leadscore::wasm::|emscripten|embind|__getTypeName/],
  ['scoring, grading, routing, results, submissions, verify (the rest of leadscore::)', /leadscore::/],
  ['libc++ (std::, the C++ runtime)', /^(\w+ )*std::|__cxxabiv1|^operator new|^operator delete/],
];
const REST = 'libc and compiler-rt (strtod, printf, malloc, 128-bit float arithmetic)';

/** The function bodies, data and function names of a .wasm file. */
function readModule(bytes) {
  let at = 8;  // after the magic and version
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const skipName = () => {
    const length = leb();  // read before `at` is: leb() moves it past the length's own bytes
    at += length;
  };
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  let data = Buffer.alloc(0);
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 2) {  // imports: functions come first in the function index space
      for (let n = leb(); n > 0; n--) {
        skipName();
        skipName();
        const kind = bytes[at++];
        if (kind === 0) { leb(); importedFunctions++; }
        else if (kind === 1) { at++; if (leb() & 1) { leb(); } leb(); }  // table: type, limits
        else if (kind === 2) { if (leb() & 1) { leb(); } leb(); }        // memory: limits
        else if (kind === 3) at += 2;                                    // global: type, mutability
      }
    } else if (id === 10) {  // code
      for (let n = leb(); n > 0; n--) {
        const length = leb();
        bodies.push(bytes.subarray(at, at + length));
        at += length;
      }
    } else if (id === 11) {  // data
      data = bytes.subarray(at, end);
    } else if (id === 0) {   // custom: the "name" section's function names
      const nameLength = leb();
      const sectionName = bytes.subarray(at, at + nameLength).toString('utf8');
      at += nameLength;
      while (sectionName === 'name' && at < end) {
        const sub = bytes[at++];
        const subLength = leb();
        const subEnd = at + subLength;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            const length = leb();
            names.set(index, bytes.subarray(at, at + length).toString('utf8'));
            at += length;
          }
        }
        at = subEnd;
      }
    }
    at = end;
  }
  const functions = bodies.map((body, i) => ({ name: names.get(importedFunctions + i) ?? '', body }));
  return { functions, data, named: names.size > 0 };
}

const gzip = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;
const n = (x) => x.toLocaleString('en-US');

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 0;
if (!file) {
  console.error('usage: node scripts/wasm-code-profile.mjs MODULE.wasm [--top N]');
  process.exit(2);
}
const { functions, data, named } = readModule(fs.readFileSync(file));
if (!named) {
  console.error(`wasm-code-profile: ${file} has no function names: link it with --profiling-funcs (see the top of this script)`);
  process.exit(2);
}
const byPart = new Map([...PARTS.map(([part]) => [part, []]), [REST, []]]);
for (const f of functions) byPart.get(PARTS.find(([, pattern]) => pattern.test(f.name))?.[0] ?? REST).push(f.body);
const code = Buffer.concat(functions.map((f) => f.body));
console.log(`| ${file} | raw | gzip -9 |`);
console.log('|---|---:|---:|');
console.log(`| code: ${n(functions.length)} functions | ${n(code.length)} B | ${n(gzip(code))} B |`);
for (const [part, bodies] of byPart) {
  const bytes = Buffer.concat(bodies);
  console.log(`| - ${part} | ${n(bytes.length)} B | ${n(gzip(bytes))} B |`);
}
console.log(`| data (the built-in data pack, messages, labels, the default model, tables) | ${n(data.length)} B | ${n(gzip(data))} B |`);
if (top > 0) {
  console.log('\nLargest functions (raw bytes):');
  for (const f of [...functions].sort((a, b) => b.body.length - a.body.length).slice(0, top))
    console.log(`${String(f.body.length).padStart(8)}  ${f.name.slice(0, 150)}`);
}
