#!/usr/bin/env python3
"""Evaluates a built `postulaty` on the real development sets of issue 15 (Benchmarks/real/).

Themes: the shipped model tags the labelled titles (text = title); precision, recall and F1 per theme, macro-F1
over security, youth and seniors, and spurious funding/networking tags per 100 records (a tag the label lacks),
per city stratum and overall.
Dedupe: `dedupe --across-years` on all titles at several thresholds; recall of judged `same` pairs and the share
of judged non-duplicates (`template`, `related`, `different`) returned as pairs, per city and overall. When the
binary accepts `--same FIELD`, the same again with `--same city --same district` (records of cities without
districts have district null).
Similar: each city's titles in an index of their own (a city searches its own archive); for the later record of
every judged `same` pair, `similar --before YEAR(LATER)` with its title as the query (`--batch`, one run per city
and year; with `--id … --same district` too when the binary has it); rank 1 is right when the first result is a
record judged `same` with the query. Dedupe runs on all titles at once: pairs of two cities are simply never judged.

Titles are read from ../shared/eval (never committed); the records are written to a scratch folder as postulates
(`id`, `year`, `text`, `meeting` = the id, so `similar --id` leaves out nothing but the query itself, plus the
`city` and `district` fields). Prints Markdown tables (figures to Benchmarks/RESULTS.md).

Usage: eval_real.py --bin .build/debug/postulaty [--titles ../shared/eval/pb-titles-dev.jsonl]
       [--model Models/themes.model] [--thresholds 0.3,0.4,0.5,0.6,0.7,0.8] [--work DIR]
       eval_real.py --write-corpus OUT.jsonl [--titles …]   (the converted titles only, for candidate generation)
"""
import argparse, json, os, subprocess, sys, tempfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
THEMES = ["security", "youth", "seniors", "funding", "networking"]
MACRO = ["security", "youth", "seniors"]
STRATA_CITIES = {"Bydgoszcz", "Częstochowa", "Gdańsk", "Gdynia", "Katowice", "Poznań", "Wrocław"}


def stratum(city):
    return city if city in STRATA_CITIES else "other"


def read_titles(path):
    return [json.loads(line) for line in open(path, encoding="utf-8")]


def write_corpus(records, path, ids=None):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            if ids is None or r["id"] in ids:
                f.write(json.dumps({"id": r["id"], "year": r["year"], "meeting": r["id"], "text": r["text"],
                                    "city": r["city"], "district": r["district"]}, ensure_ascii=False) + "\n")


def run(args, **kw):
    p = subprocess.run(args, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(args)}\n{p.stderr[-2000:]}")
    return p.stdout


def read_tsv(path):
    lines = open(path, encoding="utf-8").read().splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, line.split("\t"))) for line in lines[1:] if line]


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def fmt(x):
    return f"{x:.3f}"


