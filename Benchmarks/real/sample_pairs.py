#!/usr/bin/env python3
"""Draws the cross-year candidate pairs to judge (issue 15, item 5b) from the real titles.

Every pair is two records of one city from different years. Four strata, each drawn with a seeded generator and
spread over cities (round robin over the city strata of sample_themes.py — the seven cities with at least
500 titles and `other` — in sorted order, a seeded shuffle within each):

  dedupe    pairs that `postulaty dedupe --across-years` (default threshold) returned — high lexical overlap
            as the current engine sees it (the engine is used to find candidates only; judging is blind to it)
  lexical   pairs with word-set Jaccard >= 0.34 on content words that dedupe did NOT return (reworded
            resubmissions the engine may miss)
  district  pairs of one district (cities that publish districts) sharing at least one content word
  city      pairs of one city, any district, sharing at least one content word
  dedupe-district  dedupe pairs whose two records name the same district (drawn last, see below)

Usage: sample_pairs.py TITLES.jsonl DEDUPE_PAIRS.jsonl > /tmp/pairs.tsv
Prints id_a, id_b, stratum, city, year_a, year_b, district_a, district_b, text_a, text_b (the texts are for the
judge only; commit the ids and judgements). The order of the output is a seeded shuffle, so the judge does not
see the strata in blocks.
"""
import json, random, re, sys
from collections import defaultdict

SEED = 1515
SIZES = {"dedupe": 112, "lexical": 48, "district": 42, "city": 48, "dedupe-district": 64}
BIG = {"Bydgoszcz", "Częstochowa", "Gdańsk", "Gdynia", "Katowice", "Poznań", "Wrocław"}  # as in sample_themes.py
STOP = {"budowa", "remont", "modernizacja", "oraz", "przy", "wraz", "ulicy", "etap", "rewitalizacja", "zakup",
        "przebudowa", "wymiana", "utworzenie", "montaż", "terenu", "nowe", "nowych", "dzielnicy", "osiedlu",
        "osiedla", "miejsca", "części", "wzdłuż", "kontynuacja", "projekt", "zakłada", "odcinku"}

def words(text):
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) >= 4 and not w.isdigit() and w not in STOP}

def spread(cands, n, rng):
    """Round robin over the city strata (the seven big cities, then every other city pooled as "other")."""
    by_city = defaultdict(list)
    for c in sorted(cands):
        by_city[c[0] if c[0] in BIG else "other"].append(c)
    for city in by_city:
        rng.shuffle(by_city[city])
    out, cities = [], sorted(by_city)
    while len(out) < n and any(by_city[c] for c in cities):
        for c in cities:
            if by_city[c] and len(out) < n:
                out.append(by_city[c].pop())
    return out

titles, dedupe_path = sys.argv[1], sys.argv[2]
recs = {}
for line in open(titles, encoding="utf-8"):
    r = json.loads(line)
    recs[r["id"]] = r
W = {i: words(r["text"]) for i, r in recs.items()}

def key(a, b):
    return (a, b) if a < b else (b, a)

def ok(a, b):
    ra, rb = recs[a], recs[b]
    return ra["city"] == rb["city"] and ra["year"] != rb["year"]

dedupe = set()
for line in open(dedupe_path, encoding="utf-8"):
    o = json.loads(line)
    if "a" in o and ok(o["a"], o["b"]):
        dedupe.add(key(o["a"], o["b"]))

rng = random.Random(SEED)
chosen, taken = [], set()

def take(stratum, cands):
    cands = [c for c in cands if (c[1], c[2]) not in taken]
    print(f"{stratum}: {len(cands)} candidate pairs", file=sys.stderr)  # population sizes, for weighting
    for c in spread(cands, SIZES[stratum], rng):
        taken.add((c[1], c[2]))
        chosen.append((stratum,) + c)

take("dedupe", [(recs[a]["city"], a, b) for a, b in dedupe])

# Candidate pairs that share a content word, built per city through an inverted index.
by_city = defaultdict(list)
for i in sorted(recs):
    by_city[recs[i]["city"]].append(i)
lexical, district, city = [], [], []
for c, ids in sorted(by_city.items()):
    if len({recs[i]["year"] for i in ids}) < 2:
        continue
    inv = defaultdict(list)
    for i in ids:
        for w in W[i]:
            inv[w].append(i)
    seen = set()
    for w in sorted(inv):
        post = inv[w]
        if len(post) > 300:  # a very common word: sample its pairs instead of listing them all
            sub = random.Random(f"{SEED}:{c}:{w}")
            pairs = {key(*sub.sample(post, 2)) for _ in range(300)}
        else:
            pairs = {key(post[x], post[y]) for x in range(len(post)) for y in range(x + 1, len(post))}
        for a, b in pairs:
            if a == b or (a, b) in seen or not ok(a, b) or (a, b) in dedupe:
                continue
            seen.add((a, b))
            jac = len(W[a] & W[b]) / len(W[a] | W[b])
            da, db = recs[a]["district"], recs[b]["district"]
            if jac >= 0.34:
                lexical.append((c, a, b))
            if da and da == db:
                district.append((c, a, b))
            city.append((c, a, b))
take("lexical", lexical)
take("district", district)
take("city", city)

rng.shuffle(chosen)

# Added after the first 250 had been judged (too few resubmissions among them): dedupe pairs within one published
# district, where resubmissions are filed. Drawn and shuffled after the others, so the first 250 lines stay as
# they were.
first = chosen
chosen = []
take("dedupe-district", [(recs[a]["city"], a, b) for a, b in dedupe
                         if recs[a]["district"] and recs[a]["district"] == recs[b]["district"]])
rng.shuffle(chosen)
chosen = first + chosen
for s, c, a, b in chosen:
    ra, rb = recs[a], recs[b]
    if ra["year"] > rb["year"]:
        a, b, ra, rb = b, a, rb, ra
    t = lambda r: " ".join(r["text"].split())
    print("\t".join([a, b, s, c, str(ra["year"]), str(rb["year"]), ra["district"] or "", rb["district"] or "",
                     t(ra), t(rb)]))
