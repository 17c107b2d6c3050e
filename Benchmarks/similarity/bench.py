#!/usr/bin/env python3
"""Similarity index and near-duplicate join (issue 5) side by side with scikit-learn and datasketch.

Run from the repository root, after `swift build -c release --scratch-path .build-sim-rel --product postulaty-bench`:

    python3 Benchmarks/similarity/bench.py [--sizes base,300000,1000000] [--runs 3] [--queries 1000]

Data: ../shared/eval/pb-titles-dev.jsonl (22,118 real participatory-budget titles; never committed) and corpora
grown from it to 300k and 1M documents by a deterministic, seeded perturbation:

  * Copy k (k = 1, 2, ...) of every title, in file order, until the size is reached; copy id = "<id>~<k>".
  * Each copy gets 1-3 edits drawn with random.Random(SEED + k) (Python's Mersenne Twister, seeded: the same
    corpus on every run): drop a word (titles of >= 3 words), swap two neighbouring words, or a typo in a word
    of >= 4 letters (delete, replace, insert or transpose letters; replacements from the Polish alphabet).
  * year = original year + k mod 5 (copies spread over later years, as resubmissions do).

For every size, the Swift side (`postulaty-bench similarity`) builds, saves and reloads the index, runs the top-10
queries (the texts of `--queries` postulates spread evenly over the corpus) and the join at cosine >= 0.8; it
writes each postulate's analyzer terms, so the anchors index exactly the same terms with the same weighting
(scikit-learn's TfidfVectorizer(sublinear_tf=True) = sublinear tf x smoothed idf, l2: the index's own formulas).

  * Recall of the top-10 against scikit-learn's NearestNeighbors(metric="cosine", algorithm="brute"): a result of
    scikit-learn counts as found when our top-10 holds it or ties it (same score within 1e-6).
  * The join against scikit-learn's exact chunked product X.X^T at the base size; at 300k and 1M against the exact
    neighbours (X.x) of 300 sampled rows: "missed" counts true pairs >= 0.8 + 1e-6 absent from our output.
  * datasketch MinHashLSH(threshold=0.8, num_perm=128) on the term sets at the base size: time (MinHash +
    insert + query) and the share of the exact cosine pairs it proposes as candidates.

Times are CPU time of one thread (Swift) or wall time of a one-thread process (Python; OMP/BLAS threads = 1).
"""
import argparse, json, os, random, statistics, subprocess, sys, time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

SEED = 20261126
ALPHABET = "aąbcćdeęfghijklłmnńoóprsśtuwyzźż"
EVAL = "../shared/eval/pb-titles-dev.jsonl"


def load_base():
    with open(EVAL, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def typo(word, rng):
    i = rng.randrange(len(word))
    op = rng.randrange(4)
    if op == 0:
        return word[:i] + word[i + 1:]
    if op == 1:
        return word[:i] + rng.choice(ALPHABET) + word[i + 1:]
    if op == 2:
        return word[:i] + rng.choice(ALPHABET) + word[i:]
    j = min(i + 1, len(word) - 1)
    chars = list(word)
    chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars)


def perturb(text, rng):
    words = text.split()
    for _ in range(1 + rng.randrange(3)):
        op = rng.randrange(3)
        if op == 0 and len(words) >= 3:
            del words[rng.randrange(len(words))]
        elif op == 1 and len(words) >= 2:
            i = rng.randrange(len(words) - 1)
            words[i], words[i + 1] = words[i + 1], words[i]
        else:
            long_words = [i for i, w in enumerate(words) if len(w) >= 4]
            if long_words:
                i = rng.choice(long_words)
                words[i] = typo(words[i], rng)
    return " ".join(words)


def grow(base, size):
    out = [dict(r) for r in base]
    k = 0
    while len(out) < size:
        k += 1
        rng = random.Random(SEED + k)
        for r in base:
            if len(out) >= size:
                break
            c = dict(r)
            c["id"] = f"{r['id']}~{k}"
            c["text"] = perturb(r["text"], rng)
            if isinstance(r.get("year"), int):
                c["year"] = r["year"] + k % 5
            out.append(c)
    return out[:size]


def write_corpus(rows, path):
    if os.path.exists(path):
        return
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"id": r["id"], "year": r.get("year"), "text": r["text"]}, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def run_swift(bench, corpus, outdir, queries, runs, timeout, extra):
    results = []
    for _ in range(runs):
        t = time.time()
        p = subprocess.run([bench, "similarity", corpus, outdir, "--queries", str(queries)] + extra,
                           capture_output=True, text=True, timeout=timeout)
        if p.returncode != 0:
            sys.exit(f"postulaty-bench failed: {p.stderr}")
        r = json.loads(p.stdout.strip().splitlines()[-1])
        r["wall_s"] = time.time() - t
        results.append(r)
    med = {k: (statistics.median(r[k] for r in results) if isinstance(r[k], (int, float)) else r[k])
           for k, r in ((k, results[0]) for k in results[0])}
    for k in med:
        if isinstance(results[0][k], (int, float)):
            med[k] = statistics.median(r[k] for r in results)
    med["runs"] = runs
    return med


