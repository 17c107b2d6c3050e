#!/usr/bin/env python3
"""Grows Corpora/*.jsonl into N synthetic postulates for the report benchmark, deterministically (seeded).

Why not just copy records with small perturbations: 100k copies of ~470 records would make every demand recur
~200 times, and the near-duplicate join would measure that artefact instead of a city's real data. So:

- a new postulate is stitched from three corpus records: the first third of the words of one record's text, the
  middle third of another's, the last third of a third one (the same for the justification, from three other
  records); its themes are the union of the three text sources' themes; organisation, response, respondent and
  response_stance come from a fourth record; the year is 2021-2026 at random;
- 10% of the new postulates are resubmissions of an earlier new postulate in a later year: a copy perturbed
  the way resubmissions are (each word dropped with p=0.08, adjacent words swapped with p=0.05, a word typed
  without Polish letters with p=0.05, numbers changed), sharing its `group`, so recurring demands exist to find.

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


def stitch(texts):
    parts = []
    for k, t in enumerate(texts):
        w = t.split()
        n = len(w)
        parts += w[k * n // 3:(k + 1) * n // 3]
    return " ".join(parts)


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
    made = []
    with open(out_path, "w", encoding="utf-8") as f:
        for i in range(n):
            if made and rng.random() < 0.10:
                src = rng.choice(made)
                if src["year"] < 2026:
                    r = dict(src)
                    r["year"] = rng.randint(src["year"] + 1, 2026)
                    r["text"] = perturb(src["text"], rng)
                    r["justification"] = perturb(src["justification"], rng)
                else:
                    r = None
            else:
                r = None
            if r is None:
                a, b, c = rng.choice(base), rng.choice(base), rng.choice(base)
                d, e, g = rng.choice(base), rng.choice(base), rng.choice(base)
                owner = rng.choice(base)
                themes = sorted(set(a.get("themes", [])) | set(b.get("themes", [])) | set(c.get("themes", [])))
                r = {
                    "year": rng.randint(2021, 2026),
                    "meeting": owner.get("meeting", ""),
                    "organisation": owner.get("organisation", ""),
                    "text": stitch([a.get("text", ""), b.get("text", ""), c.get("text", "")]),
                    "justification": stitch([d.get("justification", ""), e.get("justification", ""), g.get("justification", "")]),
                    "response": owner.get("response", ""),
                    "respondent": owner.get("respondent", ""),
                    "themes": themes,
                    "response_stance": owner.get("response_stance", ""),
                    "group": "sg-%06d" % (i + 1),
                }
            r = dict(r)
            r["id"] = "syn-%06d" % (i + 1)
            r["synthetic"] = True
            made.append(r)
            order = ["id", "year", "meeting", "organisation", "text", "justification", "response", "respondent",
                     "themes", "response_stance", "group", "synthetic"]
            f.write(json.dumps({k: r[k] for k in order}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
