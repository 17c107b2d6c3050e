#!/usr/bin/env bash
# Issue 17, second round: an older and a newer release binary on the same inputs, alternated, whole process.
# Prints wall and CPU (user + sys) seconds, peak RSS and the 1-minute load at the start of each run, and checks that
# both binaries (and --jobs 1 and 2 of the newer one) write the same bytes. On a shared machine read the CPU column:
# the wall clock there says more about the neighbours than about the program.
#
#   tag     `postulaty tag` of 100k synthetic postulates (JSONL), --jobs 1 and 2
#   report  `postulaty report` of the same 100k (the older binary with its defaults; the newer with --jobs 1 and 2)
#   index   `postulaty index build` of the grown titles (TITLES, default the 1M file of bench.sh), --jobs 1 and 2
#   dedupe  `postulaty dedupe --threshold 0.8 --jobs 1` of the 22k real titles, pinned to one core (taskset -c 0)
#
# usage (repository root): BASE=old/postulaty NEW=new/postulaty Benchmarks/speed/ab.sh [RUNS=2] [WHAT="tag report"]
#   corpus: Benchmarks/out/speed/synth-100000.jsonl (made by Benchmarks/speed/bench.sh, or
#   `python3 Benchmarks/report/synth.py 100000 FILE --seed 20260617`); titles: Benchmarks/out/speed/titles-1000000.jsonl
#   (made by `Benchmarks/speed/bench.sh 1 index`)
set -u
runs=${1:-2}
what=${2:-"tag report"}
base=${BASE:?the older binary}; new=${NEW:?the newer binary}
corpus=${CORPUS:-Benchmarks/out/speed/synth-100000.jsonl}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
t() {
  local name=$1; shift
  local l; l=$(uptime | sed 's/.*load average: //' | cut -d, -f1)
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" >"$tmp/out.$name" 2>"$tmp/err.$name" || { cat "$tmp/err.$name" >&2; exit 1; }
  local w u s m; read -r w u s m < "$tmp/t"
  echo "$name wall=${w}s cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')s peak=$((m / 1024))MiB load=$l"
}
echo "== $(date -u '+%F %T') UTC, $(nproc) cores, newer commit $(git rev-parse --short HEAD), runs $runs"
if [[ " $what " == *" tag "* ]]; then
  for i in $(seq "$runs"); do
    t tag-old-j1 "$base" tag "$corpus" -o "$tmp/old1.jsonl" --jobs 1
    t tag-new-j1 "$new" tag "$corpus" -o "$tmp/new1.jsonl" --jobs 1
    t tag-new-j2 "$new" tag "$corpus" -o "$tmp/new2.jsonl" --jobs 2
    t tag-old-j2 "$base" tag "$corpus" -o "$tmp/old2.jsonl" --jobs 2
  done
  cmp "$tmp/old1.jsonl" "$tmp/new1.jsonl" && cmp "$tmp/old1.jsonl" "$tmp/new2.jsonl" && cmp "$tmp/old1.jsonl" "$tmp/old2.jsonl" \
    && echo "tag: all outputs identical"
fi
if [[ " $what " == *" report "* ]]; then
  for i in $(seq "$runs"); do
    t report-old "$base" report "$corpus" -o "$tmp/rep-old"
    t report-new-j1 "$new" report "$corpus" -o "$tmp/rep-new1" --jobs 1
    t report-new-j2 "$new" report "$corpus" -o "$tmp/rep-new2" --jobs 2
  done
  diff -r "$tmp/rep-old" "$tmp/rep-new1" >/dev/null && diff -r "$tmp/rep-old" "$tmp/rep-new2" >/dev/null \
    && echo "report: all folders identical"
  for n in report-old report-new-j1 report-new-j2; do
    echo "$n phases (last run): $(grep -E 'seconds:|sekundy:' "$tmp/err.$n" | tail -1 | sed 's/.*: //')"
  done
fi
if [[ " $what " == *" index "* ]]; then
  titles=${TITLES:-Benchmarks/out/speed/titles-1000000.jsonl}
  for i in $(seq "$runs"); do
    t index-old-j1 "$base" index build "$titles" -o "$tmp/old1.index" --jobs 1
    t index-new-j1 "$new" index build "$titles" -o "$tmp/new1.index" --jobs 1
    t index-new-j2 "$new" index build "$titles" -o "$tmp/new2.index" --jobs 2
    t index-old-j2 "$base" index build "$titles" -o "$tmp/old2.index" --jobs 2
  done
  cmp "$tmp/old1.index" "$tmp/new1.index" && cmp "$tmp/old1.index" "$tmp/new2.index" && cmp "$tmp/old1.index" "$tmp/old2.index" \
    && echo "index: all files identical"
fi
if [[ " $what " == *" dedupe "* ]]; then
  titles=../shared/eval/pb-titles-dev.jsonl
  for i in $(seq "$runs"); do
    t dedupe-old taskset -c 0 "$base" dedupe "$titles" --threshold 0.8 --jobs 1
    t dedupe-new taskset -c 0 "$new" dedupe "$titles" --threshold 0.8 --jobs 1
  done
  cmp "$tmp/out.dedupe-old" "$tmp/out.dedupe-new" && echo "dedupe: outputs identical"
fi
