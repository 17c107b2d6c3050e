#!/usr/bin/env python3
"""Anchor for Benchmarks/store-writes.sh: what plain SQLite costs per durable commit on this disk.

One writer, WAL, a transaction of two inserted rows (a change and its audit entry, as the store writes them),
N transactions; prints the median, p99 and transactions per second for synchronous=FULL and NORMAL.
Usage: python3 Benchmarks/store/sqlite-anchor.py [N]   (default 1000; a temporary file, removed at the end)
"""
import os, sqlite3, statistics, sys, tempfile, time

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
for sync in ("FULL", "NORMAL"):
    with tempfile.TemporaryDirectory() as d:
        db = sqlite3.connect(os.path.join(d, "anchor.sqlite"), isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(f"PRAGMA synchronous={sync}")
        db.execute("CREATE TABLE change(id INTEGER PRIMARY KEY, body TEXT)")
        db.execute("CREATE TABLE audit(id INTEGER PRIMARY KEY, change INTEGER, body TEXT)")
        times = []
        start = time.perf_counter()
        for i in range(n):
            t = time.perf_counter()
            db.execute("BEGIN")
            db.execute("INSERT INTO change(body) VALUES (?)", (f"postulat {i}" * 8,))
            db.execute("INSERT INTO audit(change, body) VALUES (?, ?)", (i, "{}" * 16))
            db.execute("COMMIT")
            times.append(time.perf_counter() - t)
        total = time.perf_counter() - start
        db.close()
    times.sort()
    p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
    print(f"synchronous={sync}: median {statistics.median(times) * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms, "
          f"{n / total:.0f} transactions/s")
