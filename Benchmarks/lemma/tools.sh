# Sourced by train-models.sh and make-forms-table.sh (from the repository root): a release postulaty-bench in
# BIN_DIR (built unless BIN_DIR is set; SCRATCH: build scratch path), a python3 with wordfreq 3.1.1 in PYTHON (a
# temporary venv gets it from PyPI unless PYTHON is set), and a temporary folder TMP removed on exit.
if [[ -z "${BIN_DIR:-}" ]]; then
  swift build -c release --scratch-path "${SCRATCH:-.build}" --product postulaty-bench >&2
  BIN_DIR=$(swift build -c release --scratch-path "${SCRATCH:-.build}" --show-bin-path)
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
if [[ -z "${PYTHON:-}" ]]; then
  python3 -m venv "$TMP/venv"
  "$TMP/venv/bin/pip" install -q "wordfreq==3.1.1"
  PYTHON="$TMP/venv/bin/python"
fi
