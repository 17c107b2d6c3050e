#!/usr/bin/env python3
"""Grows Corpora/*.jsonl into N synthetic postulates for the report benchmark, deterministically (seeded).

Each record copies a random corpus record and perturbs it: each word is dropped with p=0.08, adjacent words are
swapped with p=0.05, a word loses its Polish letters with p=0.05 ("seniorów" -> "seniorow"), numbers change; the
organisation is kept (p=0.7) or taken from another record; the year is the record's own or a random 2021-2026.
Labels (themes, response_stance, group) are kept, so the report has analyst labels to compare against.

Usage: Benchmarks/report/synth.py N OUT.jsonl [--seed S]   (run from the repository root)
"""
import glob
import json
import random
import re
import sys

FOLD = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def perturb(text, rng):
    words = text.split()
    out = []
    for w in words:
        if rng.random() < 0.08 and len(words) > 4:
            continue
        if rng.random() < 0.05:
            w = w.translate(FOLD)
        if re.fullmatch(r"\d+", w) and rng.random() < 0.5:
            w = str(int(w) + rng.randint(1, 9))
        out.append(w)
    for i in range(len(out) - 1):
        if rng.random() < 0.05:
            out[i], out[i + 1] = out[i + 1], out[i]
    return " ".join(out)


def main():
    args = sys.argv[1:]
    seed = 20260617
    if "--seed" in args:
        k = args.index("--seed")
        seed = int(args[k + 1])
        del args[k:k + 2]
    n, out_path = int(args[0]), args[1]
    rng = random.Random(seed)
    base = []
    for path in sorted(glob.glob("Corpora/*.jsonl")):
        with open(path, encoding="utf-8") as f:
            base += [json.loads(line) for line in f if line.strip()]
    orgs = sorted({r.get("organisation", "") for r in base})
    with open(out_path, "w", encoding="utf-8") as f:
        for i in range(n):
            r = dict(rng.choice(base))
            r["id"] = "syn-%06d" % (i + 1)
            r["text"] = perturb(r.get("text", ""), rng)
            r["justification"] = perturb(r.get("justification", ""), rng)
            if rng.random() < 0.3:
                r["organisation"] = rng.choice(orgs)
            if rng.random() < 0.5:
                r["year"] = rng.randint(2021, 2026)
            if r.get("group"):
                r["group"] = "%s-%d" % (r["group"], i % 97)
            r["synthetic"] = True
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
