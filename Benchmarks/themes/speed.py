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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--bin", default=".build-themes-rel/release/postulaty")
    ap.add_argument("--bench", default=".build-themes-rel/release/postulaty-bench")
    ap.add_argument("--work", default="/tmp/themes-speed")
    a = ap.parse_args()
    os.environ.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    prepare(a.work, a.n)
    print(f"documents: train {a.n} (Wrocław categories, grown), tag {a.n} (all titles, grown); median of {a.runs} runs; "
          f"2-core machine shared with other builds, single-threaded")
    for kind, pretok in (("pre-tokenised", True), ("raw", False)):
        flag = ["--pretokenized"] if pretok else []
        suffix = "tok" if pretok else "raw"
        train, tag = os.path.join(a.work, f"train-{suffix}.jsonl"), os.path.join(a.work, f"tag-{suffix}.jsonl")
        _, bench_rss, out = run_ours([a.bench, "themes", train, tag, "--labels", "categories", "--fields", "text",
                                      "--runs", str(a.runs)] + flag)
        e = json.loads(out.strip().splitlines()[-1])
        model = os.path.join(a.work, f"speed-{suffix}.model")
        trains = [run_ours([a.bin, "train", train, "--labels", "categories", "--fields", "text", "-o", model] + flag)
                  for _ in range(a.runs)]
        tags = [run_ours([a.bin, "tag", tag, "--model", model, "-o", os.path.join(a.work, f"tagged-{suffix}.jsonl")] + flag)
                for _ in range(a.runs)]
        rows = lambda path: [json.loads(l) for l in open(path, encoding="utf-8")]
        sk, sk_rss = sklearn_times(rows(train), rows(tag), pretok, a.runs)
        print(f"\n{kind} input ({e['features']} features; chosen {e['variant']} alpha {e['alpha']})")
        if not pretok:
            print(f"  our Polish analysis of both sets: {e['analysis_s']:.2f} s (not in the engine figures below)")
        print(f"  ours, engine: core fit {e['core_fit_s']:.2f} s, full train {e['full_train_s']:.2f} s, "
              f"transform+scores {e['tag_probabilities_s']:.2f} s, full tagging {e['tag_full_s']:.2f} s; "
              f"peak RSS {e['peak_rss_mib']:.0f} MiB")
        ct, cr = statistics.median(t for t, _, _ in trains), max(r for _, r, _ in trains)
        gt, gr = statistics.median(t for t, _, _ in tags), max(r for _, r, _ in tags)
        print(f"  ours, command line: train {ct:.2f} s (max RSS {cr:.0f} MiB), tag {gt:.2f} s (max RSS {gr:.0f} MiB)")
        for name, (f, t) in sk.items():
            print(f"  scikit-learn {name}: fit {f:.2f} s, transform+predict_proba {t:.2f} s → ours ×{f / e['core_fit_s']:.1f} "
                  f"(core fit), ×{f / e['full_train_s']:.1f} (full train), ×{t / e['tag_probabilities_s']:.1f} "
                  f"(transform+scores), ×{t / e['tag_full_s']:.1f} (full tagging) faster")
        print(f"  scikit-learn process peak RSS {sk_rss:.0f} MiB")


if __name__ == "__main__":
    main()
