#!/usr/bin/env bash
# Analysis throughput on running text, one core (issue 2): normalise + tokenise + stop words + lemmatise.
# Running text: the Polish UD dev sentences (../shared/eval/ud-polish-dev-tokens.tsv, forms joined in order,
# i.e. real sentences, lower-cased) repeated 8 times, plus the corpus's own paragraphs (texts, justifications,
# responses of Corpora/*.jsonl) and the seed meeting summary.
# usage: Benchmarks/analysis/throughput.sh [RUNS]   (from the repository root)
set -euo pipefail
runs=${1:-5}
eval_dir=${POSTULATY_EVAL:-../shared/eval}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cut -f1 "$eval_dir/ud-polish-dev-tokens.tsv" | paste -sd' ' | fold -w 2000 -s > "$tmp/ud.txt"
for i in 1 2 3 4 5 6 7 8; do cat "$tmp/ud.txt"; done > "$tmp/ud8.txt"
swift build -c release --product postulaty-bench >/dev/null
for r in $(seq "$runs"); do
  echo "== run $r"
  .build/release/postulaty-bench analyze --passes 5 "$tmp/ud8.txt" Corpora/*.jsonl Corpora/*.txt
done
