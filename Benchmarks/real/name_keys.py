#!/usr/bin/env python3
"""Name keys on real titles (issue 15, item 1): does every inflected form of a place name get the term of its
nominative, and does a name ever become a common word that feeds a theme?

Gazetteer: each record of ../shared/eval/pb-titles-dev.jsonl carries its `city` and often its `district` in the
nominative ("Lisiniec", "Stare Polesie", "Janów-Nikiszowiec", Poznań's "5 - Grunwald Północ, Grunwald Południe, …").
The place labels of a city (its own name and its districts' labels, values that name no place left out: `Local`,
`Rejon nr 3`, size bands, …) are split into names (at commas) and names into words (at spaces and hyphens); generic
words (`Osiedle`, `Część`, `Centrum`, …) are left out.

Detection (independent of the analyzer): a capitalised word of a title of that city (first letter upper case;
words in capitals count) is a form of a name word when, folded to ASCII and lower-cased, the two share a prefix of
at least max(3, len(name) − 3) letters — at least 4 unless the name word itself is shorter —, and what follows the
prefix in the title word is an inflectional ending, optionally after one or two consonants of the name word's own
rest or their alternants ("Lisin|cu" for "Lisin|iec", "Parkit|ce" for "Parkit|ka", "Rakow|ie" for "Rakow"); a
derived word ("Rakowska", "Lisiniecki", "Dąbrówka" for "Dąbrowa") is not a form. Every title word is compared with
every name word of its own city; the longest shared prefix wins.

Checks, with the analyzer of BIN (`BIN analyze --json`, titles one per line, each name alone on a line):
- *consistency*: the term the analyzer gives the title word (in its title) equals the term it gives the same word
  of the name analysed alone (the nominative, as a gazetteer or a `district` field holds it); per city, per half
  (A: Bydgoszcz, Gdańsk, Katowice, Wrocław — rules are chosen there —; B: every other city), over occurrences and
  over distinct (city, name word, form) triples, with the failures listed (`--show N` per city);
- *one term per name word*: the share of (city, name word) whose nominative and title forms all give one term;
- *names as common words*: occurrences (and nominatives) whose term is a lower-case word, i.e. a common word
  ("Stare" → `stary`), listed, marked `THEME` when the shipped theme model (`--model`) gives that word a weight
  above `--weight` for some label (the word then feeds that theme).

Usage: name_keys.py BIN [--titles ../shared/eval/pb-titles-dev.jsonl] [--model Models/themes.model]
                        [--show 10] [--weight 0.5] [--work DIR]
Prints Markdown tables (figures to Benchmarks/RESULTS.md).
"""
import argparse, bisect, json, os, re, subprocess, sys, tempfile, unicodedata
from collections import Counter, defaultdict

HALF_A = {"Bydgoszcz", "Gdańsk", "Katowice", "Wrocław"}
# Labels that name no place (FieldBlocking's list, for the values of this file).
NOT_PLACES = {"local", "small", "large", "green budget", "cultural", "ogólnomiejski", "ogolnomiejski"}
# Words of a label that are not part of a name's own words.
GENERIC = {"osiedle", "os", "część", "centrum", "dzielnica", "rejon", "ulica", "park", "nr", "św", "i", "nad", "pod",
           "na", "w", "przy", "im", "ul"}
NOUN_ENDINGS = ["", "a", "u", "e", "y", "i", "o", "ą", "ę", "em", "iem", "om", "ie", "iu", "ia", "ii", "ią", "ię",
                "ach", "ami", "owi", "ów", "owie", "ach"]
