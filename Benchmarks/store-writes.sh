#!/usr/bin/env bash
# Write latency of the staff review store under `postulaty serve --store` on loopback, with wrk (Debian package
# `wrk`) and a Lua script per write: POST /api/postulates (one new postulate a request) and PUT …/review, 16
# connections (16 concurrent writers), DURATION each (10 s default). A fresh store in a temporary folder each run;
# the server is stopped at the end. Target (issue 18): p99 ≤ 20 ms.
# Usage: Benchmarks/store-writes.sh [RUNS]      (BIN=.build/debug/postulaty to use another binary)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-10s}
runs=${1:-1}
bin=${BIN:-.build/release/postulaty}
[ -x "$bin" ] || swift build -c release --product postulaty
command -v wrk >/dev/null || { echo "no wrk: apt-get install -y wrk" >&2; exit 1; }
for run in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  export TOKEN="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" RUN=$run
  echo "bench:$TOKEN" > "$dir/tokens"
  log="$dir/log"
  "$bin" serve --port 0 --store "$dir/store.sqlite" --tokens "$dir/tokens" 2>"$log" &
  pid=$!
  for _ in $(seq 1 1200); do grep -q '127.0.0.1:[0-9]' "$log" && break; kill -0 $pid || { cat "$log"; exit 1; }; sleep 0.1; done
  port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log" | head -1)
  base="http://127.0.0.1:$port"
  echo "== run $run: load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for script in add review; do
    echo "-- $script: wrk -t2 -c16 -d$duration --latency -s Benchmarks/store/$script.lua $base"
    wrk -t2 -c16 -d"$duration" --latency -s "Benchmarks/store/$script.lua" "$base" \
      | grep -E "Requests/sec|Latency  |50%|90%|99%|requests in|Non-2xx|Socket errors"
    echo "   load: $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  kill -INT $pid; wait $pid || true
  "$bin" store check --store "$dir/store.sqlite" 2>&1 | tail -1
  rm -rf "$dir"
done
