#!/usr/bin/env bash
# Calibrates a pre-contact lead-scoring model on the X Education data end to end: fit and export,
# close-rate report, evaluation with a capacity, and one lead scored. See README.md next to this file.
#
#   examples/x-education/run.sh [DATASET.csv] [OUTPUT_DIR]
#
# DATASET.csv defaults to ../shared/datasets/x-education-leads.csv next to the repository;
# OUTPUT_DIR defaults to a fresh temporary directory (nothing is written into the repository).
# LEADSCORE names the CLI binary (default: build/native/bindings/cli/leadscore of this repository).
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$repo/../shared/datasets/x-education-leads.csv}"
out="${2:-$(mktemp -d "${TMPDIR:-/tmp}/leadscore-x-education.XXXXXX")}"
leadscore="${LEADSCORE:-$repo/build/native/bindings/cli/leadscore}"

[ -r "$data" ] || { echo "run.sh: cannot read the dataset $data" >&2; exit 3; }
[ -x "$leadscore" ] || { echo "run.sh: no leadscore binary at $leadscore (bash scripts/build.sh native, or set LEADSCORE)" >&2; exit 3; }
mkdir -p "$out"

# Columns sales fill in after contacting the lead leak the outcome into a pre-contact score
# (../shared/datasets/README.md, "Quirks"); the two ids identify a person, not a kind of lead.
ignore="Prospect ID,Lead Number,Tags,Lead Quality,Lead Profile,Asymmetrique Activity Index"
ignore+=",Asymmetrique Profile Index,Asymmetrique Activity Score,Asymmetrique Profile Score"
ignore+=",Last Notable Activity"

echo "== 1. calibrate: fit on 4 rows in 5, test on every 5th (data record i with i % 5 == 0)"
"$leadscore" calibrate --outcome Converted --ignore "$ignore" --test-every 5 \
  --out "$out/model.json" --fit-report "$out/fit.json" "$data" 2> "$out/calibrate.log"
# The summary without the timing line (it varies from run to run) and without the warnings
# (constant columns, listed in fit.json).
grep -v -e '^time:' -e '^warning:' "$out/calibrate.log"

echo
echo "== 1b. the same with numeric columns standardised (one weight each), as scikit-learn's reference"
"$leadscore" calibrate --outcome Converted --ignore "$ignore" --test-every 5 --numeric-mode standardize \
  --out "$out/model-standardize.json" --fit-report "$out/fit-standardize.json" "$data" \
  2> "$out/calibrate-standardize.log"
grep -e '^test' "$out/calibrate-standardize.log"

echo
echo "== 1c. explainable boosting: a shape per column plus 10 pairwise tables (--method ebm)"
"$leadscore" calibrate --outcome Converted --ignore "$ignore" --test-every 5 --method ebm \
  --out "$out/model-ebm.json" --fit-report "$out/fit-ebm.json" "$data" 2> "$out/calibrate-ebm.log"
grep -e '^exported' -e '^test' -e '^calibration error' -e '^shapes alone' -e '^logistic on' "$out/calibrate-ebm.log"

echo
echo "== 2. close rates of the training rows (first lines)"
"$leadscore" calibrate --report --outcome Converted --ignore "$ignore" --test-every 5 "$data" \
  > "$out/close-rates.txt"
head -n 12 "$out/close-rates.txt"

echo
echo "== 3. evaluate the exported model on the test rows (the same split as calibrate: every 5th)"
"$leadscore" evaluate --model "$out/model.json" --outcome Converted --capacity 30% --test-every 5 "$data" \
  | tee "$out/evaluation.txt"

echo
echo "== 4. score one lead (a test row: Lead Add Form via Reference)"
# The header plus the lead's line; the model's fields read the CSV headers through "column".
{ head -n 1 "$data"; grep -m 1 '^144807db-2895-4002-b52e-3eda79c22395,' "$data"; } > "$out/one-lead.csv"
"$leadscore" score --model "$out/model.json" --now 2026-11-23T09:30:00Z "$out/one-lead.csv" \
  > "$out/one-lead.jsonl"
sed -E 's/.*"points":(-?[0-9]+).*"probability":([0-9.]+).*"score":([0-9]+).*/points \1, score \3, probability \2/' \
  "$out/one-lead.jsonl"

echo
echo "Output in $out: model.json, fit.json, calibrate.log, *-standardize.*, *-ebm.*, close-rates.txt, evaluation.txt, one-lead.jsonl"
