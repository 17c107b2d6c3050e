#!/usr/bin/env python3
"""Independent anchor for the reviewed-link duplicate figures (docs/store.md): reads a store export (JSONL) and
dedupe's JSONL pairs, applies the documented rules (links of reviewed records, symmetric and transitive; precision
over pairs of two reviewed postulates) with its own code, prints the counts and figures; when records carry a
`group`, also the authored-group figures (every pair judged).
Usage: gold-anchor.py EXPORT.jsonl PAIRS.jsonl"""
import itertools
import json
import sys

records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
ids = {r["id"] for r in records}
reviewed = {r["id"] for r in records if "reviewed_by" in r}
# Connected components of the reviewed links by a breadth-first walk (not union-find, as the engine does).
neighbours = {}
for r in records:
    if r["id"] not in reviewed:
        continue
    for other in r.get("same_as", []):
        if other in ids and other != r["id"]:
            neighbours.setdefault(r["id"], set()).add(other)
            neighbours.setdefault(other, set()).add(r["id"])
gold, seen = set(), set()
for start in sorted(neighbours):
    if start in seen:
        continue
    component, todo = [], [start]
    while todo:
        x = todo.pop()
        if x in seen:
            continue
        seen.add(x)
        component.append(x)
        todo.extend(neighbours[x] - seen)
    gold |= {frozenset(p) for p in itertools.combinations(component, 2)}
found = {frozenset((d["a"], d["b"])) for d in map(json.loads, open(sys.argv[2], encoding="utf-8")) if "a" in d}
hit = gold & found
judged = {p for p in found if p <= reviewed}
right, spurious = len(judged & gold), len(judged - gold)
unjudged = len(found - gold - judged)
p = right / (right + spurious) if right + spurious else float("nan")
r = len(hit) / len(gold) if gold else float("nan")
print(f"reviewed {len(reviewed)}, gold pairs {len(gold)}: found {len(hit)}, missed {len(gold) - len(hit)}; "
      f"judged {right + spurious}: right {right}, spurious {spurious}; not judged {unjudged}; "
      f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f}")

groups = {}
for rec in records:
    if rec.get("group"):
        groups.setdefault(rec["group"], []).append(rec["id"])
if groups:
    gg = {frozenset(p) for m in groups.values() for p in itertools.combinations(m, 2)}
    ok = len(gg & found)
    gp, gr = ok / len(found) if found else float("nan"), ok / len(gg) if gg else float("nan")
    print(f"groups {sum(len(m) > 1 for m in groups.values())}, gold pairs {len(gg)}: found {ok}, missed {len(gg) - ok}; "
          f"pairs {len(found)}: right {ok}, spurious {len(found) - ok}; P {gp:.3f} R {gr:.3f} F1 {2 * gp * gr / (gp + gr) if gp + gr else 0:.3f}")
