#!/usr/bin/env python3
"""Grows ../shared/eval/pb-titles-dev.jsonl (22,118 real titles) to N records by deterministic perturbation:
copy k of a record gets id "<id>#k", year + k, and every k-th word of the title upper-cased. No randomness,
so every run writes the same file. Usage: make-big.py N OUT.jsonl"""
import json, sys

n, out = int(sys.argv[1]), sys.argv[2]
src = [json.loads(l) for l in open("../shared/eval/pb-titles-dev.jsonl", encoding="utf-8")]
with open(out, "w", encoding="utf-8") as f:
    i = 0
    k = 0
    while i < n:
        for r in src:
            if i >= n:
                break
            r = dict(r)
            if k:
                r["id"] = f"{r['id']}#{k}"
                r["year"] = (r.get("year") or 2020) + k
                words = r["text"].split(" ")
                r["text"] = " ".join(w.upper() if j % (k + 1) == 0 else w for j, w in enumerate(words))
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
            i += 1
        k += 1
