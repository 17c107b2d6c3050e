#!/usr/bin/env bash
# Installs the Debian packages Postulaty needs (run as root on Debian 12; does nothing when all are present):
#   libicu-dev, pkg-config            ICU for normalisation and word breaking
#   libmorfologik-stemming-java       the PoliMorf dictionary (morfologik-polish.jar), read natively, no Java at run time
#   poppler-utils                     pdftotext, for importing meeting summaries published as PDF
#   libsqlite3-dev                    SQLite for the staff review store (GRDB links the system library)
set -euo pipefail
packages=(libicu-dev pkg-config libmorfologik-stemming-java poppler-utils libsqlite3-dev)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  echo "installed: ${missing[*]}" >&2
fi
