#!/usr/bin/env bash
# Report speed: the whole corpus (time after the models are loaded) and 100k synthetic postulates (whole run),
# medians of RUNS runs, peak memory. Run from the repository root:
#   Benchmarks/report/bench.sh [RUNS=5] [N=100000]
# Env: BIN=release binary (skip the build), SCRATCH=build folder, RECURRING_RUNS=runs of the 100k report with the
# near-duplicate join (default 1: it takes minutes). Uses Models/themes.model and Models/stance.model when they load with the current analyzer; otherwise trains both
# into a temporary folder first (the stance model from the response text, without stop words: --fields response:1
# --stop-words none).
set -euo pipefail
runs=${1:-5}
n=${2:-100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# BIN=path uses a release binary built elsewhere; SCRATCH=.build-x builds in another folder.
if [ -n "${BIN:-}" ]; then
  bin=$BIN
else
  scratch=(); [ -n "${SCRATCH:-}" ] && scratch=(--scratch-path "$SCRATCH")
  swift build -c release "${scratch[@]}" --product postulaty >/dev/null
  bin=$(swift build -c release "${scratch[@]}" --show-bin-path)/postulaty
fi

themes=Models/themes.model; stance=Models/stance.model
"$bin" report -o "$tmp/probe" 2> "$tmp/probe.err" || { cat "$tmp/probe.err" >&2; exit 1; }
if grep -q "cannot be used\|not found\|no analyzer" "$tmp/probe.err"; then
  echo "training models into $tmp (Models/ ones missing or stale)" >&2
  "$bin" train -o "$tmp/themes.model" >/dev/null 2>&1
  "$bin" train --labels response_stance --fields response:1 --stop-words none -o "$tmp/stance.model" >/dev/null 2>&1
  themes=$tmp/themes.model; stance=$tmp/stance.model
fi

# The summary line: "seconds: analyzer A, read R, models loaded M, labelled L, recurring demands D, rendered X, written W"
phase() { sed -n 's/.*seconds: //p' "$1" | tr ',' '\n' | sed -n "s/^ *$2 //p"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "== whole corpus (Corpora/*.jsonl), $runs runs"
: > "$tmp/after"; : > "$tmp/total"
for i in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" report -o "$tmp/corpus" --model "$themes" --stance-model "$stance" 2> "$tmp/err"
  python3 - "$tmp/err" >> "$tmp/after" <<'PY'
import re, sys
line = [l for l in open(sys.argv[1]) if "seconds:" in l][-1]
ph = dict((k.strip(), float(v)) for k, v in re.findall(r"([a-z ]+) ([0-9.]+)", line.split("seconds:")[1]))
print(sum(ph.get(k, 0) for k in ["labelled", "recurring demands", "rendered", "written"]))
PY
  cut -d' ' -f1 "$tmp/time" >> "$tmp/total"
done
echo "after models load (label + recurring + render + write): median $(median < "$tmp/after") s"
echo "whole process: median $(median < "$tmp/total") s; peak RSS $(cut -d' ' -f2 "$tmp/time") KB"
grep "seconds:" "$tmp/err"

echo "== $n synthetic postulates (Benchmarks/report/synth.py, seed 20260617)"
python3 Benchmarks/report/synth.py "$n" "$tmp/synth.jsonl"
for mode in "--no-recurring" ""; do
  : > "$tmp/total"
  r=$(( runs < 3 ? runs : 3 ))
  [ -z "$mode" ] && r=${RECURRING_RUNS:-1}
  for i in $(seq "$r"); do
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" report "$tmp/synth.jsonl" -o "$tmp/synth" --model "$themes" --stance-model "$stance" $mode 2> "$tmp/err"
    cut -d' ' -f1 "$tmp/time" >> "$tmp/total"
  done
  echo "${mode:-with recurring demands}: median $(median < "$tmp/total") s over $r runs; peak RSS $(cut -d' ' -f2 "$tmp/time") KB"
  grep "seconds:" "$tmp/err"
done
