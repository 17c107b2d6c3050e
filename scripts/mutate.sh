#!/usr/bin/env bash
# Mutation harness (issue 19): plants one small, plausible bug at a time in a scratch copy of the repository and
# checks that the tests named for it fail. See docs/testing.md.
#
#   scripts/mutate.sh                       # every row of the catalogue
#   scripts/mutate.sh --module Messages     # one module's rows (a few minutes once the scratch copy is built)
#   scripts/mutate.sh --id SIM-03,SIM-04    # chosen rows
#   scripts/mutate.sh --check               # only check that each row's original text occurs exactly once
#
# Options: --catalogue FILE (default Benchmarks/mutations/catalogue.tsv), --scratch DIR (default .build-mutate,
# kept between runs so only the first build is cold; it also keeps each row's latest result), --out FILE (default
# Benchmarks/mutations/results.md, the table of the whole catalogue), --timeout SECONDS per
# test run (default 900), --no-baseline (skip checking that each row's tests pass on the unmutated code).
#
# Catalogue rows (tab-separated, '#' starts a comment line):
#   id  module  file  original  replacement  test-filter  description
# `original` must occur exactly once in `file`, else the row is an error (fix the row). In `original` and
# `replacement`, \t stands for a tab and \n for a newline. `test-filter` is passed to `swift test --filter`.
#
# Result per row: killed (a test failed or timed out), survived (all its tests passed), build-failed (the mutant
# does not compile: counts as neither, fix the row), error (the row does not apply). Score = killed / (killed +
# survived).
set -u
shopt -u patsub_replacement 2>/dev/null || true

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

catalogue=Benchmarks/mutations/catalogue.tsv
scratch=.build-mutate
out=""
timeout_s=900
module=""
ids=""
check_only=0
baseline=1

while [ $# -gt 0 ]; do
    case "$1" in
        --module) module="$2"; shift 2 ;;
        --id) ids="$2"; shift 2 ;;
        --catalogue) catalogue="$2"; shift 2 ;;
        --scratch) scratch="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --timeout) timeout_s="$2"; shift 2 ;;
        --check) check_only=1; shift ;;
        --no-baseline) baseline=0; shift ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) echo "mutate.sh: unknown option $1 (see --help)" >&2; exit 64 ;;
    esac
