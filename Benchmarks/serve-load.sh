#!/usr/bin/env bash
# Load benchmark of `postulaty serve` on loopback with wrk (Debian package `wrk`): /api/similar and /search,
# 16 connections, 10 s each (DURATION to change), on the Corpora index and, when given, on another corpus (the 22k
# real titles of the shared eval set: never committed). Prints wrk's latency distribution and the server's memory.
# Usage: Benchmarks/serve-load.sh [CORPUS.jsonl]      (builds the release binary if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-10s}
bin=.build/release/postulaty
[ -x "$bin" ] || swift build -c release --product postulaty
command -v wrk >/dev/null || { echo "no wrk: apt-get install -y wrk" >&2; exit 1; }
run() {  # $1: label, rest: serve arguments
  label=$1; shift
  log=$(mktemp)
  "$bin" serve --port 0 "$@" 2>"$log" &
  pid=$!
  for _ in $(seq 1 1200); do grep -q '127.0.0.1:[0-9]' "$log" && break; kill -0 $pid || { cat "$log"; exit 1; }; sleep 0.1; done
  port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log" | head -1)
  head -1 "$log"
  base="http://127.0.0.1:$port"
  echo "== $label: load before: $(cut -d' ' -f1-3 /proc/loadavg); RSS $(ps -o rss= -p $pid) kB"
  for path in "/api/similar?q=kluby%20seniorow%20w%20dzielnicach&top=10" "/search?q=plac%20zabaw%20dla%20dzieci&top=10"; do
    echo "-- wrk -t2 -c16 -d$duration --latency '$base$path'"
    wrk -t2 -c16 -d"$duration" --latency "$base$path" | grep -E "Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx|Socket errors"
    echo "   RSS after: $(ps -o rss= -p $pid) kB; load: $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  kill -INT $pid; wait $pid || true
  rm -f "$log"
}
run "Corpora (472 postulates)"
[ $# -ge 1 ] && run "$(basename "$1") ($(wc -l <"$1") records)" --corpus "$1"
exit 0
