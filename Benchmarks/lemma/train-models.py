#!/usr/bin/env python3
"""Build the lemmatiser's model tables from the Morfologik dictionary and wordfreq's Polish form frequencies.

usage: train-models.py DUMP.tsv MODELS_DIR [--holdout]

DUMP.tsv: `postulaty-bench lemma-dump` output (form<TAB>lemma<TAB>tag, tags joined by "+").
Writes MODELS_DIR/lemma-priors.tsv and MODELS_DIR/guesser-pl.tsv (sorted by key as UTF-8 bytes, deterministic).
With --holdout, the guesser is trained on 9 of every 10 lemmas and its accuracy on the forms of the tenth is
printed (nothing written): how the guesser's thresholds were checked without looking at evaluation text.

Priors: each lower-cased form's frequency (wordfreq, 'large' Polish list) is shared equally among the
(lemma, class) pairs that can produce it; a pair's score is the sum, in units of 1e-9 (rounded).
Guesser: every lower-cased form of the lexicon with the lemma the lemmatiser would choose for it (the same
ranking as PolishLemmatizer) gives one rewrite (drop N letters, append S) for each of its suffixes of 1..8
letters that contain the dropped part; a suffix keeps its most common rewrite when it covers at least
MIN_SHARE of the suffix's forms and MIN_COUNT forms, and is written only where that rewrite differs from the
one its next shorter suffix yields.
"""
import collections, sys

MAX_SUFFIX = 8
MIN_COUNT = 3
MIN_SHARE = 0.5

TIER = {'prep': 0, 'conj': 0, 'qub': 0, 'comp': 0, 'ppron12': 1, 'ppron3': 1, 'siebie': 1}
RANK = {c: i for i, c in enumerate(['prep', 'conj', 'qub', 'ppron12', 'ppron3', 'siebie', 'comp', 'pred', 'adv',
                                    'num', 'interj', 'V', 'P', 'G', 'A', 'N', 'brev', 'burk'])}


def reading_class(alt):
    pos = alt.split(':', 1)[0]
    if pos in ('verb', 'fin', 'praet', 'inf', 'impt', 'imps', 'bedzie', 'aglt', 'winien', 'pcon', 'pant'):
        return 'V'
    if pos == 'ger':
        return 'G'
    if pos in ('pact', 'ppas'):
        return 'P'
    if pos in ('adj', 'adja', 'adjp', 'adjc'):
        return 'A'
    if pos in ('subst', 'depr'):
        return 'N'
    return pos


def load(dump):
    forms = collections.defaultdict(set)  # lower form -> {(lemma, class)}
    with open(dump, encoding='utf-8') as f:
        for line in f:
            form, lemma, tag = line.rstrip('\n').split('\t')
            for alt in tag.split('+'):
                forms[form.lower()].add((lemma, reading_class(alt)))
    return forms


def priors(forms):
    import wordfreq
    freq = wordfreq.get_frequency_dict('pl', 'large')
    score = collections.defaultdict(float)
    for form, units in forms.items():
        c = freq.get(form, 0.0)
        if c > 0:
            for u in units:
                score[u] += c / len(units)
    return {u: round(s * 1e9) for u, s in score.items() if round(s * 1e9) > 0}


def choose(units, prior):
    def key(u):
        lemma, cls = u
        return (TIER.get(cls, 2), cls == 'brev', -prior.get(u, 0), RANK.get(cls, 50), lemma.encode('utf-8'))
    return min(units, key=key)[0]


def rewrite(form, lemma):
    p = 0
    while p < min(len(form), len(lemma)) and form[p] == lemma[p]:
        p += 1
    return len(form) - p, lemma[p:]


def train_guesser(pairs):
    counts = collections.defaultdict(collections.Counter)
    for form, lemma in pairs:
        strip, append = rewrite(form, lemma)
        for k in range(max(strip, 1), min(MAX_SUFFIX, len(form) - 1) + 1):
            counts[form[-k:]][(strip, append)] += 1
    best = {}
    for suffix, c in counts.items():
        total = sum(c.values())
        (rule, n), = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:1]
        if n >= MIN_COUNT and n >= MIN_SHARE * total:
            best[suffix] = (rule, n, total)
    rules = {}

    def effective(suffix):  # the rule a lookup would find for this suffix with the full table
        while suffix:
            if suffix in best:
                return best[suffix][0]
            suffix = suffix[1:]
        return (0, '')
    for suffix, (rule, n, total) in best.items():
        if rule != effective(suffix[1:]):
            rules[suffix] = (rule, n, total)
    return rules


def apply(rules, word):
    if len(word) < 4:
        return word
    for k in range(min(MAX_SUFFIX, len(word) - 1), 0, -1):
        r = rules.get(word[-k:])
        if r and len(word) - r[0][0] >= 3:
            strip, append = r[0]
            return word[:len(word) - strip] + append
    return word


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if len(args) != 2:
        sys.exit(__doc__)
    dump, out_dir = args
    forms = load(dump)
    prior = priors(forms)
    pairs = sorted((form, choose(units, prior).lower()) for form, units in forms.items())
    if '--holdout' in sys.argv:
        held = lambda lemma: sum(lemma.encode('utf-8')) % 10 == 0
        rules = train_guesser([p for p in pairs if not held(p[1])])
        test = [p for p in pairs if held(p[1])]
        ok = sum(apply(rules, f) == l for f, l in test)
        same = sum(f == l for f, l in test)
        print(f'held-out forms {len(test)}  guesser exact lemma {100 * ok / len(test):.1f}%  '
              f'(identity would give {100 * same / len(test):.1f}%)  rules {len(rules)}')
        return
    with open(f'{out_dir}/lemma-priors.tsv', 'w', encoding='utf-8', newline='\n') as f:
        f.write('# lemma<TAB>class<TAB>score: generated by Benchmarks/lemma/train-models.sh; see docs/lemmatiser.md\n')
        f.write('# Derived from wordfreq (Polish, large list; CC BY-SA 4.0) and Morfologik PoliMorf (BSD).\n')
        for (lemma, cls), s in sorted(prior.items(), key=lambda kv: (kv[0][0] + '\t' + kv[0][1]).encode('utf-8')):
            f.write(f'{lemma}\t{cls}\t{s}\n')
    rules = train_guesser(pairs)
    with open(f'{out_dir}/guesser-pl.tsv', 'w', encoding='utf-8', newline='\n') as f:
        f.write('# suffix<TAB>strip<TAB>append<TAB>count<TAB>total: generated by Benchmarks/lemma/train-models.sh\n')
        f.write('# Learned from Morfologik PoliMorf (BSD); see docs/lemmatiser.md\n')
        for suffix, ((strip, append), n, total) in sorted(rules.items(), key=lambda kv: kv[0].encode('utf-8')):
            f.write(f'{suffix}\t{strip}\t{append}\t{n}\t{total}\n')
    print(f'priors {len(prior)}  guesser rules {len(rules)}', file=sys.stderr)


if __name__ == '__main__':
    main()