def read_terms(outdir):
    with open(os.path.join(outdir, "terms.tsv"), encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def tfidf(docs):
    from sklearn.feature_extraction.text import TfidfVectorizer
    vec = TfidfVectorizer(analyzer=lambda s: [t for t in s.split("\t") if t], sublinear_tf=True, lowercase=False)
    return vec.fit_transform(docs).tocsr()


def sklearn_queries(X, outdir, max_queries):
    from sklearn.neighbors import NearestNeighbors
    ours = {}
    with open(os.path.join(outdir, "topk.tsv")) as f:
        for line in f:
            q, rank, row, score = line.split("\t")
            ours.setdefault(int(q), []).append((int(row), float(score)))
    qrows = sorted(ours)[:max_queries] if max_queries else sorted(ours)
    t = time.time()
    nn = NearestNeighbors(n_neighbors=10, metric="cosine", algorithm="brute").fit(X)
    fit_s = time.time() - t
    times, found, total = [], 0, 0
    for q in qrows:
        t = time.perf_counter()
        dist, idx = nn.kneighbors(X[q], 10)
        times.append(time.perf_counter() - t)
        mine = ours.get(q, [])
        mine_rows = {r for r, _ in mine}
        tenth = mine[-1][1] if len(mine) == 10 else 0.0
        for d, r in zip(dist[0], idx[0]):
            s = 1 - d
            if s <= 1e-9:
                continue  # nothing in common: not a result
            total += 1
            if r in mine_rows or (len(mine) == 10 and abs(s - tenth) <= 1e-6):
                found += 1
    return {"sk_fit_s": fit_s, "sk_query_p50_ms": statistics.median(times) * 1000,
            "sk_queries": len(qrows), "recall_vs_sklearn": found / total if total else 1.0}


def our_pairs(outdir):
    pairs = {}
    with open(os.path.join(outdir, "pairs.tsv")) as f:
        for line in f:
            a, b, s = line.split("\t")
            pairs[(int(a), int(b))] = float(s)
    return pairs


def sklearn_join(X, threshold, chunk=2000):
    t = time.time()
    pairs = {}
    XT = X.T.tocsr()
    for start in range(0, X.shape[0], chunk):
        block = (X[start:start + chunk] @ XT).tocoo()
        for i, j, v in zip(block.row, block.col, block.data):
            a = start + int(i)
            if a < j and v >= threshold - 1e-6:
                pairs[(a, int(j))] = float(v)
    return pairs, time.time() - t


def compare_pairs(truth, ours, threshold):
    missed = [p for p, s in truth.items() if s >= threshold + 1e-6 and p not in ours]
    extra = [p for p, s in ours.items() if p not in truth]
    return len(missed), len(extra)


def sampled_join_check(X, ours, threshold, samples=300):
    rng = random.Random(SEED)
    n = X.shape[0]
    rows = rng.sample(range(n), min(samples, n))
    XT = X.T.tocsr()
    missed, checked = 0, 0
    for r in rows:
        sims = (X[r] @ XT).tocoo()
        for j, v in zip(sims.col, sims.data):
            j = int(j)
            if j != r and v >= threshold + 1e-6:
                checked += 1
                if (min(r, j), max(r, j)) not in ours:
                    missed += 1
    return {"sampled_rows": len(rows), "sampled_true_pairs": checked, "sampled_missed": missed}


def datasketch_join(docs, truth, threshold):
    from datasketch import MinHash, MinHashLSH
    t = time.time()
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    hashes = []
    for i, d in enumerate(docs):
        m = MinHash(num_perm=128, seed=1)
        for term in set(x for x in d.split("\t") if x):
            m.update(term.encode("utf-8"))
        hashes.append(m)
        lsh.insert(i, m)
    candidates = set()
    for i, m in enumerate(hashes):
        for j in lsh.query(m):
            if j != i:
                candidates.add((min(i, j), max(i, j)))
    elapsed = time.time() - t
    true = [p for p, s in truth.items() if s >= threshold + 1e-6]
    hit = sum(1 for p in true if p in candidates)
    return {"ds_s": elapsed, "ds_candidates": len(candidates), "ds_recall": hit / len(true) if true else 1.0}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="base,300000,1000000")
    ap.add_argument("--runs", type=int, default=3, help="Swift runs per size (median); 1 at 1M")
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--sk-queries", type=int, default=200, help="scikit-learn queries per size (it is slow)")
    ap.add_argument("--work", default="/tmp/postulaty-sim-bench")
    ap.add_argument("--bench", default=".build-sim-rel/release/postulaty-bench")
    ap.add_argument("--timeout", type=int, default=1800)
    ap.add_argument("--skip-anchors", action="store_true")
    ap.add_argument("--identity", action="store_true", help="lower-cased forms instead of the default lemmatiser")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    base = load_base()
    report = []
    for size in args.sizes.split(","):
        n = len(base) if size == "base" else int(size)
        name = "base" if size == "base" else f"{n}"
        corpus = os.path.join(args.work, f"pb-{name}.jsonl")
        write_corpus(base if size == "base" else grow(base, n), corpus)
        outdir = os.path.join(args.work, name)
        runs = args.runs if n < 1_000_000 else 1
        r = {"size": n}
        r.update(run_swift(args.bench, corpus, outdir, args.queries, runs, args.timeout,
                           ["--identity"] if args.identity else []))
        print(json.dumps(r), file=sys.stderr, flush=True)
        if not args.skip_anchors:
            docs = read_terms(outdir)
            X = tfidf(docs)
            r.update(sklearn_queries(X, outdir, args.sk_queries if n > 50_000 else 0))
            ours = our_pairs(outdir)
            if size == "base":
                truth, sk_s = sklearn_join(X, 0.8)
                missed, extra = compare_pairs(truth, ours, 0.8)
                r.update({"sk_join_s": sk_s, "sk_pairs": sum(1 for s in truth.values() if s >= 0.8),
                          "join_missed": missed, "join_extra": extra})
                r.update(datasketch_join(docs, truth, 0.8))
            else:
                r.update(sampled_join_check(X, ours, 0.8))
            print(json.dumps(r), file=sys.stderr, flush=True)
        report.append(r)
    with open(os.path.join(args.work, "report.json"), "w") as f:
        json.dump(report, f, indent=1)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
