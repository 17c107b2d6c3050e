#!/usr/bin/env python3
"""Sanity check of the theme labels against Wrocław's own categories, where they map obviously.

Wrocław's `playgrounds` and `education` categories mean `youth` in our taxonomy; no Wrocław category maps to
security, seniors, funding or networking. Prints, over the Wrocław records of themes.tsv that carry categories,
how often our `youth` label agrees with "playgrounds or education", with precision/recall of our label against
the mapped one and Cohen's kappa. A check on the labelling, not a target: the categories are the city's own
task (a school's pitch may be `sport`, a safe route to school `walking/cycling infrastructure`).
Usage: wroclaw_baseline.py [TITLES.jsonl] [themes.tsv]
"""
import json, sys

titles = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/pb-titles-dev.jsonl"
labels = sys.argv[2] if len(sys.argv) > 2 else "Benchmarks/real/themes.tsv"
YOUTH = {"playgrounds", "education"}
ours = {}
for line in open(labels, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if f[0] != "id" and f[1] == "Wrocław":
        ours[f[0]] = set(filter(None, f[2].split("|")))
tp = fp = fn = tn = 0
for line in open(titles, encoding="utf-8"):
    r = json.loads(line)
    if r["id"] not in ours or not r.get("categories"):
        continue
    a, b = "youth" in ours[r["id"]], bool(YOUTH & set(r["categories"]))
    tp += a and b; fp += a and not b; fn += b and not a; tn += not a and not b
n = tp + fp + fn + tn
po = (tp + tn) / n
pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n)
kappa = (po - pe) / (1 - pe) if pe < 1 else 1.0
print(f"Wrocław records with categories: {n}; ours youth & city youth-like {tp}, ours only {fp}, city only {fn}, neither {tn}")
print(f"agreement {po:.3f}, kappa {kappa:.3f}; our youth vs playgrounds|education: "
      f"precision {tp / max(tp + fp, 1):.3f}, recall {tp / max(tp + fn, 1):.3f}")
