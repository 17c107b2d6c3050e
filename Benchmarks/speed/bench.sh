#!/usr/bin/env bash
# Issue 17: whole-process speed against the anchors, measured side by side in one go (alternating runs, medians).
#
#   index  `postulaty index build` of 1M titles (the 22k real titles of ../shared/eval/pb-titles-dev.jsonl grown by
#          Benchmarks/similarity/bench.py's seeded perturbation) vs scikit-learn TfidfVectorizer(sublinear_tf=True)
#          .fit_transform on the same texts (Benchmarks/speed/anchors.py tfidf); ours with --jobs 1 and the default.
#   dedupe `postulaty dedupe --threshold 0.8 --jobs 1` on the 22k real titles vs scikit-learn's exact chunked
#          X.X^T (anchors.py join), both pinned to one core (taskset -c 0).
#   report `postulaty report` on 100k synthetic postulates (Benchmarks/report/synth.py, seed 20260617), --jobs 1 and
#          the default.
#   tag    `postulaty tag` on 1M synthetic postulates (same generator), JSONL out to a file, --jobs 1 and the default.
#   (stem vs Morfologik: Benchmarks/lemma/stem-vs-morfologik.sh.)
# Each figure line carries the load average (uptime) at its start. Peak RSS and CPU (user + sys) from /usr/bin/time.
#
# usage (repository root): Benchmarks/speed/bench.sh [RUNS=3] [WHAT="index dedupe report tag"]
#   BIN=release postulaty (else built), PY=python with scikit-learn (default python3), DATA=folder for the grown
#   corpora (default Benchmarks/out/speed, git-ignored; reused between runs)
set -euo pipefail
runs=${1:-3}
what=${2:-"index dedupe report tag"}
py=${PY:-python3}
data=${DATA:-Benchmarks/out/speed}
mkdir -p "$data"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if [ -z "${BIN:-}" ]; then
  swift build -c release --product postulaty >/dev/null
  BIN=$(swift build -c release --show-bin-path)/postulaty
fi
titles=../shared/eval/pb-titles-dev.jsonl
load() { uptime | sed 's/.*load average: //'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# timed NAME CMD...: appends "wall maxrss_MiB cpu" to $tmp/NAME and prints the run with the load (cpu = user + sys
# seconds: on a shared machine the wall clock says more about the neighbours than about the program)
timed() {
  local name=$1; shift
  local l; l=$(load)
  /usr/bin/time -f "%e %M %U %S" -o "$tmp/t" "$@" > "$tmp/out.$name" 2> "$tmp/err.$name" || { cat "$tmp/err.$name" >&2; exit 1; }
  local w m u s; read -r w m u s < <(tail -1 "$tmp/t")
  local c; c=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
  echo "$w $((m / 1024)) $c" >> "$tmp/$name"
  echo "  $name: ${w}s wall, ${c}s cpu, ${m}KB peak, load $l"
}
summary() {  # NAME...
  for n in "$@"; do
    echo "  median $n: $(cut -d' ' -f1 "$tmp/$n" | median)s wall, $(cut -d' ' -f3 "$tmp/$n" | median)s cpu, $(cut -d' ' -f2 "$tmp/$n" | median) MiB peak"
  done
}
ratio() { awk -v a="$(cut -d' ' -f1 "$tmp/$1" | median)" -v b="$(cut -d' ' -f1 "$tmp/$2" | median)" 'BEGIN { printf "%.2f", a / b }'; }

echo "== $(date -u '+%F %T') UTC, $(nproc) cores, commit $(git rev-parse --short HEAD), runs $runs"

if [[ " $what " == *" index "* ]]; then
  corpus=$data/titles-1000000.jsonl
  [ -f "$corpus" ] || "$py" - "$corpus" <<'PY'
import sys
sys.path.insert(0, "Benchmarks/similarity")
import bench
bench.write_corpus(bench.grow(bench.load_base(), 1_000_000), sys.argv[1])
PY
  echo "index build, $(wc -l < "$corpus") titles"
  for i in $(seq "$runs"); do
    timed index-jobs1 "$BIN" index build "$corpus" -o "$tmp/x.index" --jobs 1
    timed index-default "$BIN" index build "$corpus" -o "$tmp/y.index"
    timed sklearn-tfidf "$py" Benchmarks/speed/anchors.py tfidf "$corpus"
  done
  cmp "$tmp/x.index" "$tmp/y.index" && echo "  indexes of --jobs 1 and the default: identical"
  summary index-jobs1 index-default sklearn-tfidf
  echo "  ratio ours/sklearn: --jobs 1 $(ratio index-jobs1 sklearn-tfidf)x, default $(ratio index-default sklearn-tfidf)x (target <= 1.0)"
  ls -l "$tmp/y.index" | awk '{ printf "  index file %.1f MB\n", $5 / 1e6 }'
fi

if [[ " $what " == *" dedupe "* ]]; then
  echo "dedupe --threshold 0.8, $(wc -l < "$titles") real titles, one core each (taskset -c 0)"
  for i in $(seq "$runs"); do
    timed dedupe taskset -c 0 "$BIN" dedupe "$titles" --threshold 0.8 --jobs 1
    timed sklearn-join taskset -c 0 "$py" Benchmarks/speed/anchors.py join "$titles" 0.8
  done
  echo "  ours: $(tail -1 "$tmp/err.dedupe")"; echo "  sklearn: $(cat "$tmp/out.sklearn-join")"
  summary dedupe sklearn-join
  echo "  ratio sklearn/ours: $(ratio sklearn-join dedupe)x (target >= 10)"
fi

if [[ " $what " == *" report "* ]]; then
  corpus=$data/synth-100000.jsonl
  [ -f "$corpus" ] || "$py" Benchmarks/report/synth.py 100000 "$corpus" --seed 20260617 >/dev/null
  echo "report, 100k synthetic postulates"
  for i in $(seq "$runs"); do
    timed report-jobs1 "$BIN" report "$corpus" -o "$tmp/report-1" --jobs 1
    timed report "$BIN" report "$corpus" -o "$tmp/report-out"
  done
  diff -r "$tmp/report-1" "$tmp/report-out" >/dev/null && echo "  reports of --jobs 1 and the default: identical"
  echo "  phases (last run, default jobs): $(grep -E 'seconds:|sekundy:' "$tmp/err.report" | tail -1 | sed 's/.*: //')"
  summary report-jobs1 report
fi

if [[ " $what " == *" tag "* ]]; then
  corpus=$data/synth-1000000.jsonl
  # 1M = the 100k synthetic file ten times (the generator is slow at 1M; tag does not need unique ids)
  [ -f "$data/synth-100000.jsonl" ] || "$py" Benchmarks/report/synth.py 100000 "$data/synth-100000.jsonl" --seed 20260617 >/dev/null
  [ -f "$corpus" ] || for i in 1 2 3 4 5 6 7 8 9 10; do cat "$data/synth-100000.jsonl"; done > "$corpus"
  echo "tag, 1M synthetic postulates"
  for i in $(seq "$runs"); do
    timed tag-jobs1 "$BIN" tag "$corpus" -o "$tmp/tagged-1.jsonl" --jobs 1
    timed tag "$BIN" tag "$corpus" -o "$tmp/tagged.jsonl"
  done
  cmp "$tmp/tagged-1.jsonl" "$tmp/tagged.jsonl" && echo "  outputs of --jobs 1 and the default: identical"
  summary tag-jobs1 tag
fi