# ---------------------------------------------------------------- themes
def eval_themes(opts, by_id, work):
    gold = {r["id"]: (r["city"], set(filter(None, r["themes"].split("|"))))
            for r in read_tsv(os.path.join(HERE, "themes.tsv"))}
    path = os.path.join(work, "themes-input.jsonl")
    write_corpus([by_id[i] for i in sorted(gold)], path)
    p = subprocess.run([opts.bin, "tag", path, "--model", opts.model], capture_output=True, text=True)
    if p.returncode != 0:  # e.g. a model trained with another analyzer: report it, go on with the other parts
        print(f"_Themes skipped: `postulaty tag --model {opts.model}` failed: "
              f"{p.stderr.strip().splitlines()[-1] if p.stderr.strip() else p.returncode}_\n")
        return None
    out = p.stdout
    pred = {}
    for line in out.splitlines():
        o = json.loads(line)
        pred[o["id"]] = set(o["predicted"])
    assert len(pred) == len(gold), (len(pred), len(gold))
    groups = defaultdict(list)
    for i, (city, _) in gold.items():
        groups[stratum(city)].append(i)
        groups["all"].append(i)
    print(f"### Themes (`{opts.model}`, text = title)\n")
    print("| stratum | n | " + " | ".join(f"{t} P / R / F1 (gold n)" for t in MACRO)
          + " | macro-F1 (sec, youth, sen) | spurious funding+networking /100 |")
    print("|---" * (4 + len(MACRO)) + "|")
    order = sorted(k for k in groups if k not in ("all", "other")) + ["other", "all"]
    summary = {}
    for g in order:
        ids = groups[g]
        cells, f1s = [], []
        for t in MACRO:
            tp = sum(1 for i in ids if t in gold[i][1] and t in pred[i])
            fp = sum(1 for i in ids if t not in gold[i][1] and t in pred[i])
            fn = sum(1 for i in ids if t in gold[i][1] and t not in pred[i])
            if tp + fp + fn == 0:  # no gold and no prediction: undefined, left out of the macro average
                cells.append("– (0)")
                continue
            p, r, f = prf(tp, fp, fn)
            f1s.append(f)
            cells.append(f"{fmt(p)} / {fmt(r)} / {fmt(f)} ({tp + fn})")
        spurious = sum(1 for i in ids for t in ("funding", "networking") if t in pred[i] and t not in gold[i][1])
        macro = sum(f1s) / len(f1s)
        summary[g] = macro
        name = f"**{g}**" if g == "all" else g
        print(f"| {name} | {len(ids)} | " + " | ".join(cells) + f" | {fmt(macro)} | {100 * spurious / len(ids):.1f} |")
    print("\nA theme with no gold record in a stratum but some predictions scores F1 0 there (all false positives); "
          "with neither it is left out of that stratum's macro-F1 (–).")
    ids = groups["all"]
    print("\nAll 560, every theme (P / R / F1, gold n, predicted n):\n")
    print("| theme | P | R | F1 | gold | predicted |\n|---|---|---|---|---|---|")
    for t in THEMES:
        tp = sum(1 for i in ids if t in gold[i][1] and t in pred[i])
        fp = sum(1 for i in ids if t not in gold[i][1] and t in pred[i])
        fn = sum(1 for i in ids if t in gold[i][1] and t not in pred[i])
        p, r, f = prf(tp, fp, fn)
        print(f"| {t} | {fmt(p)} | {fmt(r)} | {fmt(f)} | {tp + fn} | {tp + fp} |")
    print()
    return summary


# ---------------------------------------------------------------- dedupe
def supports_same(opts):
    p = subprocess.run([opts.bin, "dedupe", "--help"], capture_output=True, text=True)
    return "--same" in (p.stdout + p.stderr)


def dedupe_pairs(opts, corpus, threshold, same):
    args = [opts.bin, "dedupe", corpus, "--across-years", "--format", "jsonl"]
    if threshold is not None:
        args += ["--threshold", str(threshold)]
    for f in same:
        args += ["--same", f]
    out = run(args)
    pairs = set()
    for line in out.splitlines():
        o = json.loads(line)
        if "a" in o:
            pairs.add(frozenset((o["a"], o["b"])))
    return pairs


