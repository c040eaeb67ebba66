#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12 machine (run as root): installs only what is missing.
# Called by `npm test`, `npm start` and `npm run bench`; safe to run any number of times.
set -euo pipefail
cd "$(dirname "$0")/.."

# time: GNU /usr/bin/time, whose %M gives `npm run bench` the peak RSS of the CLI (not in a minimal Debian).
# postgresql-15 + postgresql-server-dev-15: the PostgreSQL extension (bindings/postgres) and its tests.
# clang + libclang-rt-14-dev: the libFuzzer targets (tests/fuzz; libFuzzer and the sanitizer runtimes
# are in libclang-rt-14-dev, only a recommendation of clang, which --no-install-recommends skips).
apt_packages=(cmake g++ make emscripten nlohmann-json3-dev catch2 chromium time postgresql-15 postgresql-server-dev-15
  clang libclang-rt-14-dev)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm dependencies: reinstall only when the lock file changed since the last install.
stamp=node_modules/.leadscore-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
