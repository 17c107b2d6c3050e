#!/usr/bin/env python3
"""Themes on the blind-labelled dev titles by half of the city strata (issue 15, item 4).

Half A = Bydgoszcz, Gdańsk, Katowice, Wrocław (where choices may be looked at), half B = Częstochowa, Gdynia,
Poznań and the pooled smaller cities (held back: reported, never chosen on). For each MODEL: `postulaty tag` on
the titles of themes.tsv (text = title), then per half and for all 560, pooled over the half's records: F1 of
security, youth and seniors, their macro-F1, and spurious funding/networking tags per 100 records — the figures
of `eval_real.py --only themes`, which pools per city stratum instead.

Usage: themes_halves.py --bin .build/release/postulaty MODEL [MODEL…] [--titles ../shared/eval/pb-titles-dev.jsonl]
"""
import argparse, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import eval_real as E  # noqa: E402

HALF_A = {"Bydgoszcz", "Gdańsk", "Katowice", "Wrocław"}


def figures(ids, gold, pred):
    """(F1 per macro theme, macro-F1, spurious funding/networking per 100) over `ids`, pooled."""
    f1s = []
    for t in E.MACRO:
        tp = sum(1 for i in ids if t in gold[i][1] and t in pred[i])
        fp = sum(1 for i in ids if t not in gold[i][1] and t in pred[i])
        fn = sum(1 for i in ids if t in gold[i][1] and t not in pred[i])
        f1s.append(E.prf(tp, fp, fn)[2] if tp + fp + fn else None)
    present = [f for f in f1s if f is not None]
    spurious = sum(1 for i in ids for t in ("funding", "networking") if t in pred[i] and t not in gold[i][1])
    return f1s, sum(present) / len(present), 100 * spurious / len(ids)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--titles", default=os.path.join(HERE, "..", "..", "..", "shared", "eval", "pb-titles-dev.jsonl"))
    ap.add_argument("models", nargs="+")
    o = ap.parse_args()
    gold = {r["id"]: (r["city"], set(filter(None, r["themes"].split("|"))))
            for r in E.read_tsv(os.path.join(HERE, "themes.tsv"))}
    by_id = {r["id"]: r for r in E.read_titles(o.titles) if r["id"] in gold}
    halves = {"A": [i for i in sorted(gold) if E.stratum(gold[i][0]) in HALF_A],
              "B": [i for i in sorted(gold) if E.stratum(gold[i][0]) not in HALF_A],
              "all": sorted(gold)}
    print("| model | half | n | security F1 | youth F1 | seniors F1 | macro (3) | spurious /100 |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "titles.jsonl")
        E.write_corpus([by_id[i] for i in sorted(gold)], path)
        for model in o.models:
            out = E.run([o.bin, "tag", path, "--model", model])
            pred = {}
            for line in out.splitlines():
                r = json.loads(line)
                pred[r["id"]] = set(r["predicted"])
            for half, ids in halves.items():
                f1s, macro, spurious = figures(ids, gold, pred)
                cells = " | ".join("–" if f is None else E.fmt(f) for f in f1s)
                print(f"| {model} | {half} | {len(ids)} | {cells} | {E.fmt(macro)} | {spurious:.1f} |")


if __name__ == "__main__":
    main()
