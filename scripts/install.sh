#!/usr/bin/env bash
# Builds the release binary and installs the tool with the data it ships with:
#   PREFIX/bin/postulaty          the tool (Swift's runtime linked in statically, so it runs without the toolchain)
#   PREFIX/share/postulaty/       the analyzer's tables (lemma-priors.tsv, guesser-pl.tsv, forms.table), taxonomy.json,
#                                 themes.model, stance.model, similarity.index (copied from Models/)
#   PREFIX/share/doc/postulaty/   LICENSE and NOTICE (the data's licences), README.md and docs/ (the manual the
#                                 tool's --help points to: docs/service.md, docs/store.md, …)
# The installed tool finds PREFIX/share/postulaty beside its binary, so it works from any folder; the user's
# own Models/ in the working directory still wins for the models, index and taxonomy (see README, "Install").
#
# Usage: scripts/install.sh PREFIX        e.g. scripts/install.sh /usr/local   or   scripts/install.sh ~/.local
#
# Idempotent: a second run replaces the same files and nothing else. Each file is copied to a temporary name in
# its folder and renamed into place, so a running copy of the tool never reads a half-written file.
# Run-time requirements stay the Debian packages of scripts/setup.sh (ICU, the Morfologik dictionary).
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ] || [ "${1#-}" != "$1" ]; then
  echo "użycie: scripts/install.sh PREFIKS   (np. /usr/local albo ~/.local)" >&2
  exit 2
fi
mkdir -p -- "$1"
prefix=$(cd -- "$1" && pwd)
repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd -- "$repo"

# The data the tool ships with: everything it reads from Models/ when no path is given.
data_files=(lemma-priors.tsv guesser-pl.tsv forms.table taxonomy.json themes.model stance.model similarity.index)
for f in "${data_files[@]}"; do
  [ -f "Models/$f" ] || { echo "install.sh: brak pliku Models/$f w $repo" >&2; exit 1; }
done

swift build -c release --product postulaty --static-swift-stdlib
bin_dir=$(swift build -c release --static-swift-stdlib --show-bin-path)

# Copies $1 to $2 with mode $3 through a temporary file in $2's folder and a rename.
put() {
  local tmp
  tmp="$(dirname -- "$2")/.$(basename -- "$2").install-$$"
  install -m "$3" -- "$1" "$tmp"
  mv -f -- "$tmp" "$2"
}

mkdir -p -- "$prefix/bin" "$prefix/share/postulaty"
put "$bin_dir/postulaty" "$prefix/bin/postulaty" 0755
for f in "${data_files[@]}"; do
  put "Models/$f" "$prefix/share/postulaty/$f" 0644
done
# The licence and the notice travel with the binary and the data (lemma-priors.tsv is CC BY-SA 4.0; NOTICE says why).
mkdir -p -- "$prefix/share/doc/postulaty"
for f in LICENSE NOTICE README.md; do
  put "$f" "$prefix/share/doc/postulaty/$f" 0644
done
# The manual: `--help` names docs/service.md, docs/store.md…, which a server without the repository must still have.
mkdir -p -- "$prefix/share/doc/postulaty/docs"
for f in docs/*.md docs/openapi.json; do
  put "$f" "$prefix/share/doc/postulaty/$f" 0644
done

echo "zainstalowano: $prefix/bin/postulaty, $prefix/share/postulaty/ (${data_files[*]}), dokumentacja: $prefix/share/doc/postulaty/" >&2
if [ ! -e "${POSTULATY_MORFOLOGIK:-/usr/share/java/morfologik-polish.jar}" ]; then
  echo "uwaga: brak słownika ${POSTULATY_MORFOLOGIK:-/usr/share/java/morfologik-polish.jar}: zainstaluj libmorfologik-stemming-java (scripts/setup.sh)" >&2
fi
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "uwaga: $prefix/bin nie jest w PATH; dodaj: export PATH=\"$prefix/bin:\$PATH\"" >&2 ;;
esac
