#!/usr/bin/env bash
# `npm run fuzz`: builds the libFuzzer targets (tests/fuzz, clang, ASan + UBSan) in build/fuzz and
# runs each for a given time; time-outs and out-of-memory are findings like crashes.
# docs/testing.md, "Fuzzing".
#   scripts/fuzz.sh                          every target, 30 minutes each
#   scripts/fuzz.sh --seconds 300 --target csv --target history
#   scripts/fuzz.sh --parallel 2             two targets at a time
#   scripts/fuzz.sh --smoke [--seconds 3]    what `npm test` runs: every target a few seconds over
#                                            its seed corpus; fails on the first finding
#   scripts/fuzz.sh --target T --minimize FILE   shrinks a crash/time-out/oom input to FILE.min
#   scripts/fuzz.sh --list                   the targets
# A long run keeps going after a finding (libFuzzer's fork mode) and saves every finding
# (crash-*, timeout-*, oom-*, leak-*) under build/fuzz/findings/<date>/<target>/, printed at the
# start and the end; it exits 1 when there is any. Its corpus grows in build/fuzz/corpus/<target>
# from one run to the next. A finding's input replays with build/fuzz/bin/fuzz_<target> FILE; once
# understood, it goes to tests/fuzz/regressions/<target>/ (tests/cpp/fuzz_regressions_test.cpp).
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(model_parse model_score score_lead score_events check_field check_lead csv history jsonlogic)
# The dictionaries of tests/fuzz each target uses (joined into one file: libFuzzer takes one).
declare -A dicts=(
  [model_parse]="json model jsonlogic" [model_score]="json model jsonlogic"
  [score_lead]="json lead" [score_events]="json lead" [check_lead]="json lead checks"
  [check_field]="checks" [csv]="csv" [history]="csv json" [jsonlogic]="json jsonlogic"
)
# Longest input per target: large enough for the size-driven classes (quadratic scans, big
# records, many rules), small enough to keep mutations fast.
declare -A max_len=(
  [model_parse]=65536 [model_score]=65536 [csv]=65536 [history]=65536 [jsonlogic]=32768
  [score_lead]=16384 [score_events]=32768 [check_lead]=16384 [check_field]=8192
)
timeout_s=10       # one input running longer than this is a finding (time-out)
rss_limit_mb=2048  # a process growing past this, or one allocation over it, is a finding (oom)

seconds=""
targets=()
smoke=0
parallel=1
minimize=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --target) targets+=("$2"); shift 2 ;;
    --parallel) parallel="$2"; shift 2 ;;
    --smoke) smoke=1; shift ;;
    --minimize) minimize="$2"; shift 2 ;;
    --list) printf '%s\n' "${all_targets[@]}"; exit 0 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fuzz.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ "${#targets[@]}" -gt 0 ] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [ -n "${dicts[$t]+x}" ] || { echo "fuzz.sh: no target named $t (--list)" >&2; exit 2; }
done
if [ -z "$seconds" ]; then
  if [ "$smoke" = 1 ]; then seconds=3; else seconds=1800; fi
fi
case "$seconds$parallel" in *[!0-9]*) echo "fuzz.sh: --seconds and --parallel take whole numbers" >&2; exit 2 ;; esac

# --- build ------------------------------------------------------------------------------------
cxx="${LEADSCORE_FUZZ_CXX:-clang++}"
if ! command -v "$cxx" >/dev/null; then
  echo "fuzz.sh: $cxx not found: the fuzz targets need clang with libFuzzer (scripts/setup.sh installs Debian's clang)" >&2
  exit 1
fi
dir=build/fuzz
cache="$dir/CMakeCache.txt"
if [ -f "$cache" ] && ! grep -qxF -e "CMAKE_HOME_DIRECTORY:INTERNAL=$PWD" -e "CMAKE_HOME_DIRECTORY:INTERNAL=$(pwd -P)" "$cache"; then
  echo "fuzz.sh: $dir was configured for another source tree; configuring it afresh" >&2
  rm -rf "$dir"