ADJ_ENDINGS = ["ego", "emu", "ej", "ym", "im", "ych", "ich", "ymi", "imi", "iego", "iemu", "iej"]
# A nominative's own ending (a noun's or an adjective's).
NOM_ENDINGS = ["", "a", "o", "e", "y", "i", "ie", "ia", "io"]
# Stems after which "y"/"i" is a case ending (Bydgoszczy, Łodzi), folded; after others it makes an adjective (Płocki).
SOFT = ("cz", "sz", "rz", "z", "dz", "c", "l", "j", "n", "s", "c")
# What a name word's own rest may end with: a noun ending; an adjective's, when it is one (Stare, Górna, Mały).
CONSONANTS = "bcćdfghjklłmnńprsśtwzźż"
# The alternants of a stem's last consonant before an ending, folded (Parkitka / Parkitce, Praga / Pradze, Góra /
# Górze, Ligota / Ligocie, Wzgórze / Wzgórz).
ALTERNANTS = {"k": ["c"], "g": ["dz", "z"], "r": ["rz"], "t": ["c"], "d": ["dz"], "h": ["sz"], "rz": ["r"]}
VOWELS = "aeiouyąęó"
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
def fold(s):
    s = s.lower().replace("ł", "l")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def is_place_label(label):
    if not label:
        return False
    l = label.strip().lower()
    if l in NOT_PLACES or l.startswith("rejon nr") or re.search(r"\d+\s*-\s*\d+|up to|from \d", l):
        return False
    return any(w[:1].isupper() for w in WORD.findall(label))


def label_names(label):
    """'5 - Grunwald Północ, Grunwald Południe' → ['Grunwald Północ', 'Grunwald Południe']."""
    label = re.sub(r"^\s*\d+\s*-\s*", "", label).replace(".", ". ")
    return [n.strip() for n in label.split(",") if n.strip()]


def name_words(name):
    return [w for w in re.split(r"[\s\-.]+", name) if len(w) >= 3 and w[:1].isupper() and fold(w) not in GENERIC
            and not re.fullmatch("[IVXLC]+", w.upper())]


def common_prefix(a, b):
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def split_rest(rest):
    """A rest as (consonants, ending): up to two consonants (a stem's last, alternating, or after a mobile "e"),
    then an ending; None when it is not of that shape."""
    m = re.fullmatch(f"([{CONSONANTS}]{{0,2}})([{VOWELS}][a-ząęóćńśźżł]*)?", rest)
    if not m:
        return None
    return m.group(1), m.group(2) or ""


def name_rest_ok(rest_n):
    """The name word's rest: ending, or consonants + ending, or a mobile e ("iec", "ek", "ec") + consonant."""
    m = re.fullmatch(f"(i?e)?([{CONSONANTS}]{{0,2}})([{VOWELS}][a-ząęóćńśźżł]*)?", rest_n)
    if not m:
        return False
    return (m.group(3) or "") in NOM_ENDINGS


def rest_forms(stem, rest_w, rest_n):
    """Whether the title word's rest is an inflection of the name word's rest."""
    if not name_rest_ok(rest_n):
        return False
    sw = split_rest(rest_w)
    if sw is None:
        return False
    head, ending = sw
    m = re.fullmatch(f"(i?e)?([{CONSONANTS}]{{0,2}})([{VOWELS}][a-ząęóćńśźżł]*)?", rest_n)
    n_head, n_end = m.group(2), m.group(3) or ""
    adjective = n_end in ADJ_ENDINGS or (n_end in ("a", "e", "y", "i", "ie") and n_head == "")
    allowed = NOUN_ENDINGS + (ADJ_ENDINGS if adjective else [])
    if ending not in allowed:
        return False
    # A stem consonant of the name's rest must show in the form before an ending ("Pustki" / "Pusta" is another word).
    if n_head and ending and not head:
        return False
    # "y"/"i" after a consonant-final name is a case ending only after a soft consonant ("Bydgoszczy", "Łodzi");
    # "Płocki", "Gdański" are adjectives.
    if ending in ("i", "y") and n_end == "" and not (stem + head).endswith(SOFT):
        return False
    heads = {n_head} | {n_head[:-1] + a for a in ALTERNANTS.get(n_head[-1:], [])} \
        | {n_head[:-2] + a for a in ALTERNANTS.get(n_head[-2:], [])}
    return head in heads


def is_form(word, nword):
    """`word` (from a title) is an inflected form of the name word `nword` (both as written): a shared prefix
    (folded) of at least max(3, len − 3) letters (4 for names of 4 letters or more), then rests that are endings."""
    w, n = word.lower(), nword.lower()
    fw, fn = fold(w), fold(n)
    p = common_prefix(fw, fn)
    need = max(3, len(fn) - 3)
    if len(fn) >= 4:
        need = max(need, 4)
    if p < need or len(fw) > len(fn) + 4 or len(fw) < len(fn) - 1:
        return False, p
    # "ó" in the form where the name has "o" is another word ("Ogród" for "Ogrody"); the other way is the -ów
    # paradigm (Raków, Rakowie).
    if any(x == "ó" and y == "o" for x, y in zip(w, n)):
        return False, p
    for k in range(p, need - 1, -1):
        # A derived adjective ("Rakowska", "Bydgoskiego", "Katowickiej") is another word.
        if re.search("[sc]k|dzk", fw[k - 1:]) and not re.search("[sc]k|dzk", fn[k - 1:]):
            return False, p
        if rest_forms(fw[:k], fw[k:], fn[k:]):
            return True, p
    return False, p


