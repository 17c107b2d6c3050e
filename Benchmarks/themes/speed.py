#!/usr/bin/env python3
"""Speed and memory: `postulaty train` / `postulaty tag` against scikit-learn's TfidfVectorizer + ComplementNB /
MultinomialNB on the same documents, one core, measured in one run.

  python3 Benchmarks/themes/speed.py [--runs 3] [--bin .build-themes-rel/release/postulaty] [--work /tmp/themes-speed]

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
scikit-learn's time is its fit (vectoriser + NB) or transform + predict_proba, in process, excluding Python start-up
and reading the file; ours is the whole CLI process (start-up, reading JSONL, model selection by 5-fold CV over
variants × alphas, calibration, thresholds, writing the model; or reading, tagging with evidence, writing JSONL).
Peak memory: max RSS from /usr/bin/time -v for our process; tracemalloc peak + process RSS for scikit-learn.
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


def run_ours(args, cmd):
    """Wall time and max RSS (MiB) of one CLI run."""
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    return wall, rss


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
            t = time.perf_counter(); pipe.fit(X, target); fits.append(time.perf_counter() - t)
            t = time.perf_counter(); pipe.predict_proba(T); tags.append(time.perf_counter() - t)
        out[name] = (statistics.median(fits), statistics.median(tags))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--bin", default=".build-themes-rel/release/postulaty")
    ap.add_argument("--work", default="/tmp/themes-speed")
    a = ap.parse_args()
    os.environ.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    sets = prepare(a.work, a.n)
    print(f"documents: train {len(sets['train'])} (Wrocław categories, grown), tag {len(sets['tag'])} (all titles, grown); "
          f"median of {a.runs} runs; 2-core shared machine, one process each, single-threaded")
    for kind, pretok in (("pre-tokenised", True), ("raw", False)):
        flag = ["--pretokenized"] if pretok else []
        suffix = "tok" if pretok else "raw"
        model = os.path.join(a.work, f"speed-{suffix}.model")
        trains = [run_ours(a, [a.bin, "train", os.path.join(a.work, f"train-{suffix}.jsonl"), "--labels", "categories",
                               "--fields", "text", "-o", model] + flag) for _ in range(a.runs)]
        tags = [run_ours(a, [a.bin, "tag", os.path.join(a.work, f"tag-{suffix}.jsonl"), "--model", model,
                             "-o", os.path.join(a.work, f"tagged-{suffix}.jsonl")] + flag) for _ in range(a.runs)]
        sk, sk_rss = sklearn_times(sets["train"] if not pretok else [json.loads(l) for l in open(os.path.join(a.work, "train-tok.jsonl"))],
                                   sets["tag"] if not pretok else [json.loads(l) for l in open(os.path.join(a.work, "tag-tok.jsonl"))],
                                   pretok, a.runs)
        ot, orss = statistics.median(t for t, _ in trains), max(r for _, r in trains)
        gt, grss = statistics.median(t for t, _ in tags), max(r for _, r in tags)
        print(f"\n{kind} input")
        print(f"  postulaty train: {ot:.2f} s (peak RSS {orss:.0f} MiB); postulaty tag: {gt:.2f} s (peak RSS {grss:.0f} MiB)")
        for name, (f, t) in sk.items():
            print(f"  scikit-learn {name}: fit {f:.2f} s, transform+predict_proba {t:.2f} s"
                  f"  → ours ×{f / ot:.1f} faster to train, ×{t / gt:.1f} faster to tag")
        print(f"  scikit-learn process peak RSS {sk_rss:.0f} MiB")


if __name__ == "__main__":
    main()
