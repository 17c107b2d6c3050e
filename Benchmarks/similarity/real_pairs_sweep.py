"""Judged real cross-year pairs (Benchmarks/real/pairs.tsv of issue 15: same / template / related / different)
against the pairs `postulaty dedupe` writes: per threshold, the share of judged resubmissions paired (recall, over
all 89) and of judged non-duplicates paired (over all 225 template/related/different pairs), overall and per city
stratum. Blocking is whatever the dedupe run used; pairs it separates simply count as not paired.

usage: python3 real_pairs_sweep.py PAIRS.tsv DEDUPE.jsonl [THRESHOLDS]
  DEDUPE.jsonl: postulaty dedupe ../shared/eval/pb-titles-dev.jsonl --threshold 0.3 --across-years --same city --same district
  THRESHOLDS: comma-separated (default 0.3,0.35,…,0.7)
With --same, which pairs a record of unknown district keeps depends on the threshold (UnknownPlaceLinks looks at
the pairs that reached it): a run at 0.3 read at 0.5 is not the run at 0.5. Run dedupe at each threshold and pass
that threshold alone (Benchmarks/RESULTS.md, "One place per record").
"""
import json, sys, collections
STRATA = {"Bydgoszcz", "Częstochowa", "Gdańsk", "Gdynia", "Katowice", "Poznań", "Wrocław"}
# The halves of the cities rules are chosen on (A) and checked on (B) since the second round (RESULTS, issue 15).
HALF_A = {"Bydgoszcz", "Gdańsk", "Katowice", "Wrocław"}
pairs = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding="utf-8")][1:]
sc = {}
for l in open(sys.argv[2], encoding="utf-8"):
    r = json.loads(l)
    if 'a' in r:
        sc[frozenset((r['a'], r['b']))] = r['score']
ts = [float(t) for t in sys.argv[3].split(',')] if len(sys.argv) > 3 else [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]
for t in ts:
    by = collections.defaultdict(lambda: [0, 0])
    city = collections.defaultdict(lambda: [0, 0, 0, 0])  # same n, same paired, non-dup n, non-dup paired
    for p in pairs:
        j = p[-1]; hit = sc.get(frozenset((p[0], p[1])), 0) >= t
        by[j][0] += 1; by[j][1] += hit
        c = city[p[3] if p[3] in STRATA else "other"]
        k = 0 if j == 'same' else 2
        c[k] += 1; c[k + 1] += hit
    nd = [by[j] for j in ('template', 'related', 'different')]
    print(f"{t:.2f} recall {by['same'][1]}/{by['same'][0]} = {by['same'][1] / by['same'][0]:.3f}, non-dup paired "
          f"{sum(k for n, k in nd)}/{sum(n for n, k in nd)} = {sum(k for n, k in nd) / sum(n for n, k in nd):.3f} "
          f"(template {by['template'][1]}, related {by['related'][1]}, different {by['different'][1]})")
    print("     " + ", ".join(f"{c} {v[1]}/{v[0]} · {v[3]}/{v[2]}" for c, v in
                             sorted(city.items(), key=lambda x: (x[0] == 'other', x[0]))))
    half = {h: [sum(v[k] for c, v in city.items() if (c in HALF_A) == (h == "A")) for k in range(4)] for h in "AB"}
    print("     " + ", ".join(f"half {h} {v[1]}/{v[0]} = {v[1] / max(1, v[0]):.3f} · {v[3]}/{v[2]} = "
                             f"{v[3] / max(1, v[2]):.3f}" for h, v in half.items()))