def eval_dedupe(opts, corpus, judged):
    variants = [("default", None, [])] + [(str(t), t, []) for t in opts.thresholds]
    if supports_same(opts):
        variants += [("default, --same city --same district", None, ["city", "district"])]
        variants += [(f"{t}, --same city --same district", t, ["city", "district"]) for t in opts.thresholds]
    else:
        print("_This binary has no `dedupe --same`; the blocked runs are skipped._\n")
    print("### Dedupe `--across-years` on all 22,118 titles, judged pairs\n")
    print("Recall = judged `same` pairs returned; paired non-dup = judged `template`/`related`/`different` "
          "pairs returned (lower is better). Per city: recall (n same) · paired non-dup (n non-dup).\n")
    cities = sorted({stratum(p["city"]) for p in judged}, key=lambda c: (c == "other", c))
    print("Precision = share of `same` among the judged pairs of the `dedupe` stratum (a seeded sample of the "
          "engine's own default output, 14 per city stratum) that the run returns; shown for thresholds ≥ 0.5 only, "
          "where that sample covers the run's output.\n")
    print("| threshold | recall | paired non-dup | paired template | paired related | precision | "
          + " | ".join(cities) + " |")
    print("|---" * (6 + len(cities)) + "|")
    result, by_stratum = {}, {}
    for name, t, same in variants:
        got = dedupe_pairs(opts, corpus, t, same)
        def share(ps):
            return sum(1 for p in ps if frozenset((p["id_a"], p["id_b"])) in got) / len(ps) if ps else float("nan")
        same_p = [p for p in judged if p["judgement"] == "same"]
        non = [p for p in judged if p["judgement"] != "same"]
        tmpl = [p for p in judged if p["judgement"] == "template"]
        rel = [p for p in judged if p["judgement"] == "related"]
        cells = []
        for c in cities:
            s = [p for p in same_p if stratum(p["city"]) == c]
            n = [p for p in non if stratum(p["city"]) == c]
            cells.append(f"{share(s):.2f} ({len(s)}) · {share(n):.2f} ({len(n)})")
        result[name] = (share(same_p), share(non))
        sample = [p for p in judged if p["stratum"] == "dedupe" and frozenset((p["id_a"], p["id_b"])) in got]
        t_value = 0.5 if t is None else t
        precision = (fmt(sum(p["judgement"] == "same" for p in sample) / len(sample))
                     if sample and t_value >= 0.5 else "—")
        print(f"| {name} | {fmt(share(same_p))} | {fmt(share(non))} | {fmt(share(tmpl))} | {fmt(share(rel))} | "
              f"{precision} | " + " | ".join(cells) + " |")
        by_stratum[name] = got
    print()
    print("Judged pairs by stratum, and the share of each kind the default run returns:\n")
    print("| stratum | pairs | same | template | related | different | same returned | non-dup returned |")
    print("|---|---|---|---|---|---|---|---|")
    got = by_stratum["default"]
    for st in ["dedupe", "dedupe-district", "lexical", "district", "city"]:
        ps = [p for p in judged if p["stratum"] == st]
        k = {j: sum(p["judgement"] == j for p in ps) for j in ("same", "template", "related", "different")}
        sm = [p for p in ps if p["judgement"] == "same"]
        nd = [p for p in ps if p["judgement"] != "same"]
        ret = lambda xs: (f"{sum(frozenset((p['id_a'], p['id_b'])) in got for p in xs)}/{len(xs)}")
        print(f"| {st} | {len(ps)} | {k['same']} | {k['template']} | {k['related']} | {k['different']} | "
              f"{ret(sm)} | {ret(nd)} |")
    print()
    return result


