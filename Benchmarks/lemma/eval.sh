#!/usr/bin/env bash
# Lemmatiser quality on UD Polish (issue 2): `postulaty stem` on the first column of the token file, scored by
# ../shared/eval/score-stemmer; then the same scores restricted to the tokens whose form the lexicon does not
# know (lemma source guesser or identity, as `postulaty-bench lemma-explain` reports it), and the guesser's share:
# the whole file scored again with each guessed lemma replaced by the form itself. (Among the unknown forms alone,
# pairwise F1 is degenerate on this file: its unknown forms almost never share a lemma; lemma accuracy is the
# informative figure there.)
#
# usage (from anywhere): Benchmarks/lemma/eval.sh [TOKENS.tsv]
#   TOKENS.tsv  default ../shared/eval/ud-polish-dev-tokens.tsv (relative to the repository root)
#   BIN_DIR     a folder with release builds of postulaty and postulaty-bench (skips the build)
#   SCRATCH     swift build --scratch-path for the release build (default .build)
set -euo pipefail
cd "$(dirname "$0")/../.."
TOKENS=${1:-../shared/eval/ud-polish-dev-tokens.tsv}
SCORER=../shared/eval/score-stemmer
if [[ -z "${BIN_DIR:-}" ]]; then
  swift build -c release --scratch-path "${SCRATCH:-.build}" --product postulaty >&2
  swift build -c release --scratch-path "${SCRATCH:-.build}" --product postulaty-bench >&2
  BIN_DIR=$(swift build -c release --scratch-path "${SCRATCH:-.build}" --show-bin-path)
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

cut -f1 "$TOKENS" > "$TMP/forms.txt"
"$BIN_DIR/postulaty" stem < "$TMP/forms.txt" > "$TMP/pred.txt"
echo "== all tokens: $TOKENS"
"$SCORER" "$TOKENS" "$TMP/pred.txt"

"$BIN_DIR/postulaty-bench" lemma-explain < "$TMP/forms.txt" > "$TMP/sources.tsv"
paste "$TOKENS" "$TMP/pred.txt" "$TMP/sources.tsv" \
  | awk -F'\t' -v t="$TMP" '{ src=$7 } src=="guesser"||src=="identity" { print $1"\t"$2"\t"$3 > t"/unk.tsv"; print $4 > t"/unk-pred.txt" }
                             { n[src]++ } END { for (s in n) printf "source %s: %d tokens\n", s, n[s] > "/dev/stderr" }' 2> "$TMP/counts.txt"
sort "$TMP/counts.txt"
echo "== tokens whose form the lexicon does not know (guesser or identity)"
"$SCORER" "$TMP/unk.tsv" "$TMP/unk-pred.txt"
awk -F'\t' '$7=="guesser"' <(paste "$TOKENS" "$TMP/pred.txt" "$TMP/sources.tsv") > "$TMP/g.tsv"
if [[ -s "$TMP/g.tsv" ]]; then
  cut -f1-3 "$TMP/g.tsv" > "$TMP/g-tok.tsv"; cut -f4 "$TMP/g.tsv" > "$TMP/g-pred.txt"
  echo "== of which the guesser changed the form"
  "$SCORER" "$TMP/g-tok.tsv" "$TMP/g-pred.txt"
fi
paste "$TMP/pred.txt" "$TMP/sources.tsv" | awk -F'\t' '{ print ($4 == "guesser") ? $2 : $1 }' > "$TMP/noguess.txt"
echo "== all tokens, guesser off (an unknown form is its own term)"
"$SCORER" "$TOKENS" "$TMP/noguess.txt"
paste "$TMP/pred.txt" "$TMP/sources.tsv" | awk -F'\t' '{ print ($4 == "guesser" || $4 == "diacritics") ? $2 : $1 }' > "$TMP/nodia.txt"
echo "== all tokens, guesser and diacritic restoration off"
"$SCORER" "$TOKENS" "$TMP/nodia.txt"
if [[ -s "$TMP/g.tsv" ]]; then
  echo "== guessed tokens left as the form (for comparison with the guesser's lemma accuracy above)"
  "$SCORER" "$TMP/g-tok.tsv" <(cut -f1 "$TMP/g-tok.tsv")
fi
