#!/usr/bin/env bash
# Builds everything: native (library, CLI, Catch2 suite), the same suite with ASan+UBSan, the wasm
# module, and the npm package's generated files in dist/. Incremental: reruns are quick.
#   scripts/build.sh            all of it
#   scripts/build.sh native     native Release: library, CLI, Catch2 suite, PostgreSQL extension
#   scripts/build.sh cli        native Release, the CLI only (what `npm start` needs)
#   scripts/build.sh wasm       wasm module + dist/ only
# A build directory configured for another checkout (a copied or moved tree) or left broken by an
# interrupted configure is started afresh, with a note, instead of stopping the build.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
jobs="${LEADSCORE_JOBS:-2}"
# emcc runs its JS optimiser with Node and needs Debian's acorn (toolchain notes).
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

# configure [emcmake] DIR ARGS...: cmake -S . -B DIR ARGS, recovering from a foreign or stale cache.
configure() {
  local wrapper=()
  if [ "$1" = emcmake ]; then wrapper=(emcmake); shift; fi
  local dir="$1"
  shift
  local cache="$dir/CMakeCache.txt"
  mkdir -p "$(dirname "$dir")"
  if [ -f "$cache" ] && ! grep -qxF -e "CMAKE_HOME_DIRECTORY:INTERNAL=$PWD" -e "CMAKE_HOME_DIRECTORY:INTERNAL=$(pwd -P)" "$cache"; then
    echo "build.sh: $dir was configured for another source tree; configuring it afresh" >&2
    rm -rf "$dir"
  fi
  if ! "${wrapper[@]}" cmake -S . -B "$dir" "$@" >/dev/null 2>"$dir.configure.log"; then
    echo "build.sh: configuring $dir failed (stale cache?); retrying in an empty directory" >&2
    rm -rf "$dir"
    if ! "${wrapper[@]}" cmake -S . -B "$dir" "$@" >/dev/null 2>"$dir.configure.log"; then
      cat "$dir.configure.log" >&2
      return 1
    fi
  fi
  rm -f "$dir.configure.log"
}

build_native() {
  configure build/native -DCMAKE_BUILD_TYPE=Release
  cmake --build build/native -j"$jobs"
}

build_cli() {
  configure build/native -DCMAKE_BUILD_TYPE=Release
  cmake --build build/native -j"$jobs" --target leadscore_cli
}

build_sanitized() {
  configure build/asan -DCMAKE_BUILD_TYPE=Debug -DLEADSCORE_SANITIZE=ON -DLEADSCORE_BUILD_CLI=OFF \
    -DLEADSCORE_BUILD_POSTGRES=OFF
  cmake --build build/asan -j"$jobs"
}

# Two wasm builds of the core: the full module for speed (-O3: batch scoring, calibration), the form
# module for size (-Oz: every visitor of a signup page downloads it; about 40 % less code). Both
# with link-time optimisation: 6 % less gzip for the form module, 1.4 % for the full one
# (2026-12-06), at the same speed.
# Both compile the lite data pack in; the full pack ships beside them (dist/data/), for Node entry
# points to load on their own and for pages to load on demand (docs/data-packs.md).
build_wasm() {
  configure emcmake build/wasm -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O3 -DNDEBUG -flto" \
    -DCMAKE_EXE_LINKER_FLAGS_RELEASE="-flto" -DLEADSCORE_DATA_TIER=lite
  cmake --build build/wasm -j"$jobs" --target leadscore_wasm leadscore_data_packs leadscore_cli
  configure emcmake build/wasm-form -DCMAKE_BUILD_TYPE=MinSizeRel -DCMAKE_CXX_FLAGS_MINSIZEREL="-Oz -DNDEBUG -flto" \
    -DCMAKE_EXE_LINKER_FLAGS_MINSIZEREL="-flto" -DLEADSCORE_DATA_TIER=lite
  cmake --build build/wasm-form -j"$jobs" --target leadscore_form_wasm
  rm -rf dist && mkdir -p dist/data
  cp build/wasm/data/full.bin build/wasm/data/lite.bin dist/data/
  # npx leadscore (bindings/js/cli.cjs): the CLI for Node; CommonJS in a "type": "module" package.
  node scripts/patch-glue.mjs --node-program build/wasm/bindings/cli/leadscore-cli.js \
    build/wasm/bindings/cli/leadscore-cli.wasm dist leadscore-cli
  node scripts/patch-glue.mjs build/wasm/wasm/leadscore_wasm.js build/wasm/wasm/leadscore_wasm.wasm dist leadscore
  node scripts/patch-glue.mjs build/wasm-form/wasm/leadscore_form_wasm.js build/wasm-form/wasm/leadscore_form_wasm.wasm \
    dist leadscore-form
  # The JS API (bindings/js/api.mjs and the small modules it imports) as one file for each module
  # system: every entry point imports it, so a page without a bundler fetches the API in one
  # request beside the glue instead of a waterfall of nine small modules four deep (docs/benchmarks.md).
  node_modules/.bin/esbuild bindings/js/api.mjs --bundle --format=esm --platform=neutral \
    --log-level=warning --outfile=dist/api.mjs
  node_modules/.bin/esbuild bindings/js/api.mjs --bundle --format=cjs --platform=neutral \
    --log-level=warning --outfile=dist/api.cjs
  # TypeScript declarations of the model file (and results) from schema/: bindings/js/index.d.ts imports them.
  node scripts/generate-types.mjs dist/types
}

case "$what" in
  native) build_native ;;
  cli) build_cli ;;
  asan) build_sanitized ;;
  wasm) build_wasm ;;
  all) build_native; build_wasm; build_sanitized ;;
  *) echo "usage: scripts/build.sh [all|native|cli|asan|wasm]" >&2; exit 2 ;;
esac
