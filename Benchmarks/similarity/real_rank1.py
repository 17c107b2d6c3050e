"""`similar --before` on real data (issue 15): for each judged "same" pair of Benchmarks/real/pairs.tsv, the later
record is the query (a record line of `--batch`, `--before` its year) and an earlier filing of the same demand
should rank first.

Three readings of "right", all printed:
* strict: the first result is the pair's own earlier record;
* nearest: the first result is judged `same` with the query and comes from the latest year, before the query's,
  of any record judged `same` with it (the latest earlier filing: what the city last answered; a query judged with
  a 2016 and a 2017 filing is right with either 2017 record, wrong with the 2016 one);
* pooled: the first result is any record judged `same` with the query (pairs.tsv, or similar-pool.tsv where first
  results of earlier runs were judged by reading: an intermediate filing of the same demand counts, as in TREC
  pooling). A first result never judged with the query is `unjudged` and counts as wrong until judged.
Queries are split by whether their title names their place (`names_place`, the rule below; the issue's target
counts those), per city stratum.

usage: python3 Benchmarks/similarity/real_rank1.py BINARY INDEX [--same FIELD ...] [--text] [--unjudged OUT.tsv]
       [--show [--show-nearest]]
  INDEX: postulaty index build ../shared/eval/pb-titles-dev.jsonl -o INDEX
  --text: the title as the query text (the old tool had no record queries), no --same
  --unjudged: write the unjudged first results (query, first result) for judging into similar-pool.tsv
Environment: PB_TITLES (default ../shared/eval/pb-titles-dev.jsonl beside the repository).
"""
import argparse, collections, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
REAL = os.path.join(REPO, "Benchmarks", "real")
STRATA = {"Bydgoszcz", "Częstochowa", "Gdańsk", "Gdynia", "Katowice", "Poznań", "Wrocław"}

# ---- the rule: a title names its place when it has
# P1 a place word followed by a name or number: ul./al./pl./os., ulica, aleja, osiedle (the noun), skwer, rondo,
#    park, dzielnica, kwartał, bulwar, ogród, ROD + a capitalised word, a number or a quote;
# P2 a numbered institution: nr N, SP N, ZS N, ZSP N, LO N, filia N, przedszkole N, szkoła N, żłobek N;
# P3 a locative phrase with a capitalised word that is not the city itself: na/w/we/przy/nad/pod/za/od/do/
#    mieszkańców + Name ("na Klecinie", "w Grzybowicach", "mieszkańców Rataj");
# P4 a word of the record's own district value (its first five letters, words of ≥ 5 letters) in the title
#    ("Muszlownik Murcki Festiwal", "Szopienicka biblioteka" in Szopienice).
# Not counted: capitalised words elsewhere (programme names like "Akademia Młodego Naukowca" would count), so
# street names without a place word ("Remont Lęborskiej i Krynickiej") are missed: the rule is conservative.
CAP = "A-ZĄĆĘŁŃÓŚŹŻ"
LOW = "a-ząćęłńóśźż"
P1 = re.compile(r"(?i:\b(?:ul|al|pl|os)\.|\b(?:ulic|alej|osiedl(?:e|a|u|em|ach|om)\b|skwer|rond|park|dzielnic"
                r"|kwarta[lł]|bulwar|ogród|ogrod)\w*|\bROD\b)[\s:,]+(?:im\.\s+)?[" + CAP + r"0-9\"„']")
P2 = re.compile(r"(?i:\b(?:nr|sp|zs|zsp|lo|filii|filia|filię|przedszkol\w*|szko[lł]\w*|żłob\w*)\s*(?:nr\.?\s*)?\d+)")
P3 = re.compile(r"\b(?:na|w|we|przy|nad|pod|za|od|do|mieszkańców|mieszkanców)\s+([" + CAP + r"][" + LOW + r"]+)")


def names_place(text, city, district):
    if P1.search(text) or P2.search(text):
        return True
    for m in P3.finditer(text):
        if m.group(1).lower()[:5] != city.lower()[:5]:
            return True
    if district:
        words = {w.lower()[:5] for w in re.findall(r"[" + CAP + LOW + r"]{5,}", text)}
        if any(w.lower()[:5] in words for w in re.findall(r"[" + CAP + r"][" + LOW + r"]{4,}", district)):
            return True
    return False


