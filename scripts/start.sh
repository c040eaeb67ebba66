#!/usr/bin/env bash
# `npm start`: set up, build what is missing or stale, then serve the web demo in the foreground.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
# Only what the demo and the printed CLI example need: the CLI (not the Catch2 suite or the
# PostgreSQL extension, which `npm test` builds), incremental on every start.
bash scripts/build.sh cli
# The wasm build is slow: only when dist/ is missing or older than a file in core/ or wasm/.
glue=dist/leadscore.mjs
if [ ! -f "$glue" ] || [ -n "$(find core wasm -type f -newer "$glue" -print -quit)" ]; then
  bash scripts/build.sh wasm
fi

port="${PORT:-8080}"
echo
echo "Web demo:    http://127.0.0.1:${port}/"
echo "CLI example: build/native/bindings/cli/leadscore score --model examples/models/default.json --now 2026-11-23T10:00:00Z examples/leads.csv"
echo
PORT="$port" exec node scripts/serve.mjs
