#!/usr/bin/env python3
# Turns a sheet's own categories into theme codes the tool accepts, and writes the taxonomy for them.
import json, re, sys, unicodedata
src, out_records, out_taxonomy = sys.argv[1:4]
def code(name):  # "walking/cycling infrastructure" -> "walking-cycling-infrastructure"
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_).strip("-").lower()
names = {}
with open(src, encoding="utf-8") as f, open(out_records, "w", encoding="utf-8") as out:
    for line in f:
        r = json.loads(line)
        if "categories" not in r: continue
        cats = r.pop("categories")
        r["themes"] = [code(c) for c in cats]
        for c in cats: names[code(c)] = c
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
themes = [{"code": c, "label_pl": n, "label_en": n, "description_pl": n, "description_en": n} for c, n in sorted(names.items())]
json.dump({"format": "postulaty-taxonomy", "version": 1, "themes": themes}, open(out_taxonomy, "w", encoding="utf-8"), ensure_ascii=False)
