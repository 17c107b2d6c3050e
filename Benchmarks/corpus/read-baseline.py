#!/usr/bin/env python3
"""The anchor: Python's json module reading a JSONL file line by line and counting by year (what `corpus stats`
does at its core). Usage: read-baseline.py FILE"""
import json, sys, collections
years = collections.Counter()
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.strip():
            years[json.loads(line).get("year")] += 1
print(sum(years.values()))
