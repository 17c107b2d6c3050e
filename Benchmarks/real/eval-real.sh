#!/bin/sh
# Evaluates a built postulaty on the real development sets of issue 15 (Benchmarks/real/README.md).
# Usage, from the repository root: Benchmarks/real/eval-real.sh [BINARY] [extra eval_real.py options]
# (default binary .build/debug/postulaty; titles from ../shared/eval/pb-titles-dev.jsonl, never committed).
# Prints Markdown tables for Benchmarks/RESULTS.md, with the machine load before and after.
set -eu
bin=${1:-.build/debug/postulaty}
[ $# -gt 0 ] && shift
titles=${TITLES:-../shared/eval/pb-titles-dev.jsonl}
[ -x "$bin" ] || { echo "no binary at $bin (swift build first)" >&2; exit 1; }
[ -f "$titles" ] || { echo "no titles at $titles" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "_load before: $(uptime | sed 's/.*load average/load average/')_"
echo
nice -n 10 python3 Benchmarks/real/eval_real.py --bin "$bin" --titles "$titles" --work "$work" "$@"
echo "_load after: $(uptime | sed 's/.*load average/load average/')_"