def read_tsv(path):
    lines = open(path, encoding="utf-8").read().splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, l.split("\t"))) for l in lines[1:] if l]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary"); ap.add_argument("index")
    ap.add_argument("--same", action="append", default=[])
    ap.add_argument("--text", action="store_true")
    ap.add_argument("--unjudged")
    ap.add_argument("--show", action="store_true", help="print the wrong first results (pooled) with both titles")
    ap.add_argument("--show-nearest", action="store_true", help="with --show: the first results wrong by `nearest`")
    o = ap.parse_args()
    titles = os.environ.get("PB_TITLES", os.path.join(REPO, "..", "shared", "eval", "pb-titles-dev.jsonl"))
    recs = {}
    for l in open(titles, encoding="utf-8"):
        r = json.loads(l); recs[r["id"]] = r
    pairs = read_tsv(os.path.join(REAL, "pairs.tsv"))
    pool = read_tsv(os.path.join(REAL, "similar-pool.tsv"))
    same_with, judged_with = collections.defaultdict(set), collections.defaultdict(set)
    for p in pairs + pool:
        judged_with[p["id_a"]].add(p["id_b"]); judged_with[p["id_b"]].add(p["id_a"])
        if p["judgement"] == "same":
            same_with[p["id_a"]].add(p["id_b"]); same_with[p["id_b"]].add(p["id_a"])
    byyear = collections.defaultdict(list)
    for p in pairs:
        if p["judgement"] != "same":
            continue
        a, b = recs[p["id_a"]], recs[p["id_b"]]
        late, early = (a, b) if a["year"] > b["year"] else (b, a)
        if late["year"] != early["year"]:
            byyear[late["year"]].append((late, early))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        q = os.path.join(tmp, "q.txt")
        for y, items in sorted(byyear.items()):
            with open(q, "w", encoding="utf-8") as f:
                for late, _ in items:
                    f.write((" ".join(late["text"].split()) if o.text else json.dumps(late, ensure_ascii=False)) + "\n")
            args = [o.binary, "similar", "--index", o.index, "--batch", q, "--before", str(y), "--top", "5"]
            for s in o.same:
                args += ["--same", s]
            out = subprocess.run(args, capture_output=True, text=True, check=True).stdout.splitlines()
            assert len(out) == len(items), (y, len(out), len(items))
            for (late, early), line in zip(items, out):
                rows.append((late, early, [x["id"] for x in json.loads(line)["results"]]))
    stat = collections.defaultdict(lambda: [0, 0, 0, 0, 0])  # queries, strict, pooled, unjudged, nearest
    unjudged = []
    for late, early, ranked in rows:
        first = ranked[0] if ranked else None
        strict = first == early["id"]
        pooled = first in same_with[late["id"]]
        years = [recs[x]["year"] for x in same_with[late["id"]] if x in recs and recs[x]["year"] < late["year"]]
        nearest = pooled and bool(years) and recs[first]["year"] == max(years)
        unj = first is not None and first not in judged_with[late["id"]]
        if unj:
            unjudged.append((first, late["id"]))
        place = names_place(late["text"], late["city"], late["district"])
        if o.show and not (nearest if o.show_nearest else pooled):
            f = recs.get(first, {"text": "-", "year": "-", "district": "-"})
            print(f"MISS{' place' if place else ''} {'unjudged' if unj else 'judged'} {late['city']}\n"
                  f"  q {late['id']} {late['year']} {late['district']}: {late['text'][:120]}\n"
                  f"  1 {first} {f['year']} {f['district']}: {f['text'][:120]}\n"
                  f"  e {early['id']} {early['year']} {early['district']}: {early['text'][:120]}")
        city = late["city"] if late["city"] in STRATA else "other"
        for key in [("all", "all"), ("all", city)] + ([("place", "all"), ("place", city)] if place else []):
            s = stat[key]; s[0] += 1; s[1] += strict; s[2] += pooled; s[3] += unj; s[4] += nearest
    variant = "title as text" if o.text else "record" + "".join(f" --same {s}" for s in o.same)
    for subset in ("all", "place"):
        n, k1, k2, u, k3 = stat[(subset, "all")]
        print(f"{variant} | {subset}: {n} queries, strict {k1}/{n} = {k1 / n:.3f}, nearest {k3}/{n} = {k3 / n:.3f}, "
              f"pooled {k2}/{n} = {k2 / n:.3f}, unjudged {u}")
        print("   pooled " + ", ".join(f"{c} {stat[(subset, c)][2]}/{stat[(subset, c)][0]}"
                                       for c in sorted(STRATA) + ["other"] if stat[(subset, c)][0]))
        print("   nearest " + ", ".join(f"{c} {stat[(subset, c)][4]}/{stat[(subset, c)][0]}"
                                        for c in sorted(STRATA) + ["other"] if stat[(subset, c)][0]))
    if o.unjudged:
        with open(o.unjudged, "w", encoding="utf-8") as f:
            for a, b in sorted(set(unjudged)):
                f.write(f"{a}\t{b}\n")


if __name__ == "__main__":
    main()