def analyze(binary, text, work, tag):
    path = os.path.join(work, tag + ".txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    out = subprocess.run([binary, "analyze", "--json", path], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{binary} analyze failed: {out.stderr[-2000:]}")
    return [json.loads(line) for line in out.stdout.splitlines() if line]


def by_line(text, tokens):
    """{(line, byte offset in the line): term} of every word token."""
    data = text.encode("utf-8")
    starts = [0] + [i + 1 for i, b in enumerate(data) if b == 0x0A]
    terms = {}
    for t in tokens:
        line = bisect.bisect_right(starts, t["start"]) - 1
        terms[(line, t["start"] - starts[line])] = (t["text"], t["term"])
    return terms


def theme_weights(model_path, threshold):
    """{feature: (label, weight)} of features with a weight above `threshold` for some label."""
    if not model_path or not os.path.exists(model_path):
        return {}
    s = open(model_path, encoding="utf-8").read()
    body = json.loads(s[s.index("\n") + 1:])
    vocab = body["vectorizer"]["vocabulary"]
    labels = json.loads(s[: s.index("\n")])["labels"]
    w = body["scorer"]["weights"]
    k = len(labels)
    out = {}
    for i, f in enumerate(vocab):
        best = max(range(k), key=lambda j: w[i * k + j])
        if w[i * k + best] > threshold:
            out[f] = (labels[best], w[i * k + best])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("--titles", default="../shared/eval/pb-titles-dev.jsonl")
    ap.add_argument("--model", default="Models/themes.model")
    ap.add_argument("--weight", type=float, default=0.5)
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--work")
    a = ap.parse_args()
    records = [json.loads(l) for l in open(a.titles, encoding="utf-8")]
    work = a.work or tempfile.mkdtemp(prefix="name-keys-")

    # Gazetteer: city → {name word: the name it belongs to}.
    gazetteer = defaultdict(dict)
    for r in records:
        labels = [r["city"]] + ([r["district"]] if is_place_label(r.get("district")) else [])
        for label in labels:
            for name in label_names(label):
                for w in name_words(name):
                    gazetteer[r["city"]].setdefault(w, name)
    names = sorted({(c, n) for c, ws in gazetteer.items() for n in ws.values()})

    # The nominatives: each name alone on a line.
    nom_text = "".join(n + "\n" for _, n in names)
    nom_terms = by_line(nom_text, analyze(a.bin, nom_text, work, "names"))
    nominative = {}   # (city, name word) → term
    for i, (city, name) in enumerate(names):
        line = name.encode("utf-8")
        for w in name_words(name):
            for m in re.finditer(re.escape(w), name):
                off = len(name[: m.start()].encode("utf-8"))
                if (i, off) in nom_terms:
                    nominative.setdefault((city, w), nom_terms[(i, off)][1])

    # The titles: one per line.
    title_text = "".join(r["text"].replace("\n", " ") + "\n" for r in records)
    terms = by_line(title_text, analyze(a.bin, title_text, work, "titles"))

    occ = []   # (city, name word, form, term, nominative term)
    for i, r in enumerate(records):
        words = gazetteer.get(r["city"], {})
        text = r["text"].replace("\n", " ")
        for m in WORD.finditer(text):
            w = m.group(0)
            if not w[:1].isupper() or len(w) < 3:
                continue
            best = None
            for nw in words:
                ok, p = is_form(w, nw)
                if ok and (best is None or p > best[1]):
                    best = (nw, p)
            if best is None:
                continue
            off = len(text[: m.start()].encode("utf-8"))
            got = terms.get((i, off))
            term = got[1] if got and got[0] == w else "<no token>"
            occ.append((r["city"], best[0], w, term, nominative.get((r["city"], best[0]))))

    themes = theme_weights(a.model, a.weight)

    def half(city):
        return "A" if city in HALF_A else "B"

    def is_common(t):
        return t is not None and t != "<no token>" and t[:1].islower() and ":" not in t

    rows = defaultdict(lambda: Counter())
    for city, nw, w, t, nom in occ:
        for key in (city, "half " + half(city), "all"):
            c = rows[key]
            c["occ"] += 1
            c["same"] += t == nom
            c["common"] += is_common(t)
            c["none"] += t is None
    distinct = defaultdict(lambda: Counter())
    for city, nw, w, t, nom in set(occ):
        for key in (city, "half " + half(city), "all"):
            distinct[key]["n"] += 1
            distinct[key]["same"] += t == nom
    one_term = defaultdict(lambda: Counter())
    per_word = defaultdict(set)
    for city, nw, w, t, nom in occ:
        per_word[(city, nw)].add(t)
        per_word[(city, nw)].add(nom)
    for (city, nw), ts in per_word.items():
        for key in (city, "half " + half(city), "all"):
            one_term[key]["n"] += 1
            one_term[key]["one"] += len(ts) == 1

    keys = sorted(k for k in rows if not k.startswith("half") and k != "all")
    keys = [k for k in keys if half(k) == "A"] + [k for k in keys if half(k) == "B"]
    print(f"{len(names)} names ({sum(len(v) for v in gazetteer.values())} name words) in {len(gazetteer)} cities; "
          f"{len(occ)} title words are forms of their city's name words ({len(set(occ))} distinct).\n")
    print("| city | half | forms in titles | same term as the nominative | distinct forms: same | name words with one term | forms read as common words | no term |")
    print("|---|---|---|---|---|---|---|---|")

    def line(k, h):
        c, d, o = rows[k], distinct[k], one_term[k]
        print(f"| {k} | {h} | {c['occ']} | {c['same']} ({c['same'] / c['occ']:.3f}) | {d['same']}/{d['n']} "
              f"({d['same'] / d['n']:.3f}) | {o['one']}/{o['n']} | {c['common']} | {c['none']} |")
    for k in keys:
        if rows[k]["occ"] >= 20:
            line(k, half(k))
    small = [k for k in keys if rows[k]["occ"] < 20]
    for k in ("half A", "half B", "all"):
        line(k, "")
    print(f"\n(cities with fewer than 20 forms are in the halves and `all` only: {len(small)})\n")

    print("Failures: title form → its term ≠ the nominative's term (count), per city, most frequent first:\n")
    fails = defaultdict(Counter)
    for city, nw, w, t, nom in occ:
        if t != nom:
            fails[city][(nw, nom, w, t)] += 1
    for k in keys:
        if not fails[k]:
            continue
        items = fails[k].most_common()
        shown = items if a.show < 0 else items[: a.show]
        print(f"- **{k}** ({sum(fails[k].values())}): " + "; ".join(
            f"{nw} → `{nom}` / {w} → `{t}` ×{n}" for (nw, nom, w, t), n in shown)
            + (f"; … {len(items) - len(shown)} more" if len(shown) < len(items) else ""))

    print("\nNames read as common words (title forms and nominatives; THEME = the word has a weight above "
          f"{a.weight} for that label in {a.model}):\n")
    commons = Counter()
    for city, nw, w, t, nom in occ:
        if is_common(t):
            commons[(half(city), w, t)] += 1
    for (city, nw), t in nominative.items():
        if is_common(t):
            commons[(half(city), nw + " (nominative)", t)] += 1
    feeding = Counter()
    for h in ("A", "B"):
        items = sorted(((k, n) for k, n in commons.items() if k[0] == h), key=lambda kn: (-kn[1], kn[0]))
        fed = [(k, n) for k, n in items if k[2] in themes]
        feeding[h] = sum(n for _, n in fed)
        print(f"- half {h}: {sum(n for _, n in items)} occurrences, {len(items)} distinct, "
              f"{feeding[h]} occurrences of a word that feeds a theme: "
              + "; ".join(f"{w} → `{t}`{' THEME ' + themes[t][0] if t in themes else ''} ×{n}"
                          for (_, w, t), n in items[: max(a.show * 3, 0) if a.show >= 0 else None]))


if __name__ == "__main__":
    main()
