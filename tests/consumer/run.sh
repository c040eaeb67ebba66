#!/usr/bin/env bash
# Installs the native build into a temporary prefix and builds + runs, against it, tests/consumer
# and the README's C++ quick start exactly as written there.
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix=build/consumer/prefix
rm -rf build/consumer
mkdir -p build/consumer/readme
cmake --install build/native --prefix "$prefix" >/dev/null

# The first ```cpp block after the "Quick start: C++" heading.
quickstart=build/consumer/readme/main.cpp
awk '/^## Quick start: C\+\+/ { section = 1 } section && /^```cpp/ { inside = 1; next }
     inside && /^```/ { exit } inside { print }' README.md > "$quickstart"
if ! grep -q 'int main' "$quickstart"; then
  echo "consumer: no complete C++ quick start found in README.md" >&2
  exit 1
fi

cmake -S tests/consumer -B build/consumer/build -DCMAKE_PREFIX_PATH="$PWD/$prefix" \
  -DREADME_QUICKSTART="$PWD/$quickstart" >/dev/null
cmake --build build/consumer/build -j2 >/dev/null
build/consumer/build/consumer "$prefix/share/leadscore/lite.bin"

# The quick start: two good lines and a broken one in; one scored line each, the broken one named.
run=build/consumer/readme
printf '%s\n' '{"seniority":"vp","company_size":250}' '{"seniority": ' '{"id":"L2","seniority":"manager"}' \
  | build/consumer/build/readme_quickstart > "$run/out.txt" 2> "$run/err.txt"
[ "$(grep -c '"detail":"summary"' "$run/out.txt")" = 2 ] || { echo "consumer: quick start did not score 2 lines" >&2; cat "$run/out.txt" "$run/err.txt" >&2; exit 1; }
grep -q '"model":{"fingerprint"' "$run/out.txt" || { echo "consumer: quick start wrote no explain result" >&2; exit 1; }
grep -qx 'line 2: json_syntax' "$run/err.txt" || { echo "consumer: quick start did not report the broken line" >&2; cat "$run/err.txt" >&2; exit 1; }
# A bad model: refused with its code and pointer and exit code 1, not an abort.
echo '{"format_version": 1, "id": "x", "version": "1", "fields": "nope"}' > "$run/bad-model.json"
status=0
build/consumer/build/readme_quickstart "$run/bad-model.json" < /dev/null > /dev/null 2> "$run/bad.txt" || status=$?
if [ "$status" != 1 ] || ! grep -q '^wrong_type at /fields' "$run/bad.txt"; then
  echo "consumer: a bad model should exit 1 with its error (got exit $status):" >&2
  cat "$run/bad.txt" >&2
  exit 1
fi
echo "readme quick start ok: 2 leads scored, a broken line and a bad model reported"
