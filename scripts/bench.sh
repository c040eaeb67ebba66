#!/usr/bin/env bash
# `npm run bench`: builds what it measures (native CLI, wasm + dist/), then runs scripts/bench.mjs.
# Arguments are passed on, e.g. `npm run bench -- --leads 10000` for a quick run (a quick run
# does not rewrite docs/benchmarks.md unless --write is given). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The calibration benchmark compares with scikit-learn from Debian (not needed by npm test).
if ! dpkg-query -W -f='${Status}' python3-sklearn 2>/dev/null | grep -q "install ok installed"; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-sklearn >/dev/null \
      || echo "bench: python3-sklearn could not be installed; the calibration block shows the reference figures" >&2
  fi
fi
bash scripts/build.sh native
bash scripts/build.sh wasm
node scripts/bench.mjs "$@"
# Calibration on X Education (docs/benchmarks.md, "Calibration"); rewrites its block on a full run.
if [ $# -eq 0 ]; then node scripts/bench-calibrate.mjs --write; else node scripts/bench-calibrate.mjs; fi
# PostgreSQL: the extension in a throw-away cluster (docs/benchmarks.md, "PostgreSQL"); 1,000,000 leads on a full run.
if [ $# -eq 0 ]; then node scripts/bench-postgres.mjs --write; else node scripts/bench-postgres.mjs --leads 20000; fi
