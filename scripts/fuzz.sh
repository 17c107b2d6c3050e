#!/usr/bin/env bash
# Builds the libFuzzer harness (Fuzz/, a package of its own) and runs one target. See docs/fuzzing.md.
#
# Usage: scripts/fuzz.sh TARGET [RUNS] [-- LIBFUZZER_OPTIONS...]
#   TARGET  jsonl | csv | meeting | model | index | build (only build) | seeds (only make the seed corpora)
#   RUNS    executions to run (default 10000000; -1 = until stopped or a crash)
#
# Run from anywhere; it works in the repository root. The seed corpus is made from the repository's own files
# under Fuzz/corpus/TARGET (not committed: .gitignore), and the fuzzer adds what it finds there; crashes go to
# Fuzz/artifacts/TARGET/. Environment: FUZZ_JOBS (parallel jobs, default 1), FUZZ_NICE (default 19),
# FUZZ_SANITIZE (default fuzzer,address), POSTULATY (a built postulaty binary for making CSV/model/index
# seeds; default .build/debug/postulaty, built if missing).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
target=${1:-}
runs=${2:-10000000}
shift $(( $# > 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
extra=("$@")

case "$target" in
  jsonl|csv|meeting|model|index|build|seeds) ;;
  *) echo "usage: scripts/fuzz.sh jsonl|csv|meeting|model|index|build|seeds [RUNS] [-- libFuzzer options]" >&2; exit 2 ;;
esac

sanitize=${FUZZ_SANITIZE:-fuzzer,address}
# One build folder per sanitizer set, so switching does not rebuild the other.
swiftpm=(swift build --package-path Fuzz -c release --product postulaty-fuzz --scratch-path "Fuzz/.build/${sanitize//,/-}"
         -Xswiftc "-sanitize=$sanitize" -Xswiftc -parse-as-library)
build() { "${swiftpm[@]}" >&2; }

postulaty_bin() {
  local bin=${POSTULATY:-$root/.build/debug/postulaty}
  if [ ! -x "$bin" ]; then swift build --product postulaty >&2; bin=$root/.build/debug/postulaty; fi
  echo "$bin"
}

# Seeds: the repository's own files, plus small files made from them (small inputs mutate faster).
seeds() {
  local t=$1 dir=Fuzz/corpus/$1 tmp
  mkdir -p "$dir"
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' RETURN
  case "$t" in
    jsonl)
      # Every line of every corpus on its own, and the whole meeting corpus.
      local n=0 f
      for f in Corpora/*.jsonl; do
        while IFS= read -r line; do n=$((n + 1)); printf '%s\n' "$line" > "$dir/seed-line-$n.jsonl"; done < "$f"
      done
      cp Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl "$dir/seed-krakow.jsonl"
      ;;
    csv)
      local bin; bin=$(postulaty_bin)
      head -n 5 Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl > "$tmp/small.jsonl"
      head -n 3 Corpora/authored-a.jsonl > "$tmp/authored.jsonl"
      "$bin" corpus convert "$tmp/small.jsonl" "$dir/seed-krakow-5.csv" >/dev/null
      "$bin" corpus convert "$tmp/small.jsonl" "$dir/seed-krakow-5-semicolon-bom.csv" --delimiter ';' --bom >/dev/null
      "$bin" corpus convert "$tmp/authored.jsonl" "$dir/seed-authored-3.csv" >/dev/null
      "$bin" corpus convert Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl "$dir/seed-krakow.csv" >/dev/null
      ;;
    meeting)
      # The first byte is the harness's switch (even: find the year in the text; odd: --year given).
      { printf '\000'; cat Corpora/krakow-2025-06-17-spotkanie-branzowe.txt; } > "$dir/seed-krakow-find-year.txt"
      { printf '\001'; cat Corpora/krakow-2025-06-17-spotkanie-branzowe.txt; } > "$dir/seed-krakow-year-given.txt"
      # Small extracts mutate faster: the date and the table header with rows 1-3, and with rows 9-10 and the end.
      local txt=Corpora/krakow-2025-06-17-spotkanie-branzowe.txt
      { printf '\000'; sed -n '1,12p;25,151p' "$txt"; } > "$dir/seed-krakow-rows-1-3.txt"
      { printf '\001'; sed -n '25,37p;290,357p' "$txt"; tail -n 12 "$txt"; } > "$dir/seed-krakow-rows-9-10.txt"
      ;;
    model)
      local bin; bin=$(postulaty_bin)
      cp Models/themes.model "$dir/seed-themes.model"
      cp Models/stance.model "$dir/seed-stance.model"
      # Small models (a few kB) trained on a dozen four-word records: one multi-label, one single-label.
      python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
recs = [json.loads(l) for l in open("Corpora/authored-a.jsonl")][:12]
stances = ["accepted", "rejected", "partial"]
with open(f"{tmp}/mini.jsonl", "w") as o:
    for i, r in enumerate(recs):
        o.write(json.dumps({"id": r["id"], "text": " ".join(r["text"].split()[:4]), "themes": r["themes"][:1],
                            "stance": stances[i % 3]}, ensure_ascii=False) + "\n")
PY
      local opts=(--fields text --no-bigrams --inner-folds 2 --min-df 1)
      "$bin" train "$tmp/mini.jsonl" -o "$dir/seed-mini-themes.model" "${opts[@]}" 2>/dev/null
      "$bin" train "$tmp/mini.jsonl" --labels stance -o "$dir/seed-mini-stance.model" "${opts[@]}" 2>/dev/null
      ;;
    index)
      local bin; bin=$(postulaty_bin)
      cp Models/similarity.index "$dir/seed-similarity.index"
      head -n 4 Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl > "$tmp/four.jsonl"
      head -n 1 Corpora/authored-b.jsonl > "$tmp/one.jsonl"
      "$bin" index build "$tmp/four.jsonl" -o "$dir/seed-four.index" >/dev/null 2>&1
      "$bin" index build "$tmp/one.jsonl" -o "$dir/seed-one.index" >/dev/null 2>&1
      ;;
  esac
}

max_len() {
  case "$1" in
    jsonl) echo 4096 ;; csv) echo 8192 ;; meeting) echo 8192 ;; model) echo 16384 ;; index) echo 4096 ;;
  esac
}

if [ "$target" = build ]; then build; exit 0; fi
if [ "$target" = seeds ]; then for t in jsonl csv meeting model index; do seeds "$t"; done; exit 0; fi

build
[ -n "$(ls -A "Fuzz/corpus/$target" 2>/dev/null)" ] || seeds "$target"
mkdir -p "Fuzz/artifacts/$target"
bin=$("${swiftpm[@]}" --show-bin-path)/postulaty-fuzz

export POSTULATY_FUZZ_TARGET=$target
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# A Swift trap is reported by libFuzzer (deadly signal, with a symbolised stack); the Swift runtime's own
# backtracer would read memory ASan has poisoned and report that instead.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
opts=(-runs="$runs" -max_len="$(max_len "$target")" -dict="Fuzz/dictionaries/$target.dict"
      -artifact_prefix="Fuzz/artifacts/$target/" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1)
[ "${FUZZ_JOBS:-1}" -gt 1 ] && opts+=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")
exec nice -n "${FUZZ_NICE:-19}" "$bin" "${opts[@]}" "${extra[@]}" "Fuzz/corpus/$target"
