#!/usr/bin/env bash
# Installs the native build into a temporary prefix and builds + runs, against it, tests/consumer
# and the README's C++ quick start exactly as written there. Then does the same with a build made
# the way a C++ user without Node makes it (README: no `npm ci`, no node on the PATH): no data pack
# built in, a pack loaded at run time, and the same result as the native build once it is loaded.
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -rf build/consumer
mkdir -p build/consumer/readme

# The first ```cpp block after the "Quick start: C++" heading.
quickstart=build/consumer/readme/main.cpp
awk '/^## Quick start: C\+\+/ { section = 1 } section && /^```cpp/ { inside = 1; next }
     inside && /^```/ { exit } inside { print }' README.md > "$quickstart"
if ! grep -q 'int main' "$quickstart"; then
  echo "consumer: no complete C++ quick start found in README.md" >&2
  exit 1
fi

# check_install NAME PREFIX BUILT_IN_TIER: builds the consumer and the quick start against the
# install in PREFIX and runs them; the consumer's result with the lite pack goes to NAME/lite.json.
lite_pack="$PWD/build/consumer/native/prefix/share/leadscore/lite.bin"
check_install() {
  local name=$1 prefix=$2 tier=$3 dir=build/consumer/$1
  cmake -S tests/consumer -B "$dir/build" -DCMAKE_PREFIX_PATH="$PWD/$prefix" \
    -DREADME_QUICKSTART="$PWD/$quickstart" >/dev/null
  cmake --build "$dir/build" -j2 >/dev/null
  "$dir/build/consumer" "$lite_pack" "$tier" > "$dir/lite.json"

  # The quick start: two good lines and a broken one in; one scored line each, the broken one named.
  printf '%s\n' '{"seniority":"vp","company_size":250}' '{"seniority": ' '{"id":"L2","seniority":"manager"}' \
    | "$dir/build/readme_quickstart" > "$dir/out.txt" 2> "$dir/err.txt"
  [ "$(grep -c '"detail":"summary"' "$dir/out.txt")" = 2 ] || { echo "consumer ($name): quick start did not score 2 lines" >&2; cat "$dir/out.txt" "$dir/err.txt" >&2; exit 1; }
  grep -q '"model":{"fingerprint"' "$dir/out.txt" || { echo "consumer ($name): quick start wrote no explain result" >&2; exit 1; }
  grep -q "\"data\":{\"tier\":\"$tier\"" "$dir/out.txt" || { echo "consumer ($name): results do not name the $tier data" >&2; exit 1; }
  grep -qx 'line 2: json_syntax' "$dir/err.txt" || { echo "consumer ($name): quick start did not report the broken line" >&2; cat "$dir/err.txt" >&2; exit 1; }
  # A bad model: refused with its code and pointer and exit code 1, not an abort.
  echo '{"format_version": 1, "id": "x", "version": "1", "fields": "nope"}' > "$dir/bad-model.json"
  local status=0
  "$dir/build/readme_quickstart" "$dir/bad-model.json" < /dev/null > /dev/null 2> "$dir/bad.txt" || status=$?
  if [ "$status" != 1 ] || ! grep -q '^wrong_type at /fields' "$dir/bad.txt"; then
    echo "consumer ($name): a bad model should exit 1 with its error (got exit $status):" >&2
    cat "$dir/bad.txt" >&2
    exit 1
  fi
  echo "consumer ($name): 2 leads scored with $tier data built in, a broken line and a bad model reported"
}

cmake --install build/native --prefix build/consumer/native/prefix >/dev/null
check_install native build/consumer/native/prefix full

# Without Node: a PATH holding every program but node/npm, and CMake told not to look in the
# system directories for programs (nlohmann's CMake package is still found under /usr/share).
# Debug: the quickest build; kept in build/no-node so that reruns are incremental.
nodeless=build/no-node
mkdir -p "$nodeless/bin"
for program in /usr/local/bin/* /usr/bin/* /bin/*; do
  case "${program##*/}" in node | nodejs | npm | npx | corepack) ;; *) ln -sf "$program" "$nodeless/bin/" ;; esac
done
if env PATH="$PWD/$nodeless/bin" sh -c 'command -v node' >/dev/null; then
  echo "consumer: node is still on the reduced PATH" >&2
  exit 1
fi
env PATH="$PWD/$nodeless/bin" cmake -S . -B "$nodeless/build" -DCMAKE_BUILD_TYPE=Debug -DLEADSCORE_BUILD_TESTS=OFF \
  -DLEADSCORE_BUILD_CLI=OFF -DLEADSCORE_BUILD_POSTGRES=OFF "-DCMAKE_IGNORE_PATH=/usr/local/bin;/usr/bin;/bin;/usr/sbin;/sbin" > "$nodeless/configure.txt"
grep -q 'built without a data pack' "$nodeless/configure.txt" || { echo "consumer: the build without Node did not say it has no data pack" >&2; cat "$nodeless/configure.txt" >&2; exit 1; }
env PATH="$PWD/$nodeless/bin" cmake --build "$nodeless/build" -j2 >/dev/null
rm -rf build/consumer/no-node
cmake --install "$nodeless/build" --prefix build/consumer/no-node/prefix >/dev/null
check_install no-node build/consumer/no-node/prefix none
# Once it has loaded the pack, the build made without Node gives the native build's bytes.
cmp build/consumer/native/lite.json build/consumer/no-node/lite.json || { echo "consumer: with the same pack, the build without Node scores differently" >&2; exit 1; }
echo "consumer: with the lite pack loaded, both builds give the same result bytes"
