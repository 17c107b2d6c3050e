#!/usr/bin/env bash
# `postulaty stem` vs Morfologik's own Java stemmer (Debian libmorfologik-stemming-java, PolishStemmer, first
# lemma) on the same one million words, whole process each (start-up included), several alternating runs;
# prints each run, the medians, peak memory (max RSS from /usr/bin/time -v) and the speed ratio.
#
# The words: the forms of ../shared/eval/ud-polish-dev-tokens.tsv (first column), repeated and shuffled with a
# fixed seed (Python's random.Random(20251126)), first 1,000,000 kept: the same file on every machine.
# The Java class is compiled at benchmark time into a temporary folder (nothing generated is kept).
#
# usage (from anywhere): Benchmarks/lemma/stem-vs-morfologik.sh [RUNS]      (default 5)
#   BIN_DIR  folder with a release build of postulaty (skips the build); SCRATCH: build scratch path
# needs: java + javac (default-jdk-headless), libmorfologik-stemming-java, time (apt-get install time)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
TOKENS=../shared/eval/ud-polish-dev-tokens.tsv
if [[ -z "${BIN_DIR:-}" ]]; then
  swift build -c release --scratch-path "${SCRATCH:-.build}" --product postulaty >&2
  BIN_DIR=$(swift build -c release --scratch-path "${SCRATCH:-.build}" --show-bin-path)
fi
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time: apt-get install time" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 - "$TOKENS" "$TMP/words.txt" <<'PY'
import random, sys
forms = [l.split('\t', 1)[0] for l in open(sys.argv[1], encoding='utf-8')]
words = forms * (1_000_000 // len(forms) + 1)
random.Random(20251126).shuffle(words)
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    f.write('\n'.join(words[:1_000_000]) + '\n')
PY

CP=/usr/share/java/morfologik-stemming.jar:/usr/share/java/morfologik-polish.jar:/usr/share/java/morfologik-fsa.jar
mkdir -p "$TMP/java"
cat > "$TMP/java/MorfologikStem.java" <<'JAVA'
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.List;
import morfologik.stemming.PolishStemmer;
import morfologik.stemming.WordData;

/** One word a line on stdin; prints Morfologik's first lemma, or the word when it is unknown. */
public class MorfologikStem {
  public static void main(String[] args) throws IOException {
    PolishStemmer stemmer = new PolishStemmer();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
    for (String line; (line = in.readLine()) != null; ) {
      List<WordData> r = stemmer.lookup(line);
      out.println(r.isEmpty() ? line : r.get(0).getStem().toString());
    }
    out.flush();
  }
}
JAVA
javac -cp "$CP" -d "$TMP/java" "$TMP/java/MorfologikStem.java"

run() {  # name, command...; prints "wall_seconds maxrss_kb cpu_seconds" (cpu = user + system)
  local name=$1; shift
  /usr/bin/time -v -o "$TMP/time.txt" "$@" < "$TMP/words.txt" > "$TMP/out-$name.txt"
  local secs kb cpu
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$TMP/time.txt")
  kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$TMP/time.txt")
  echo "$secs $kb $cpu"
}

echo "words: $(wc -l < "$TMP/words.txt") (distinct: $(sort -u "$TMP/words.txt" | wc -l)); runs: $RUNS; $(nproc) cores; $(date -u +%F)"
: > "$TMP/swift.txt"; : > "$TMP/java.txt"
for i in $(seq "$RUNS"); do
  s=$(run swift "$BIN_DIR/postulaty" stem); echo "run $i postulaty stem: $s" ; echo "$s" >> "$TMP/swift.txt"
  j=$(run java java -cp "$CP:$TMP/java" MorfologikStem); echo "run $i morfologik:    $j"; echo "$j" >> "$TMP/java.txt"
done
echo kot > "$TMP/one.txt"
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %U %S" -a -o "$TMP/start.txt" "$BIN_DIR/postulaty" stem < "$TMP/one.txt" > /dev/null
done
echo "start-up (one word, median of $RUNS): $(awk '{ print $1 }' "$TMP/start.txt" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')s wall, $(awk '{ print $2 + $3 }' "$TMP/start.txt" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')s CPU"
[[ $(wc -l < "$TMP/out-swift.txt") == 1000000 ]] || { echo "postulaty stem did not write one line per word" >&2; exit 1; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ms=$(cut -d' ' -f1 "$TMP/swift.txt" | median); mj=$(cut -d' ' -f1 "$TMP/java.txt" | median)
rs=$(cut -d' ' -f2 "$TMP/swift.txt" | median); rj=$(cut -d' ' -f2 "$TMP/java.txt" | median)
cs=$(cut -d' ' -f3 "$TMP/swift.txt" | median); cj=$(cut -d' ' -f3 "$TMP/java.txt" | median)
echo "median wall time: postulaty stem ${ms}s, morfologik ${mj}s; ratio $(awk -v a="$mj" -v b="$ms" 'BEGIN { printf "%.1f", a / b }')x"
echo "median CPU time (user+sys): postulaty stem ${cs}s, morfologik ${cj}s; ratio $(awk -v a="$cj" -v b="$cs" 'BEGIN { printf "%.1f", a / b }')x"
echo "median peak RSS: postulaty stem $((rs / 1024)) MiB, morfologik $((rj / 1024)) MiB"