done
[ -n "$out" ] || out=Benchmarks/mutations/results.md
case "$out" in /*) ;; *) out="$repo/$out" ;; esac
case "$catalogue" in /*) ;; *) catalogue="$repo/$catalogue" ;; esac
case "$scratch" in /*) ;; *) scratch="$repo/$scratch" ;; esac
[ -f "$catalogue" ] || { echo "mutate.sh: no catalogue $catalogue" >&2; exit 1; }

unescape() { local s="${1//\\t/$'\t'}"; printf '%s' "${s//\\n/$'\n'}"; }

# Rows selected by --module / --id, as parallel arrays.
R_ID=(); R_MOD=(); R_FILE=(); R_ORIG=(); R_REPL=(); R_FILTER=(); R_DESC=()
while IFS=$'\t' read -r id mod file orig repl filter desc; do
    case "$id" in ''|'#'*) continue ;; esac
    if [ -n "$module" ] && [ "$mod" != "$module" ]; then continue; fi
    if [ -n "$ids" ] && [[ ",$ids," != *",$id,"* ]]; then continue; fi
    R_ID+=("$id"); R_MOD+=("$mod"); R_FILE+=("$file"); R_ORIG+=("$(unescape "$orig")"); R_REPL+=("$(unescape "$repl")")
    R_FILTER+=("$filter"); R_DESC+=("$desc")
done < "$catalogue"
n=${#R_ID[@]}
[ "$n" -gt 0 ] || { echo "mutate.sh: no catalogue row matches" >&2; exit 1; }

# How many times `needle` occurs in the file's text.
occurrences() {
    local text needle="$2"
    IFS= read -r -d '' text < "$1" || true
    local stripped="${text//"$needle"/}"
    echo $(( (${#text} - ${#stripped}) / ${#needle} ))
}

if [ "$check_only" = 1 ]; then
    bad=0
    for ((i = 0; i < n; i++)); do
        f="$repo/${R_FILE[$i]}"
        if [ ! -f "$f" ]; then echo "${R_ID[$i]}: no file ${R_FILE[$i]}"; bad=$((bad + 1)); continue; fi
        c=$(occurrences "$f" "${R_ORIG[$i]}")
        if [ "$c" != 1 ]; then echo "${R_ID[$i]}: original text occurs $c times in ${R_FILE[$i]}"; bad=$((bad + 1)); fi
    done
    echo "$n rows checked, $bad errors"
    [ "$bad" = 0 ]; exit
fi

# The scratch copy: the repository without its build folders, updated in place (unchanged files keep their
# modification times, so the scratch's own .build stays incremental).
echo "mutate.sh: copying the repository to $scratch/repo" >&2
mkdir -p "$scratch/repo" "$scratch/logs"
if command -v rsync >/dev/null; then
    rsync -a --delete --exclude=/.build --exclude='/.build-*' --exclude=/.git --exclude=/Fuzz/.build ./ "$scratch/repo/"
else
    tar -C . --exclude=./.build --exclude='./.build-*' --exclude=./.git --exclude=./Fuzz/.build -cf - . | tar -C "$scratch/repo" -xf -
fi
cd "$scratch/repo"
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# The binary (the CLI tests run it) and the test bundle; not the benchmark program, which no test needs.
build() { { swift build --product postulaty && swift build --product PostulatyPackageTests; } > "$1" 2>&1; }
runtests() { timeout "$timeout_s" swift test --skip-build --filter "$1" > "$2" 2>&1; }

log "building the scratch copy (the first time is a cold build)"
if ! swift build --build-tests > "$scratch/logs/build-baseline.log" 2>&1; then
    echo "mutate.sh: the unmutated scratch copy does not build; see $scratch/logs/build-baseline.log" >&2; exit 1
fi

if [ "$baseline" = 1 ]; then
    declare -A seen=()
    for ((i = 0; i < n; i++)); do
        fl="${R_FILTER[$i]}"
        [ -n "${seen[$fl]:-}" ] && continue
        seen[$fl]=1
        log "baseline: $fl"
        if ! runtests "$fl" "$scratch/logs/baseline.log"; then
            echo "mutate.sh: tests '$fl' fail on the unmutated code; see $scratch/logs/baseline.log" >&2; exit 1
        fi
    done
fi

# Results are kept per row in $scratch/results.tsv (id, result, seconds, date, commit): a run of one module or one
# id updates its rows, and the table is written for the whole catalogue from the latest result of each row.
state="$scratch/results.tsv"
touch "$state"
commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')"
run_errors=0
active=""
# An interrupted run puts the mutated file back as it was.
trap '[ -n "$active" ] && cp "$scratch/original" "$active"; exit 130' INT TERM
for ((i = 0; i < n; i++)); do
    id="${R_ID[$i]}"; f="${R_FILE[$i]}"
    t0=$(date +%s)
    result=""
    if [ ! -f "$f" ]; then
        result=error
    elif [ "$(occurrences "$f" "${R_ORIG[$i]}")" != 1 ]; then
        result=error
    else
        cp "$f" "$scratch/original"; active="$f"
        IFS= read -r -d '' text < "$f" || true
        printf '%s' "${text/"${R_ORIG[$i]}"/"${R_REPL[$i]}"}" > "$f"
        if ! build "$scratch/logs/$id.build.log"; then
            result=build-failed
        elif runtests "${R_FILTER[$i]}" "$scratch/logs/$id.test.log"; then
            result=survived
        else
            result=killed
        fi
        cp "$scratch/original" "$f"
        active=""
    fi
    case "$result" in killed|survived) ;; *) run_errors=$((run_errors + 1)) ;; esac
    secs=$(( $(date +%s) - t0 ))
    log "$id ($((i + 1))/$n): $result in $secs s"
    grep -v -P "^\Q$id\E\t" "$state" > "$state.new" || true
    printf '%s\t%s\t%s\t%s\t%s\n' "$id" "$result" "$secs" "$(date -u +%Y-%m-%dT%H:%MZ)" "$commit" >> "$state.new"
    mv "$state.new" "$state"
done
# Leave the scratch copy as the repository is (the last restored file rebuilds on the next run anyway).

# The table over the whole catalogue.
killed=0; survived=0; buildfail=0; errors=0; notrun=0; total=0
rows=""
while IFS=$'\t' read -r id mod file orig repl filter desc; do
    case "$id" in ''|'#'*) continue ;; esac
    total=$((total + 1))
    line="$(grep -P "^\Q$id\E\t" "$state" | tail -n 1)"
    result="$(cut -f2 <<< "$line")"; when="$(cut -f4 <<< "$line")"
    [ -n "$result" ] || result="not run"
    case "$result" in
        killed) killed=$((killed + 1)) ;; survived) survived=$((survived + 1)) ;;
        build-failed) buildfail=$((buildfail + 1)) ;; "not run") notrun=$((notrun + 1)) ;; *) errors=$((errors + 1)) ;;
    esac
    rows+="| $id | $mod | \`${file#Sources/}\` | ${desc//|/\\|} | \`${filter//|/\\|}\` | **$result** | $when |"$'\n'
done < "$catalogue"
scored=$((killed + survived))
score="n/a"
[ "$scored" -gt 0 ] && score="$(( (killed * 1000 / scored + 5) / 10 )) %"
mkdir -p "$(dirname "$out")"
{
    echo "# Mutation results"
    echo
    echo "Written by \`scripts/mutate.sh\` (docs/testing.md); last run: \`scripts/mutate.sh${module:+ --module $module}${ids:+ --id $ids}\`, $(date -u +%Y-%m-%dT%H:%MZ), commit $commit. Each row shows its latest result."
    echo
    echo "**$total mutants: $killed killed, $survived survived, $buildfail build-failed, $errors errors, $notrun not run — score $score** (killed / (killed + survived))."
    echo
    echo "| id | module | file | mutation | tests run | result | when |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s' "$rows"
} > "$out"
log "wrote $out: $total mutants, $killed killed, $survived survived, $buildfail build-failed, $errors errors, $notrun not run; score $score"
[ "$run_errors" = 0 ]
