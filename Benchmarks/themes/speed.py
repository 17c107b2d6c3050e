#!/usr/bin/env python3
"""Speed and memory: `postulaty train` / `postulaty tag` against scikit-learn's TfidfVectorizer + ComplementNB /
MultinomialNB on the same documents, one core, measured in one run.

  python3 Benchmarks/themes/speed.py [--runs 3] [--inner 3] [--bin …/postulaty] [--bench …/postulaty-bench] [--work /tmp/themes-speed] [--grid]

Data (grown deterministically from ../shared/eval/pb-titles-dev.jsonl, never committed):
  train: the 2,675 labelled Wrocław titles, copy 0 as is and copies 1… perturbed, to 100,000 records (`categories`);
  tag:   all 22,118 titles, perturbed the same way, to 100,000 records.
  Perturbation of copy k > 0: with indices from sha256(k|id), one word is dropped (titles of 3+ words) and two
  neighbouring words are swapped, so copies are near-duplicates, not identical rows.
Two inputs, each fed to both sides:
  pre-tokenised: text lower-cased and split with scikit-learn's own token pattern (\\w\\w+) in Python, joined by
    spaces; scikit-learn gets tokenizer=str.split, postulaty gets --pretokenized. Same tokens on both sides, no
    Polish analysis on either side: this is the fair engine-to-engine figure.
  raw: the titles as written; scikit-learn uses its default tokeniser, postulaty its full Polish analysis
    (tokeniser, normaliser, lemmatiser, stop words), which does more work per token.
Runs are paired: one run of ours, then one of scikit-learn, --runs times, so both sides see the same machine load;
ratios are taken per pair and given as median (min–max). Within a pair each side times every stage --inner times
(default 3) in one process and gives the median, so neither side's figure is a first, cold call (ours used to be:
the bench ran each stage once in a fresh process, while scikit-learn's process was warm from the earlier pairs). scikit-learn's fit and transform include its tokenising
(tokenizer=str.split on pre-tokenised text), so the ratios use our figures "from text", which include ours (the
split, or the Polish analysis on raw text). `--grid` also times scikit-learn's GridSearchCV doing the model
selection our full train does (minutes).
Figures, all single-threaded, medians of --runs:
  engine (in process, thread CPU time): `postulaty-bench themes` — our core fit (TF-IDF fit + one naive Bayes fit:
    what scikit-learn's pipeline.fit does), our full train (+ variant/α choice by 5-fold CV, calibration,
    thresholds), our transform + calibrated scores (what predict_proba does), and full tagging (+ decisions and
    evidence terms); scikit-learn's fit and transform + predict_proba, in process, CPU time (time.process_time).
    Reading files is outside both.
  command line (wall time, max RSS from /usr/bin/time -v): the whole `postulaty train` and `postulaty tag`
    processes (start-up, reading JSONL, everything above, writing the model or the tagged JSONL with evidence).
"""
import argparse, hashlib, json, os, re, resource, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EVAL = os.path.join(ROOT, "..", "shared", "eval", "pb-titles-dev.jsonl")
TOKEN = re.compile(r"(?u)\b\w\w+\b")


