#!/usr/bin/env bash
# Installs the native build into a temporary prefix and builds + runs tests/consumer against it.
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix=build/consumer/prefix
rm -rf build/consumer
cmake --install build/native --prefix "$prefix" >/dev/null
cmake -S tests/consumer -B build/consumer/build -DCMAKE_PREFIX_PATH="$PWD/$prefix" >/dev/null
cmake --build build/consumer/build -j2 >/dev/null
build/consumer/build/consumer
