#!/usr/bin/env bash
# Replays, by hand, the cases of docs/reliability.md that issue #13 reported, against a built postulaty
# (argument: the binary; default .build/debug/postulaty), in a scratch copy of Corpora/ and Models/.
# Run from the repository root; read the output: each case prints its message and exit status.
# The end-to-end tests (Tests/CLITests) assert the same cases; this is for a person to see them.
R=$(cd "$(dirname "$0")/.." && pwd); B=${1:-$R/.build/debug/postulaty}
T=$(mktemp -d); cd "$T"; mkdir -p Models; cp "$R/Models/"* Models/; cp -r "$R/Corpora" .
h() { printf '\n== %s\n' "$*"; }
s() { local before=$(sha1sum Models/similarity.index Models/themes.model | sha1sum); "$@"; echo "exit $?"; local after=$(sha1sum Models/similarity.index Models/themes.model | sha1sum); [ "$before" = "$after" ] || echo "!! Models changed"; }
h "index build Corpora (a folder)"; s $B index build Corpora
h "index build empty.jsonl"; : > empty.jsonl; s $B index build empty.jsonl
h "corpus validate x.jsonl (a folder)"; mkdir x.jsonl; s timeout 10 $B corpus validate x.jsonl
h "from /tmp with explicit paths"; (cd /tmp && $B similar "kluby seniora" --index "$R/Models/similarity.index" --top 1 | head -2; echo "exit ${PIPESTATUS[0]}")
h "train semi.csv (rows without labels)"; printf 'id,text\n1,Kluby seniora\n2,Monitoring\n3,Dotacje\n' > semi.csv; s $B train semi.csv
h "train c.jsonl -o c.jsonl"; cp Corpora/authored-a.jsonl c.jsonl; s $B train c.jsonl -o c.jsonl; cmp c.jsonl Corpora/authored-a.jsonl && echo "c.jsonl intact"
h "import m.txt -o m.txt"; cp Corpora/krakow-2025-06-17-spotkanie-branzowe.txt m.txt; s $B import m.txt -o m.txt; cmp m.txt Corpora/krakow-2025-06-17-spotkanie-branzowe.txt && echo "m.txt intact"
h "tag CSV without a text column"; printf 'ID,Opis\n1,Kluby seniora\n' > notext.csv; s $B tag notext.csv
h "tag over-wide CSV row"; printf 'id,text\n1,Kluby seniora\n2,Monitoring,parków\n3,Dotacje dla NGO\n' > wide.csv; s $B tag wide.csv --format jsonl | cut -c1-30
h "tag UTF-16 JSONL"; printf '{"id":"a","text":"Kluby seniora"}\n' | iconv -t UTF-16 > u16.jsonl; s $B tag u16.jsonl
h "same bad line: tag / stem / similar --batch"; printf 'kluby seniora\n\xb9\xb9\nmonitoring\n' > q.txt
 s $B tag q.txt --input-format text | cut -c1-30; s $B stem < q.txt; s $B similar --batch q.txt --top 1 | cut -c1-30
h "two index add at once"; for i in 1 2; do printf '{"id":"n%s-%s","year":2026,"text":"Nowy postulat %s numer %s"}\n' $i 1 $i 1 $i 2 $i 2 > add$i.jsonl; done
 cp Models/similarity.index i.index; $B index add add1.jsonl --index i.index & $B index add add2.jsonl --index i.index; wait; $B index info --index i.index
h "similar > /dev/full"; $B similar "kluby seniora" > /dev/full; echo "exit $?"
h "tag > /dev/full"; $B tag Corpora/authored-a.jsonl > /dev/full; echo "exit $?"
h "-o to a symlink / FIFO / device"; echo x > real.jsonl; ln -s real.jsonl link.jsonl; mkfifo ff.jsonl
 $B tag Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl -o link.jsonl; echo "exit $?"; [ -L link.jsonl ] && echo "link kept"
 s timeout 10 $B tag Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl -o ff.jsonl; s $B tag Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl -o /dev/null
h "report --model Models/stance.model"; s $B report --model Models/stance.model -o rep1 --no-recurring
h "truncated model"; head -c 5000 Models/themes.model > trunc.model; s $B tag Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl --model trunc.model
h "tag --format csv with formulas"; printf '{"id":"f","text":"=HYPERLINK(\\"x\\") +SUM(1) @SUM(2)"}\n{"id":"g","text":"+SUM(A1)"}\n' > f.jsonl; $B tag f.jsonl --format csv | cut -c1-40
h "report CSV BOM and | separator"; $B report Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl -o rep2 --no-recurring 2>/dev/null; head -c 3 rep2/postulates.csv | xxd | head -1; sed -n 2p rep2/postulates.csv | cut -c1-120
h "--version; one language; plurals"; $B --version; $B index build Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl -o one.index; $B index build Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl -o one.index --lang en
h "SIGINT during tag -o"; python3 -c "
import json
with open('big.jsonl','w') as f:
    for i in range(300000): f.write(json.dumps({'id':f'b{i}','text':'Kluby seniora i bezpieczeństwo w dzielnicy numer %d'%i}, ensure_ascii=False)+'\n')"
 $B tag big.jsonl -o big-out.jsonl & P=$!; sleep 2; kill -INT $P; wait $P; echo "exit $?"; ls -a | grep -c "tmp-" ; ls big-out.jsonl 2>&1 | head -1
cd /; rm -rf "$T"