fi
if [ ! -f "$cache" ]; then
  mkdir -p "$dir"
  # -O1 -g without NDEBUG: assertions (the core's, nlohmann's, libstdc++'s) are findings too.
  cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DLEADSCORE_FUZZ=ON -DLEADSCORE_BUILD_TESTS=OFF \
    -DLEADSCORE_BUILD_CLI=OFF -DLEADSCORE_BUILD_POSTGRES=OFF -DLEADSCORE_INSTALL=OFF >"$dir.configure.log" 2>&1 \
    || { cat "$dir.configure.log" >&2; rm -rf "$dir"; exit 1; }
  rm -f "$dir.configure.log"
fi
cmake --build "$dir" -j"${LEADSCORE_JOBS:-2}" --target leadscore_fuzz >"$dir.build.log" 2>&1 \
  || { tail -n 40 "$dir.build.log" >&2; echo "fuzz.sh: building the fuzz targets failed ($dir.build.log)" >&2; exit 1; }

# --- seeds and dictionaries -------------------------------------------------------------------
node scripts/fuzz-corpus.mjs "$dir/seeds" >/dev/null
mkdir -p "$dir/dicts"
for t in "${targets[@]}"; do
  : >"$dir/dicts/$t.dict"
  for d in ${dicts[$t]}; do cat "tests/fuzz/$d.dict" >>"$dir/dicts/$t.dict"; done
done

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
common=(-timeout="$timeout_s" -rss_limit_mb="$rss_limit_mb" -print_final_stats=1)

# --- minimise one input -------------------------------------------------------------------------
if [ -n "$minimize" ]; then
  [ "${#targets[@]}" = 1 ] || { echo "fuzz.sh: --minimize needs exactly one --target" >&2; exit 2; }
  t="${targets[0]}"
  "$dir/bin/fuzz_$t" "${common[@]}" -minimize_crash=1 -max_total_time="$seconds" \
    -exact_artifact_path="$minimize.min" "$minimize" || true
  [ -f "$minimize.min" ] && echo "fuzz.sh: minimised input: $minimize.min ($(wc -c <"$minimize.min") bytes)"
  exit 0
fi

# --- smoke: every target a few seconds over its seeds, in order; the first finding fails -----
if [ "$smoke" = 1 ]; then
  findings="$dir/smoke-findings"
  rm -rf "$findings" "$dir/smoke-corpus"
  for t in "${targets[@]}"; do
    mkdir -p "$findings/$t" "$dir/smoke-corpus/$t"
    start=$SECONDS
    if ! "$dir/bin/fuzz_$t" "${common[@]}" -max_total_time="$seconds" -dict="$dir/dicts/$t.dict" \
        -artifact_prefix="$findings/$t/" "$dir/smoke-corpus/$t" "$dir/seeds/$t" >"$findings/$t.log" 2>&1; then
      tail -n 60 "$findings/$t.log" >&2
      echo "fuzz.sh: smoke run of $t failed: finding in $findings/$t/, log $findings/$t.log" >&2
      exit 1
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$findings/$t.log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz smoke: $t ok ($runs inputs, $((SECONDS - start)) s)"
  done
  rm -rf "$dir/smoke-corpus"
  exit 0
fi

# --- long runs ------------------------------------------------------------------------------------
findings="$dir/findings/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$findings"
echo "fuzz.sh: ${#targets[@]} target(s), ${seconds} s each, findings in $findings"
run_one() {
  local t="$1"
  mkdir -p "$findings/$t" "$dir/corpus/$t"
  # Fork mode: a finding is saved and the run goes on until its time is up.
  "$dir/bin/fuzz_$t" "${common[@]}" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -max_len="${max_len[$t]}" -dict="$dir/dicts/$t.dict" -artifact_prefix="$findings/$t/" \
    "$dir/corpus/$t" "$dir/seeds/$t" >"$findings/$t.log" 2>&1 || true
  local found
  found=$(find "$findings/$t" -type f | wc -l)
  echo "fuzz: $t done after ${seconds} s: $found finding(s), corpus $(find "$dir/corpus/$t" -type f | wc -l) inputs"
}
running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$parallel" ]; then wait -n || true; running=$((running - 1)); fi
done
wait
total=$(find "$findings" -mindepth 2 -type f | wc -l)
echo "fuzz.sh: $total finding(s) in $findings"
find "$findings" -mindepth 2 -type f | sort
[ "$total" = 0 ]
