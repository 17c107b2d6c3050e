#!/usr/bin/env bash
# Starts `postulaty serve` on a free loopback port and renders /, /search?q=… and /postulates/{id} with headless
# Chromium into PNGs (not committed). Look at them before changing a page.
# Usage: scripts/screenshot-serve.sh [OUT_DIR] [POSTULATE_ID]   (Debian: apt-get install -y chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/postulaty-screens}
id=${2:-b-2025-024}
mkdir -p "$out"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "no chromium: apt-get install -y chromium" >&2; exit 1; }
bin=.build/debug/postulaty
[ -x "$bin" ] || swift build --product postulaty
log=$(mktemp)
"$bin" serve --port 0 2>"$log" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
port=""
for _ in $(seq 1 300); do
  port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log" | head -1)
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start" >&2; cat "$log" >&2; exit 1; }
base="http://127.0.0.1:$port"
shot() {
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1600 \
    --screenshot="$out/$1.png" "$2" >/dev/null 2>&1
  echo "$out/$1.png  ← $2"
}
shot home "$base/"
shot search "$base/search?q=kluby+seniorow+w+dzielnicach&top=5"
shot postulate "$base/postulates/$id"
shot hostile "$base/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E+%D7%A9%D7%9C%D7%95%D7%9D+zero%E2%80%8Bwidth+$(printf 'a%.0s' $(seq 1 300))"
shot tag "$base/tag"
