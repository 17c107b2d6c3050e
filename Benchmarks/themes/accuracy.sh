#!/bin/sh
# Accuracy figures of Benchmarks/RESULTS.md, section "Themes (issue 4)". Run from the repository root:
#   BIN=.build-themes-rel/release/postulaty Benchmarks/themes/accuracy.sh
# Needs ../shared/eval/pb-titles-dev.jsonl and scikit-learn (pip install scikit-learn) for the anchors.
set -eu
BIN=${BIN:-.build-themes-rel/release/postulaty}
WORK=${WORK:-/tmp/themes-accuracy}
mkdir -p "$WORK"

echo "== Wrocław categories: fixed split (Benchmarks/themes/wroclaw-split.tsv), ours"
python3 Benchmarks/themes/wroclaw.py prepare "$WORK"
"$BIN" eval "$WORK/wroclaw-train.jsonl" --labels categories --fields text --test "$WORK/wroclaw-test.jsonl" \
    --dump-terms "$WORK/wroclaw-train-terms.jsonl"
"$BIN" eval "$WORK/wroclaw-test.jsonl" --labels categories --fields text --folds 2 \
    --dump-terms "$WORK/wroclaw-test-terms.jsonl" > /dev/null
echo "== Wrocław categories: scikit-learn on the same split (raw titles, then our analyzer's terms)"
python3 Benchmarks/themes/wroclaw.py sklearn "$WORK" 2>/dev/null
python3 Benchmarks/themes/wroclaw.py sklearn "$WORK" --terms 2>/dev/null

echo "== Corpora themes: 5-fold cross-validation, resubmission groups kept in one fold"
"$BIN" eval --labels themes --folds 5
echo "== Corpora themes: trained on one authored set, tested on the other; trained on both, tested on the real seed meeting"
"$BIN" eval Corpora/authored-a.jsonl --test Corpora/authored-b.jsonl
"$BIN" eval Corpora/authored-b.jsonl --test Corpora/authored-a.jsonl
"$BIN" eval Corpora/authored-a.jsonl Corpora/authored-b.jsonl --test Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl

echo "== Response stance (single-label, from the response text, without stop words as Models/stance.model): 5-fold cross-validation"
"$BIN" eval --labels response_stance --fields response --stop-words none --folds 5
echo "== Response stance with the default stop words (for comparison)"
"$BIN" eval --labels response_stance --fields response --folds 5
