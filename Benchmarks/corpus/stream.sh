#!/bin/sh
# Streaming reader: time and peak memory of `postulaty corpus stats` / `corpus validate` on 22k, 110k and 440k
# records grown from ../shared/eval/pb-titles-dev.jsonl, against Python's json module reading the same files.
# Run from the repository root. Prints one line per run: what, records, wall seconds, user CPU seconds, max RSS (KiB).
set -e
BIN=${BIN:-.build-corpus-rel/release/postulaty}
TMP=${TMPDIR:-/tmp}/postulaty-corpus-bench
mkdir -p "$TMP"
for n in 22118 110000 440000; do
  [ -f "$TMP/big-$n.jsonl" ] || python3 Benchmarks/corpus/make-big.py $n "$TMP/big-$n.jsonl"
done
for run in 1 2 3; do
  for n in 22118 110000 440000; do
    f="$TMP/big-$n.jsonl"
    /usr/bin/time -o "$TMP/t" -f "stats $n %e %U %M" "$BIN" corpus stats "$f" > /dev/null; cat "$TMP/t"
    /usr/bin/time -o "$TMP/t" -f "validate $n %e %U %M" "$BIN" corpus validate "$f" > /dev/null 2>&1 || true; cat "$TMP/t"
    /usr/bin/time -o "$TMP/t" -f "python-json $n %e %U %M" python3 Benchmarks/corpus/read-baseline.py "$f" > /dev/null; cat "$TMP/t"
  done
done 2>&1 | grep -E '^(stats|validate|python-json) '
