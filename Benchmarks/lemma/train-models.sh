#!/usr/bin/env bash
# Regenerates Models/lemma-priors.tsv and Models/guesser-pl.tsv (the lemmatiser's tables; see docs/lemmatiser.md).
# Deterministic: the same dictionary and wordfreq version give byte-identical files.
#
# usage (from anywhere): Benchmarks/lemma/train-models.sh [--holdout]
#   --holdout   only print the guesser's accuracy on held-out lexicon lemmas (writes nothing)
#   BIN_DIR     folder with a release build of postulaty-bench (skips the build); SCRATCH: build scratch path
#   PYTHON      a python3 with wordfreq 3.1.1 installed (default: a temporary venv gets it from PyPI)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/lemma/tools.sh
"$BIN_DIR/postulaty-bench" lemma-dump > "$TMP/dump.tsv"
"$PYTHON" Benchmarks/lemma/train-models.py "$TMP/dump.tsv" Models "$@"
