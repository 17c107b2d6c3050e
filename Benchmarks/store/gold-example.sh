#!/usr/bin/env bash
# Reviewed same_as links as gold pairs (issue 18), on a small example: a store made by `serve --store` from four 2024
# postulates, six more added over HTTP, five reviews (three with links), then `eval --store` (the corpus files
# given as arguments, default Corpora/*.jsonl: the authored groups beside the links), `store export` and
# `dedupe EXPORT --gold`, and gold-anchor.py computing the reviewed figures independently from the export and
# dedupe's JSONL pairs. The same example (its fixtures) as Tests/CLITests/StoreGoldPairsTests.swift.
# Usage: Benchmarks/store/gold-example.sh [CORPUS FILES...]      (BIN=... for another binary)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${BIN:-.build/debug/postulaty}
[ -x "$bin" ] || swift build --product postulaty
[ $# -gt 0 ] || set -- Corpora/*.jsonl
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
token="gold-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
echo "ala:$token" > "$dir/tokens"
seed=Tests/CLITests/Fixtures/store-gold-seed.jsonl added=Tests/CLITests/Fixtures/store-gold-added.jsonl
"$bin" serve --port 0 --store "$dir/store.sqlite" --tokens "$dir/tokens" --corpus "$seed" 2>"$dir/log" &
pid=$!
for _ in $(seq 1 1200); do grep -q '127.0.0.1:[0-9]' "$dir/log" && break; kill -0 $pid || { cat "$dir/log"; exit 1; }; sleep 0.1; done
base="http://127.0.0.1:$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$dir/log" | head -1)"
auth="Authorization: Bearer $token"
curl -sf -H "$auth" -H 'Content-Type: application/x-ndjson' --data-binary @"$added" "$base/api/postulates" >/dev/null
review() { curl -sf -X PUT -H "$auth" -H 'Content-Type: application/json' -d "$2" "$base/api/postulates/$1/review" >/dev/null; }
review n1 '{"same_as":["s1"],"themes":["youth"]}'
review n2 '{"same_as":["s2"]}'
review n6 '{"same_as":["n1"],"note":"jak w 2025"}'
review n3 '{"themes":["youth"]}'
review n5 '{"stance":"referred"}'
kill -INT $pid; wait $pid || true
echo "== eval --store (folds 2) on $*"
"$bin" eval --folds 2 --store "$dir/store.sqlite" "$@" | sed -n '/^duplikaty/,$p'
"$bin" store export --store "$dir/store.sqlite" -o "$dir/export.jsonl" 2>/dev/null
echo "== dedupe EXPORT --gold"
"$bin" dedupe "$dir/export.jsonl" --gold 2>/dev/null
echo "== anchor (gold-anchor.py on the export and dedupe's pairs)"
"$bin" dedupe "$dir/export.jsonl" 2>/dev/null > "$dir/pairs.jsonl"
python3 Benchmarks/store/gold-anchor.py "$dir/export.jsonl" "$dir/pairs.jsonl"
echo "== anchor for the authored groups of $*"
cat "$@" > "$dir/corpus.jsonl"
"$bin" dedupe "$@" 2>/dev/null > "$dir/corpus-pairs.jsonl"
python3 Benchmarks/store/gold-anchor.py "$dir/corpus.jsonl" "$dir/corpus-pairs.jsonl" | tail -1
