#!/usr/bin/env python3
"""scikit-learn doing part of what `postulaty train` does: TF-IDF once, then GridSearchCV over the same 7 alphas,
5 folds, macro-F1, for ComplementNB and MultinomialNB (14 candidates; ours tries 21 and also calibrates and picks
thresholds). Run after Benchmarks/themes/speed.py has written /tmp/themes-speed/train-tok.jsonl (pre-tokenised).
   python3 Benchmarks/themes/sklearn_selection.py [/tmp/themes-speed/train-tok.jsonl]
"""
import sys
import json, time, os
os.environ["OMP_NUM_THREADS"] = "1"
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.naive_bayes import ComplementNB, MultinomialNB
rows = [json.loads(l) for l in open(sys.argv[1] if len(sys.argv) > 1 else "/tmp/themes-speed/train-tok.jsonl", encoding="utf-8")]
X = [r["text"] for r in rows]; y = [r["categories"][0] if r["categories"] else "none" for r in rows]
t = time.process_time()
V = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2, max_df=0.5, lowercase=False, token_pattern=None, tokenizer=str.split).fit_transform(X)
for nb in (ComplementNB, MultinomialNB):
    GridSearchCV(nb(), {"alpha": [0.01, 0.03, 0.1, 0.3, 1, 3, 10]}, scoring="f1_macro", cv=StratifiedKFold(5, shuffle=True, random_state=0), n_jobs=1).fit(V, y)
print(f"vectorise once + GridSearchCV over 7 alphas x 5 folds for ComplementNB and MultinomialNB: {time.process_time() - t:.2f} s CPU")
