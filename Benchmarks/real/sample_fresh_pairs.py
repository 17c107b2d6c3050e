#!/usr/bin/env python3
"""Draws a fresh sample of cross-year pairs that a built engine pairs or nearly pairs, for judging blind
(issue 15, item 3: checks a dedupe rule on pairs it was not chosen on).

Candidates: the pairs of `postulaty dedupe --across-years --same city --same district` run at the default threshold
(DEDUPE_DEFAULT.jsonl, stratum `paired`) and at a lower one (DEDUPE_LOW.jsonl, stratum `near`: in the low run but
not in the default run — scores just below the default, or links the default run drops), minus every pair already
judged in pairs.tsv or similar-pool.tsv. Both strata are spread over the city strata of sample_themes.py (round
robin in sorted order, a seeded shuffle within each), then shuffled together, so the judge does not see the
strata. Seed 2615.

A third stratum, `dropped` (drawn after the first two with the same generator and shuffled on its own, so the
first lines do not change), checks what the new rule removes: pairs of the engine *before* the change at the
default threshold (DEDUPE_BEFORE.jsonl, optional; read at score ≥ 0.5, so a run at a lower threshold will do)
that the default run no longer returns.

Usage: sample_fresh_pairs.py [--seed N] [--exclude JUDGED.tsv]… TITLES.jsonl DEDUPE_DEFAULT.jsonl DEDUPE_LOW.jsonl
       [N_PAIRED N_NEAR [DEDUPE_BEFORE.jsonl N_DROPPED]] > fresh.tsv
--seed: another draw (the sixth round's: 2716); --exclude: more judged files to leave out (ids in the first two
columns), e.g. fresh-pairs.tsv for a second fresh sample. Without them the draw is the one of fresh-pairs.tsv.
Prints id_a, id_b, stratum, city, year_a, year_b, district_a, district_b, text_a, text_b (texts for the judge
only; commit ids and judgements).
"""
import json, os, random, sys
from collections import defaultdict

SEED = 2615
BIG = {"Bydgoszcz", "Częstochowa", "Gdańsk", "Gdynia", "Katowice", "Poznań", "Wrocław"}
HERE = os.path.dirname(os.path.abspath(__file__))


def key(a, b):
    return (a, b) if a < b else (b, a)


def run_pairs(path, threshold=0.0):
    """The pairs of a dedupe run scoring at least `threshold` (a run at a lower threshold read as the default)."""
    out = set()
    for line in open(path, encoding="utf-8"):
        o = json.loads(line)
        if "a" in o and o["score"] >= threshold:
            out.add(key(o["a"], o["b"]))
    return out


def spread(cands, n, rng):
    """sample_pairs.py's round robin, with the city strata shuffled in sorted order (there: in order of first
    appearance, which depends on which small city sorts first)."""
    by_city = defaultdict(list)
    for c in sorted(cands):
        by_city[c[0] if c[0] in BIG else "other"].append(c)
    for city in sorted(by_city):
        rng.shuffle(by_city[city])
    out, cities = [], sorted(by_city)
    while len(out) < n and any(by_city[c] for c in cities):
        for c in cities:
            if by_city[c] and len(out) < n:
                out.append(by_city[c].pop())
    return out


def main():
    global SEED
    args, extra_judged = sys.argv[1:], []
    while args and args[0].startswith("--"):
        if args[0] == "--seed": SEED = int(args[1])
        elif args[0] == "--exclude": extra_judged.append(args[1])
        else: sys.exit(f"unknown option {args[0]}")
        args = args[2:]
    sys.argv = sys.argv[:1] + args
    titles, default_path, low_path = sys.argv[1:4]
    n_paired, n_near = (int(sys.argv[4]), int(sys.argv[5])) if len(sys.argv) > 5 else (40, 30)
    before_path, n_dropped = (sys.argv[6], int(sys.argv[7])) if len(sys.argv) > 7 else (None, 0)
    recs = {}
    for line in open(titles, encoding="utf-8"):
        r = json.loads(line)
        recs[r["id"]] = r
    judged = set()
    for name in ["pairs.tsv", "similar-pool.tsv"] + extra_judged:
        for line in list(open(os.path.join(HERE, name), encoding="utf-8"))[1:]:
            f = line.rstrip("\n").split("\t")
            judged.add(key(f[0], f[1]))
    paired, low = run_pairs(default_path), run_pairs(low_path)
    rng = random.Random(SEED)
    chosen = []
    for stratum, cands, n in (("paired", paired, n_paired), ("near", low - paired, n_near)):
        cands = [(recs[a]["city"], a, b) for a, b in cands if (a, b) not in judged]
        print(f"{stratum}: {len(cands)} candidate pairs", file=sys.stderr)
        chosen += [(stratum,) + c for c in spread(cands, n, rng)]
    rng.shuffle(chosen)
    if before_path:
        cands = [(recs[a]["city"], a, b) for a, b in run_pairs(before_path, 0.5) - paired if (a, b) not in judged]
        print(f"dropped: {len(cands)} candidate pairs", file=sys.stderr)
        dropped = [("dropped",) + c for c in spread(cands, n_dropped, rng)]
        rng.shuffle(dropped)
        chosen += dropped
    for s, c, a, b in chosen:
        ra, rb = recs[a], recs[b]
        if (ra["year"], a) > (rb["year"], b):
            a, b, ra, rb = b, a, rb, ra
        t = lambda r: " ".join(r["text"].split())
        print("\t".join([a, b, s, c, str(ra["year"]), str(rb["year"]), ra["district"] or "", rb["district"] or "",
                         t(ra), t(rb)]))


main()
