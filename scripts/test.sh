#!/usr/bin/env bash
# `npm test`: set up what is missing, build everything, run every suite. Fails on the first failing
# step; each step says what it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s\n' "$*"; }

step "setup"
bash scripts/setup.sh
step "build (native, wasm, sanitized)"
bash scripts/build.sh all

step "Catch2 suite, native (ctest)"
ctest --test-dir build/native --output-on-failure -j2
step "Catch2 suite with AddressSanitizer + UBSan (ctest)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan --output-on-failure -j2
step "fuzz targets, smoke run (every target 3 s over its seed corpus, ASan + UBSan; docs/testing.md)"
bash scripts/fuzz.sh --smoke

step "CMake package consumer (find_package(leadscore))"
bash tests/consumer/run.sh

step "TypeScript declarations (tsc --noEmit on a consumer file)"
node_modules/.bin/tsc -p tests/types/tsconfig.json

step "Node test runner (npm package, CLI, cross-runtime vectors, browser)"
node --test --test-concurrency=2 tests/js/
