#!/usr/bin/env python3
"""Wrocław categories: the fixed 75/25 split, the data files, and scikit-learn baselines on exactly that split.

  python3 Benchmarks/themes/wroclaw.py split            # (re)writes Benchmarks/themes/wroclaw-split.tsv (committed)
  python3 Benchmarks/themes/wroclaw.py prepare OUTDIR   # OUTDIR/wroclaw-train.jsonl, wroclaw-test.jsonl from the ids
  python3 Benchmarks/themes/wroclaw.py sklearn OUTDIR [--terms]
        # scikit-learn TfidfVectorizer + ComplementNB / MultinomialNB on the same split; prints macro-F1 per setup.
        # --terms: feed scikit-learn our analyzer's terms (OUTDIR/*-terms.jsonl, from `postulaty eval --dump-terms`)
        # instead of the raw titles.

The split is seeded and needs no random generator: a row goes to test when the first 8 hex digits of
sha256("wroclaw-2026|" + id) fall in the lowest quarter. The evaluation data stay in ../shared/eval (never committed).
"""
import hashlib, json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EVAL = os.path.join(ROOT, "..", "shared", "eval", "pb-titles-dev.jsonl")
SPLIT = os.path.join(ROOT, "Benchmarks", "themes", "wroclaw-split.tsv")


def rows():
    with open(EVAL, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("city") == "Wrocław" and "categories" in r:
                yield r


def split():
    out = []
    for r in rows():
        h = int(hashlib.sha256(("wroclaw-2026|" + r["id"]).encode()).hexdigest()[:8], 16)
        out.append((r["id"], "test" if h < 0x40000000 else "train"))
    out.sort()
    with open(SPLIT, "w", encoding="utf-8") as f:
        f.write("id\tsplit\n")
        for i, s in out:
            f.write(f"{i}\t{s}\n")
    print(f"{len(out)} rows: {sum(s == 'train' for _, s in out)} train, {sum(s == 'test' for _, s in out)} test")


def load_split():
    with open(SPLIT, encoding="utf-8") as f:
        next(f)
        return dict(line.rstrip("\n").split("\t") for line in f)


def prepare(outdir):
    os.makedirs(outdir, exist_ok=True)
    which = load_split()
    files = {s: open(os.path.join(outdir, f"wroclaw-{s}.jsonl"), "w", encoding="utf-8") for s in ("train", "test")}
    n = {"train": 0, "test": 0}
    for r in rows():
        s = which.get(r["id"])
        if s is None:
            continue
        files[s].write(json.dumps({"id": r["id"], "year": r["year"], "text": r["text"],
                                   "categories": r["categories"]}, ensure_ascii=False) + "\n")
        n[s] += 1
    for f in files.values():
        f.close()
    missing = len(which) - n["train"] - n["test"]
    print(f"train {n['train']}, test {n['test']}" + (f", {missing} ids of the split not found" if missing else ""))


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def macro_f1(gold, pred, labels):
    """Macro-F1 over labels present in the gold sets (as `postulaty eval`), micro-F1 over all decisions."""
    f1s, tp_all, sp_all, pr_all = [], 0, 0, 0
    for l in labels:
        tp = sum(1 for g, p in zip(gold, pred) if l in g and l in p)
        sp = sum(1 for g in gold if l in g)
        pr = sum(1 for p in pred if l in p)
        tp_all += tp; sp_all += sp; pr_all += pr
        if sp:
            f1s.append(2 * tp / (sp + pr))
    return sum(f1s) / len(f1s), (2 * tp_all / (sp_all + pr_all) if sp_all + pr_all else 0)


def sklearn_baselines(outdir, terms=False):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.model_selection import GridSearchCV, StratifiedKFold, KFold
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.naive_bayes import ComplementNB, MultinomialNB
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import MultiLabelBinarizer

    suffix = "-terms" if terms else ""
    train, test = read(os.path.join(outdir, f"wroclaw-train{suffix}.jsonl")), read(os.path.join(outdir, f"wroclaw-test{suffix}.jsonl"))
    gold = [set(r["categories"]) for r in test]
    labels = sorted({c for r in train + test for c in r["categories"]})
    vec_args = dict(sublinear_tf=True, ngram_range=(1, 2), min_df=2, max_df=0.5)
    if terms:  # our analyzer's terms: split on spaces, nothing else
        vec_args.update(lowercase=False, token_pattern=None, tokenizer=str.split)
    alphas = [0.01, 0.03, 0.1, 0.3, 1.0]
    results = []
    # (a) multi-class on the first category (what most users do with ComplementNB); every test row gets one label
    mc = [r for r in train if r["categories"]]
    X, y = [r["text"] for r in mc], [r["categories"][0] for r in mc]
    for name, nb in (("ComplementNB", ComplementNB), ("MultinomialNB", MultinomialNB)):
        for tuned in (False, True):
            pipe = make_pipeline(TfidfVectorizer(**vec_args), nb())
            if tuned:
                pipe = GridSearchCV(pipe, {f"{nb.__name__.lower()}__alpha": alphas}, scoring="f1_macro",
                                    cv=StratifiedKFold(5, shuffle=True, random_state=0))
            pipe.fit(X, y)
            pred = [{p} for p in pipe.predict([r["text"] for r in test])]
            m, u = macro_f1(gold, pred, labels)
            alpha = pipe.best_params_ if tuned else {"alpha": 1.0}
            results.append((f"multi-class {name} ({'alpha by 5-fold CV ' + str(list(alpha.values())[0]) if tuned else 'alpha 1.0'})", m, u))
    # (b) one-vs-rest on all categories (multi-label, sklearn's default 0.5 decision)
    mlb = MultiLabelBinarizer(classes=labels)
    Y = mlb.fit_transform([r["categories"] for r in train])
    for name, nb in (("ComplementNB", ComplementNB), ("MultinomialNB", MultinomialNB)):
        for tuned in (False, True):
            pipe = make_pipeline(TfidfVectorizer(**vec_args), OneVsRestClassifier(nb()))
            if tuned:
                pipe = GridSearchCV(pipe, {"onevsrestclassifier__estimator__alpha": alphas}, scoring="f1_macro",
                                    cv=KFold(5, shuffle=True, random_state=0))
            pipe.fit([r["text"] for r in train], Y)
            P = pipe.predict([r["text"] for r in test])
            pred = [set(mlb.classes_[j] for j in range(len(labels)) if row[j]) for row in P]
            m, u = macro_f1(gold, pred, labels)
            alpha = list(pipe.best_params_.values())[0] if tuned else 1.0
            results.append((f"one-vs-rest {name} ({'alpha by 5-fold CV ' + str(alpha) if tuned else 'alpha 1.0'})", m, u))
    print(f"scikit-learn on the Wrocław split ({len(train)} train, {len(test)} test; "
          f"input: {'our analyzer terms' if terms else 'raw titles, scikit-learn tokeniser'})")
    for name, m, u in results:
        print(f"  {m:.3f} macro-F1  {u:.3f} micro-F1  {name}")
    best = max(results, key=lambda t: t[1])
    print(f"  best: {best[1]:.3f} ({best[0]})")
    return best[1]


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "split":
        split()
    elif cmd == "prepare":
        prepare(sys.argv[2])
    elif cmd == "sklearn":
        sklearn_baselines(sys.argv[2], terms="--terms" in sys.argv)
    else:
        print(__doc__)
        sys.exit(2)
