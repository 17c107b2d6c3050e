#!/usr/bin/env bash
# Regenerates Models/forms.table: the lemmatiser's answers for the N most frequent Polish word forms (wordfreq 3.1.1,
# 'large' list, most frequent first), each run through the live lemmatiser (docs/lemmatiser.md, "The table of
# frequent forms"). Run it after any change of the dictionary, Models/lemma-priors.tsv, Models/guesser-pl.tsv or the
# choice rules: a table made with other data is ignored (with a note on stderr). Deterministic: the same data and
# wordfreq version give the same bytes. The forms come from wordfreq only, never from evaluation text.
#
# usage (from anywhere): Benchmarks/lemma/make-forms-table.sh [N]   (default 200000)
#   BIN_DIR  folder with a release build of postulaty-bench (skips the build); SCRATCH: build scratch path
#   PYTHON   a python3 with wordfreq 3.1.1 installed (default: a temporary venv gets it from PyPI)
#   OUT      the table to write (default Models/forms.table)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-200000}
source Benchmarks/lemma/tools.sh
"$PYTHON" -c "import sys, wordfreq; sys.stdout.write(''.join(w + '\n' for w in wordfreq.top_n_list('pl', 10**7, wordlist='large')))" > "$TMP/words.txt"
"$BIN_DIR/postulaty-bench" forms-table build "$TMP/words.txt" "$n" "${OUT:-Models/forms.table}"
"$BIN_DIR/postulaty-bench" forms-table check "${OUT:-Models/forms.table}"