# ---------------------------------------------------------------- similar
def eval_similar(opts, records, judged, work):
    """One index per city (a city searches its own archive), built from all its titles of every year."""
    by_id = {r["id"]: r for r in records}
    same_with, judged_with = defaultdict(set), defaultdict(set)
    pool_path = os.path.join(HERE, "similar-pool.tsv")
    pool = read_tsv(pool_path) if os.path.exists(pool_path) else []
    for p in judged + pool:
        judged_with[p["id_a"]].add(p["id_b"])
        judged_with[p["id_b"]].add(p["id_a"])
        if p["judgement"] == "same":
            same_with[p["id_a"]].add(p["id_b"])
            same_with[p["id_b"]].add(p["id_a"])
    queries = sorted({p["id_b"] for p in judged if p["judgement"] == "same"})
    cities = sorted({by_id[q]["city"] for q in queries})
    index = {}
    for c in cities:
        path = os.path.join(work, f"city-{len(index)}.jsonl")
        write_corpus([r for r in records if r["city"] == c], path)
        index[c] = os.path.join(work, f"city-{len(index)}.index")
        run([opts.bin, "index", "build", path, "-o", index[c]])
    help_text = subprocess.run([opts.bin, "similar", "--help"], capture_output=True, text=True).stdout
    variants = [("plain (`--batch`, one run per city and year)", None)]
    if "--same" in help_text:
        variants.append(("`--id` with `--same district`", ["--same", "district"]))
    print("### `similar --before YEAR` on each city's own index; queries = the later records of judged `same` pairs\n")
    print("Rank 1 is right when the first result is a record judged `same` with the query (in pairs.tsv or in "
          "similar-pool.tsv, the first results of an earlier run judged by reading); a first result never judged "
          "with its query is counted as `unjudged` (judge it and add it to similar-pool.tsv).\n")
    print("| variant | queries | rank 1 right | rank 1 unjudged | right in top 5 | per city (rank 1 right / queries) |")
    print("|---|---|---|---|---|---|")
    out = {}
    for name, extra in variants:
        ranked = {}
        if extra is None:
            groups = defaultdict(list)
            for q in queries:
                groups[(by_id[q]["city"], by_id[q]["year"])].append(q)
            for (c, y), qs in sorted(groups.items()):
                batch = os.path.join(work, "batch.txt")
                with open(batch, "w", encoding="utf-8") as f:
                    for q in qs:
                        f.write(" ".join(by_id[q]["text"].split()) + "\n")
                res = run([opts.bin, "similar", "--batch", batch, "--index", index[c], "--before", str(y),
                           "--top", "5", "--format", "jsonl"])
                lines = [json.loads(line) for line in res.splitlines() if line.strip()]
                assert len(lines) == len(qs), (c, y, len(lines), len(qs))
                for q, o in zip(qs, lines):
                    ranked[q] = [x["id"] for x in o["results"]]
        else:
            for q in queries:
                r = by_id[q]
                res = run([opts.bin, "similar", "--id", q, "--index", index[r["city"]], "--before", str(r["year"]),
                           "--top", "5", "--format", "jsonl"] + extra)
                ranked[q] = [json.loads(line)["id"] for line in res.splitlines() if line.strip()]
        hits1 = hits5 = unjudged = 0
        per = defaultdict(lambda: [0, 0])
        for q in queries:
            right = same_with[q]
            h1 = bool(ranked[q]) and ranked[q][0] in right
            unjudged += bool(ranked[q]) and ranked[q][0] not in judged_with[q]
            hits1 += h1
            hits5 += any(i in right for i in ranked[q])
            c = stratum(by_id[q]["city"])
            per[c][0] += h1
            per[c][1] += 1
        cells = ", ".join(f"{c} {a}/{n}" for c, (a, n) in sorted(per.items()))
        out[name] = hits1 / len(queries)
        print(f"| {name} | {len(queries)} | {fmt(hits1 / len(queries))} | {unjudged} | {fmt(hits5 / len(queries))} "
              f"| {cells} |")
    print()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin")
    ap.add_argument("--titles", default="../shared/eval/pb-titles-dev.jsonl")
    ap.add_argument("--model", default="Models/themes.model")
    ap.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7,0.8")
    ap.add_argument("--work")
    ap.add_argument("--write-corpus")
    ap.add_argument("--only", default="themes,dedupe,similar")
    opts = ap.parse_args()
    opts.thresholds = [float(t) for t in opts.thresholds.split(",") if t]
    records = read_titles(opts.titles)
    if opts.write_corpus:
        write_corpus(records, opts.write_corpus)
        return
    if not opts.bin:
        sys.exit("--bin is required")
    by_id = {r["id"]: r for r in records}
    work = opts.work or tempfile.mkdtemp(prefix="real-eval-")
    os.makedirs(work, exist_ok=True)
    corpus = os.path.join(work, "pb.jsonl")
    write_corpus(records, corpus)
    judged = read_tsv(os.path.join(HERE, "pairs.tsv")) if os.path.exists(os.path.join(HERE, "pairs.tsv")) else []
    only = set(opts.only.split(","))
    if "themes" in only:
        eval_themes(opts, by_id, work)
    if judged and "dedupe" in only:
        eval_dedupe(opts, corpus, judged)
    if judged and "similar" in only:
        eval_similar(opts, records, judged, work)


if __name__ == "__main__":
    main()