def perturb(text, k, rid):
    if k == 0:
        return text
    words = text.split()
    h = hashlib.sha256(f"{k}|{rid}".encode()).digest()
    if len(words) >= 3:
        del words[h[0] % len(words)]
    if len(words) >= 2:
        i = h[1] % (len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def grow(rows, n):
    out, k = [], 0
    while len(out) < n:
        for r in rows:
            if len(out) == n:
                break
            o = dict(r)
            o["id"] = f"{r['id']}#{k}"
            o["text"] = perturb(r["text"], k, r["id"])
            out.append(o)
        k += 1
    return out


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def prepare(work, n):
    os.makedirs(work, exist_ok=True)
    allrows = [json.loads(l) for l in open(EVAL, encoding="utf-8")]
    wro = [{"id": r["id"], "text": r["text"], "categories": r["categories"]} for r in allrows if "categories" in r]
    titles = [{"id": r["id"], "text": r["text"]} for r in allrows]
    sets = {"train": grow(wro, n), "tag": grow(titles, n)}
    for name, rows in sets.items():
        write(os.path.join(work, f"{name}-raw.jsonl"), rows)
        tok = [dict(r, text=" ".join(TOKEN.findall(r["text"].lower()))) for r in rows]
        write(os.path.join(work, f"{name}-tok.jsonl"), tok)
    return sets


def run_ours(cmd):
    """Wall time and max RSS (MiB) of one process."""
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    return wall, rss, p.stdout


def sklearn_times(train_rows, tag_rows, pretok, runs):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.naive_bayes import ComplementNB, MultinomialNB
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import MultiLabelBinarizer
    vec = dict(sublinear_tf=True, ngram_range=(1, 2), min_df=2, max_df=0.5)
    if pretok:
        vec.update(lowercase=False, token_pattern=None, tokenizer=str.split)
    X = [r["text"] for r in train_rows]
    y = [r["categories"][0] if r["categories"] else "none" for r in train_rows]
    Y = MultiLabelBinarizer().fit_transform([r["categories"] for r in train_rows])
    T = [r["text"] for r in tag_rows]
    out = {}
    setups = {
        "multi-class ComplementNB": (lambda: make_pipeline(TfidfVectorizer(**vec), ComplementNB()), y),
        "multi-class MultinomialNB": (lambda: make_pipeline(TfidfVectorizer(**vec), MultinomialNB()), y),
        "one-vs-rest ComplementNB": (lambda: make_pipeline(TfidfVectorizer(**vec), OneVsRestClassifier(ComplementNB())), Y),
    }
    for name, (make, target) in setups.items():
        fits, tags = [], []
        for _ in range(runs):
            pipe = make()
            t = time.process_time(); pipe.fit(X, target); fits.append(time.process_time() - t)
            t = time.process_time(); pipe.predict_proba(T); tags.append(time.process_time() - t)
        out[name] = (statistics.median(fits), statistics.median(tags))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out, rss


def sklearn_grid(train_rows, pretok):
    """scikit-learn doing the model selection `postulaty train` does (less than it: no calibration, thresholds or
    decision rule): GridSearchCV, 5 folds, macro-F1, over the same three naive Bayes variants and seven smoothing
    values, then the refit. CPU time of one run."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.model_selection import GridSearchCV, KFold
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.naive_bayes import ComplementNB, MultinomialNB
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import MultiLabelBinarizer
    vec = dict(sublinear_tf=True, ngram_range=(1, 2), min_df=2, max_df=0.5)
    if pretok:
        vec.update(lowercase=False, token_pattern=None, tokenizer=str.split)
    X = [r["text"] for r in train_rows]
    Y = MultiLabelBinarizer().fit_transform([r["categories"] for r in train_rows])
    alphas = [0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
    grid = [{"clf": [OneVsRestClassifier(MultinomialNB())], "clf__estimator__alpha": alphas},
            {"clf": [OneVsRestClassifier(ComplementNB())], "clf__estimator__alpha": alphas},
            {"clf": [OneVsRestClassifier(ComplementNB(norm=True))], "clf__estimator__alpha": alphas}]
    search = GridSearchCV(Pipeline([("tfidf", TfidfVectorizer(**vec)), ("clf", OneVsRestClassifier(MultinomialNB()))]),
                          grid, cv=KFold(5, shuffle=True, random_state=0), scoring="f1_macro", n_jobs=1)
    t = time.process_time(); search.fit(X, Y)
    return time.process_time() - t


def spread(xs):
    xs = sorted(xs)
    return f"×{statistics.median(xs):.1f} (×{xs[0]:.1f}–{xs[-1]:.1f})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--inner", type=int, default=3,
                    help="runs of each stage within one pair, both sides; the pair compares their medians")
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--bin", default=".build-themes-rel/release/postulaty")
    ap.add_argument("--bench", default=".build-themes-rel/release/postulaty-bench")
    ap.add_argument("--work", default="/tmp/themes-speed")
    ap.add_argument("--grid", action="store_true", help="also time scikit-learn's GridSearchCV doing our model selection (minutes)")
    a = ap.parse_args()
    os.environ.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    prepare(a.work, a.n)
    print(f"documents: train {a.n} (Wrocław categories, grown), tag {a.n} (all titles, grown); {a.runs} paired runs "
          f"(ours, then scikit-learn, alternately); 2-core machine shared with other builds, single-threaded")
    for kind, pretok in (("pre-tokenised", True), ("raw", False)):
        flag = ["--pretokenized"] if pretok else []
        suffix = "tok" if pretok else "raw"
        train, tag = os.path.join(a.work, f"train-{suffix}.jsonl"), os.path.join(a.work, f"tag-{suffix}.jsonl")
        rows = lambda path: [json.loads(l) for l in open(path, encoding="utf-8")]
        train_rows, tag_rows = rows(train), rows(tag)
        # Runs alternate between the two sides so that both see the same machine load; ratios are taken per pair.
        es, sks, sk_rss, bench_rss = [], [], 0, 0
        for _ in range(a.runs):
            _, r, out = run_ours([a.bench, "themes", train, tag, "--labels", "categories", "--fields", "text",
                                  "--runs", str(a.inner), "--train-once"] + flag)
            es.append(json.loads(out.strip().splitlines()[-1])); bench_rss = max(bench_rss, r)
            sk, sk_rss = sklearn_times(train_rows, tag_rows, pretok, a.inner)
            sks.append(sk)
        med = lambda key: statistics.median(e[key] for e in es)
        # From text (terms streamed from the analyzer, as `postulaty tag` does) is what compares with scikit-learn,
        # whose figures include its tokenising; "from terms" starts from terms analysed beforehand.
        fit = [e["core_fit_text_s"] for e in es]
        probs = [e["tag_probabilities_text_s"] for e in es]
        tagged = [e["tag_full_text_s"] for e in es]
        full = [e["full_train_s"] for e in es]
        e = es[0]
        print(f"\n{kind} input ({e['features']} features; chosen {e['variant']} alpha {e['alpha']})")
        if not pretok:
            print(f"  our Polish analysis of both sets, alone: {med('analysis_s'):.2f} s (inside the from-text figures)")
        print(f"  ours, engine, from text (medians): core fit {statistics.median(fit):.3f} s, transform+scores "
              f"{statistics.median(probs):.3f} s, full tagging {statistics.median(tagged):.3f} s; peak RSS {bench_rss:.0f} MiB")
        print(f"  ours, engine, from terms (medians): core fit {med('core_fit_s'):.3f} s, full train "
              f"{statistics.median(full):.2f} s, transform+scores {med('tag_probabilities_s'):.3f} s, full tagging "
              f"{med('tag_full_s'):.3f} s")
        trains = [run_ours([a.bin, "train", train, "--labels", "categories", "--fields", "text", "-o",
                            os.path.join(a.work, f"speed-{suffix}.model")] + flag) for _ in range(a.runs)]
        tags = [run_ours([a.bin, "tag", tag, "--model", os.path.join(a.work, f"speed-{suffix}.model"), "-o",
                          os.path.join(a.work, f"tagged-{suffix}.jsonl")] + flag) for _ in range(a.runs)]
        ct, cr = statistics.median(t for t, _, _ in trains), max(r for _, r, _ in trains)
        gt, gr = statistics.median(t for t, _, _ in tags), max(r for _, r, _ in tags)
        print(f"  ours, command line (wall, whole process): train {ct:.2f} s (max RSS {cr:.0f} MiB), "
              f"tag {gt:.2f} s (max RSS {gr:.0f} MiB)")
        for name in sks[0]:
            f = [sk[name][0] for sk in sks]; t = [sk[name][1] for sk in sks]
            print(f"  scikit-learn {name}: fit {statistics.median(f):.2f} s, transform+predict_proba "
                  f"{statistics.median(t):.2f} s → ours faster, per pair median (min–max): "
                  f"core fit {spread([x / y for x, y in zip(f, fit)])}, full train (from terms) {spread([x / y for x, y in zip(f, full)])}, "
                  f"transform+scores {spread([x / y for x, y in zip(t, probs)])}, "
                  f"full tagging {spread([x / y for x, y in zip(t, tagged)])}")
        print(f"  scikit-learn process peak RSS {sk_rss:.0f} MiB")
        if a.grid and pretok:
            g = sklearn_grid(train_rows, pretok)
            print(f"  scikit-learn GridSearchCV (3 variants × 7 α × 5 folds + refit, one run): {g:.1f} s → our full "
                  f"train ×{g / statistics.median(full):.0f} faster")


if __name__ == "__main__":
    main()
