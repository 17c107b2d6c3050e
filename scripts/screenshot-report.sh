#!/usr/bin/env bash
# Renders a report as its reader sees it, with headless Chromium (Debian `chromium`):
#   1. the screen view: a PNG of the top of index.html at a laptop width, plus slices further down;
#   2. the printed view: index.html printed to an A4 PDF (the page's own @page rules), and PNGs of its first pages
#      (poppler's pdftoppm).
# Look at the PNGs before committing a change to the report's layout: overlapping labels, unreadable colours,
# empty charts, tables wider than the page.
#
# Usage: scripts/screenshot-report.sh [REPORT_DIR] [OUT_DIR] [PAGES]
#   REPORT_DIR  folder holding index.html (default: Reports/krakow)
#   OUT_DIR     where the images go (default: $TMPDIR/postulaty-report-shots; not committed)
#   PAGES       how many A4 pages to turn into PNGs (default: 6)
set -euo pipefail

report_dir=${1:-Reports/krakow}
out_dir=${2:-${TMPDIR:-/tmp}/postulaty-report-shots}
pages=${3:-6}

[ -f "$report_dir/index.html" ] || { echo "screenshot-report: $report_dir/index.html not found (run: postulaty report)" >&2; exit 1; }

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "DejaVuSans" || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "screenshot-report: installing ${need[*]}" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

mkdir -p "$out_dir"
url="file://$(cd "$report_dir" && pwd)/index.html"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
        --user-data-dir="$profile" --force-device-scale-factor=1)

# Screen: the first screen at 1100 x 1400 px, and one tall capture cut into 1400 px slices when ImageMagick is
# there (the A4 pages below show the rest of the content either way).
"${chrome[@]}" --window-size=1100,1400 --screenshot="$out_dir/screen-top.png" "$url" 2>/dev/null
"${chrome[@]}" --window-size=1100,8400 --screenshot="$out_dir/screen-full.png" "$url" 2>/dev/null
if convert -version 2>/dev/null | grep -q ImageMagick; then
  convert "$out_dir/screen-full.png" -crop 1100x1400 +repage "$out_dir/screen-%02d.png"
fi

# Print: A4 PDF, then its first pages as PNGs (100 dpi: an A4 page is 827 x 1169 px).
"${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$out_dir/report-a4.pdf" "$url" 2>/dev/null
pdftoppm -r 100 -png -f 1 -l "$pages" "$out_dir/report-a4.pdf" "$out_dir/a4-page"

echo "screenshot-report: $(ls "$out_dir" | wc -l) files in $out_dir"
ls "$out_dir"
