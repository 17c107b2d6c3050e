#!/usr/bin/env python3
"""Draws the theme-labelling sample (issue 15, item 5a) from the real titles.

Stratified by city, seeded: the seven cities with at least 500 titles are strata of their own, every smaller city
is pooled into one stratum "other", and PER_STRATUM records are drawn from each stratum without replacement.
Prints `id<TAB>city<TAB>year<TAB>district<TAB>text` lines (for the labeller only: titles are never committed;
commit the ids with labels). Usage: sample_themes.py [../shared/eval/pb-titles-dev.jsonl] > /tmp/sample.tsv
"""
import json, random, sys
from collections import defaultdict

SEED = 15
PER_STRATUM = 70
BIG = 500  # a city with at least this many titles is a stratum of its own

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/pb-titles-dev.jsonl"
records = [json.loads(line) for line in open(path, encoding="utf-8")]
by_city = defaultdict(list)
for r in records:
    by_city[r["city"]].append(r)
strata = defaultdict(list)
for city, rs in by_city.items():
    strata[city if len(rs) >= BIG else "other"].extend(rs)
rng = random.Random(SEED)
for name in sorted(strata):
    pool = sorted(strata[name], key=lambda r: r["id"])  # file order must not matter
    for r in rng.sample(pool, PER_STRATUM):
        text = " ".join(r["text"].split())
        print("\t".join([r["id"], r["city"], str(r["year"]), r["district"] or "", text]))
