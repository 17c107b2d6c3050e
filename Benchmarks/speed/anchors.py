#!/usr/bin/env python3
"""The scikit-learn anchors of Benchmarks/speed/bench.sh, one whole process each (the caller times it).

    anchors.py tfidf CORPUS.jsonl           TfidfVectorizer(sublinear_tf=True).fit_transform on the texts
    anchors.py join CORPUS.jsonl THRESHOLD  the same vectors, then the exact chunked X.X^T, pairs >= THRESHOLD

Texts are the records' "text" fields; scikit-learn's own regex tokens (no lemmas). BLAS/OpenMP threads = 1.
Prints one line: rows, features (and pairs), seconds inside Python.
"""
import json, os, sys, time

for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(v, "1")

from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402


def texts(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line).get("text") or "" for line in f if line.strip()]


def main():
    mode, path = sys.argv[1], sys.argv[2]
    t0 = time.time()
    docs = texts(path)
    X = TfidfVectorizer(sublinear_tf=True).fit_transform(docs).tocsr()
    if mode == "tfidf":
        print(f"rows {X.shape[0]} features {X.shape[1]} seconds {time.time() - t0:.2f}")
        return
    threshold = float(sys.argv[3])
    XT = X.T.tocsr()
    pairs = 0
    chunk = 2000
    for start in range(0, X.shape[0], chunk):
        block = (X[start:start + chunk] @ XT).tocoo()
        keep = (block.data >= threshold - 1e-9) & (block.row + start < block.col)
        pairs += int(keep.sum())
    print(f"rows {X.shape[0]} features {X.shape[1]} pairs {pairs} seconds {time.time() - t0:.2f}")


if __name__ == "__main__":
    main()
