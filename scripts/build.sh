#!/usr/bin/env bash
# Builds everything: native (library, CLI, Catch2 suite), the same suite with ASan+UBSan, the wasm
# module, and the npm package's generated files in dist/. Incremental: reruns are quick.
#   scripts/build.sh            all of it
#   scripts/build.sh native     native Release only (what `npm start` needs for the CLI)
#   scripts/build.sh wasm       wasm module + dist/ only
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
jobs="${LEADSCORE_JOBS:-2}"
# emcc runs its JS optimiser with Node and needs Debian's acorn (toolchain notes).
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

build_native() {
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j"$jobs"
}

build_sanitized() {
  cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DLEADSCORE_SANITIZE=ON -DLEADSCORE_BUILD_CLI=OFF \
    -DLEADSCORE_BUILD_POSTGRES=OFF >/dev/null
  cmake --build build/asan -j"$jobs"
}

# Two wasm builds of the core: the full module for speed (-O3: batch scoring, calibration), the form
# module for size (-Oz: every visitor of a signup page downloads it; about 40 % less code). Both
# with link-time optimisation: 6 % less gzip for the form module, 1.4 % for the full one
# (2026-12-06), at the same speed.
# Both compile the lite data pack in; the full pack ships beside them (dist/data/), for Node entry
# points to load on their own and for pages to load on demand (docs/data-packs.md).
build_wasm() {
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O3 -DNDEBUG -flto" \
    -DCMAKE_EXE_LINKER_FLAGS_RELEASE="-flto" -DLEADSCORE_DATA_TIER=lite >/dev/null
  cmake --build build/wasm -j"$jobs" --target leadscore_wasm leadscore_data_packs leadscore_cli
  emcmake cmake -S . -B build/wasm-form -DCMAKE_BUILD_TYPE=MinSizeRel -DCMAKE_CXX_FLAGS_MINSIZEREL="-Oz -DNDEBUG -flto" \
    -DCMAKE_EXE_LINKER_FLAGS_MINSIZEREL="-flto" -DLEADSCORE_DATA_TIER=lite >/dev/null
  cmake --build build/wasm-form -j"$jobs" --target leadscore_form_wasm
  rm -rf dist && mkdir -p dist/data
  cp build/wasm/data/full.bin build/wasm/data/lite.bin dist/data/
  # npx leadscore (bindings/js/cli.cjs): the CLI for Node; CommonJS in a "type": "module" package.
  node scripts/patch-glue.mjs --node-program build/wasm/bindings/cli/leadscore-cli.js \
    build/wasm/bindings/cli/leadscore-cli.wasm dist leadscore-cli
  node scripts/patch-glue.mjs build/wasm/wasm/leadscore_wasm.js build/wasm/wasm/leadscore_wasm.wasm dist leadscore
  node scripts/patch-glue.mjs build/wasm-form/wasm/leadscore_form_wasm.js build/wasm-form/wasm/leadscore_form_wasm.wasm \
    dist leadscore-form
  node_modules/.bin/esbuild bindings/js/api.mjs --bundle --format=cjs --platform=neutral \
    --log-level=warning --outfile=dist/api.cjs
}

case "$what" in
  native) build_native ;;
  asan) build_sanitized ;;
  wasm) build_wasm ;;
  all) build_native; build_wasm; build_sanitized ;;
  *) echo "usage: scripts/build.sh [all|native|asan|wasm]" >&2; exit 2 ;;
esac
