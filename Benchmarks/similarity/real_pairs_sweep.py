"""Judged real cross-year pairs (Benchmarks/real/pairs.tsv of issue 15: same / template / related / different)
against the pairs `postulaty dedupe` writes: per threshold, how many of each judgement are paired, on the pairs
whose two records carry the same district label (what `--same district` can reach).

usage: python3 real_pairs_sweep.py PAIRS.tsv DEDUPE.jsonl
  DEDUPE.jsonl: postulaty dedupe ../shared/eval/pb-titles-dev.jsonl --threshold 0.3 --across-years --same city --same district
"""
import json,sys,collections
pairs=[l.rstrip('\n').split('\t') for l in open(sys.argv[1])][1:]
sc={}
for l in open(sys.argv[2]):
    r=json.loads(l)
    if 'a' in r: sc[(r['a'],r['b'])]=r['score']; sc[(r['b'],r['a'])]=r['score']
for t in [0.3,0.35,0.4,0.45,0.5,0.55,0.6]:
    by=collections.defaultdict(lambda:[0,0])
    for p in pairs:
        if p[6]!=p[7]: continue   # same-district subset
        j=p[-1]; s=sc.get((p[0],p[1]),0); by[j][0]+=1; by[j][1]+= s>=t
    nd=[by[j] for j in ('template','related','different')]
    print(t, ' '.join(f"{j}:{k}/{n}" for j,(n,k) in sorted(by.items())), f"recall={by['same'][1]/by['same'][0]:.2f} nondup_paired={sum(k for n,k in nd)/sum(n for n,k in nd):.3f}")
