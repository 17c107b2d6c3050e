#!/usr/bin/env python3
"""Tags carried by one term on the blind-labelled dev titles (issue 15, item 4: generic words).

For each model: `postulaty tag` on the titles of themes.tsv; a tag is *carried by one term* when its `why` gives
the strongest term at least 50 % of the label's positive evidence. The term's specificity for the label (the share
of training documents holding it that carry the label, with two pseudo-documents of the label's base rate, as the
support gate computes it) is read from SPEC_MODEL, a model with a support gate (format version 2). Prints, per
half of the city strata (A = Bydgoszcz, Gdańsk, Katowice, Wrocław; B = the rest), such tags by specificity bucket,
right (gold has the label) or wrong, and the labels the gate refused.

Usage: one_term_tags.py --bin .build/debug/postulaty --spec-model Models/themes.model MODEL [MODEL…]
       [--titles ../shared/eval/pb-titles-dev.jsonl]
"""
import argparse, json, os, re, subprocess, sys, tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import eval_real as E  # noqa: E402

HALF_A = {"Bydgoszcz", "Gdańsk", "Katowice", "Wrocław"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--spec-model", required=True)
    ap.add_argument("--titles", default=os.path.join(HERE, "..", "..", "..", "shared", "eval", "pb-titles-dev.jsonl"))
    ap.add_argument("models", nargs="+")
    o = ap.parse_args()
    head, body = open(o.spec_model, encoding="utf-8").read().split("\n", 1)
    head, body = json.loads(head), json.loads(body)
    if "support" not in body:
        sys.exit(f"{o.spec_model}: no support gate (format version 2) to read specificities from")
    labels = head["labels"]; L = len(labels)
    voc = {t: i for i, t in enumerate(body["vectorizer"]["vocabulary"])}
    df = body["vectorizer"]["documentFrequency"]; s = body["support"]
    ldf, rate, prior = s["labelDocumentFrequency"], s["baseRate"], s["prior"]

    def spec(term, label):
        t, l = voc.get(term), labels.index(label)
        return None if t is None else (ldf[t * L + l] + prior * rate[l]) / (df[t] + prior)

    gold = {r["id"]: (r["city"], set(filter(None, r["themes"].split("|"))))
            for r in E.read_tsv(os.path.join(HERE, "themes.tsv"))}
    by_id = {r["id"]: r for r in E.read_titles(o.titles) if r["id"] in gold}
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "titles.jsonl")
        E.write_corpus([by_id[i] for i in sorted(gold)], path)
        for model in o.models:
            out = E.run([o.bin, "tag", path, "--model", model])
            buckets, terms, refused = Counter(), Counter(), Counter()
            for line in out.splitlines():
                r = json.loads(line)
                city, g = gold[r["id"]]
                half = "A" if E.stratum(city) in HALF_A else "B"
                for label, why in r["why"].items():
                    if "carried by one generic term" in why:
                        refused[(half, "right" if label not in g else "wrong")] += 1
                    m = re.search(r": ([^,]+?) (\d+)%", why)
                    if label in r["predicted"] and m and int(m.group(2)) >= 50:
                        sp = spec(m.group(1), label)
                        bucket = "n/a" if sp is None else ("<0.5" if sp < 0.5 else ("0.5-0.8" if sp < 0.8 else ">=0.8"))
                        ok = "right" if label in g else "wrong"
                        buckets[(half, bucket, ok)] += 1
                        if sp is not None and sp < 0.8:
                            terms[(label, m.group(1), f"{sp:.2f}", ok)] += 1
            print(f"## {model}\n")
            print("| half | specificity | right | wrong |\n|---|---|---|---|")
            for half in "AB":
                for bucket in ("<0.5", "0.5-0.8", ">=0.8", "n/a"):
                    right, wrong = buckets[(half, bucket, "right")], buckets[(half, bucket, "wrong")]
                    if right or wrong:
                        print(f"| {half} | {bucket} | {right} | {wrong} |")
            print(f"\nRefused by the gate (right = gold lacks the label): "
                  + ", ".join(f"{h} {k}: {v}" for (h, k), v in sorted(refused.items())) + "\n")
            print("One-term tags by a term of specificity < 0.8: "
                  + "; ".join(f"{l} {t} ({sp}, {ok}) ×{n}" for (l, t, sp, ok), n in terms.most_common()) + "\n")


if __name__ == "__main__":
    main()
