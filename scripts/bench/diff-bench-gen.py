#!/usr/bin/env python3
"""Writes OLD and NEW CSVs for scripts/bench/diff-bench.sh: id + 8 mixed columns; NEW has 1% of rows
modified (score changed), 0.5% deleted and 0.5% inserted (new ids, appended). Prints the expected
counts as 'added removed modified'. Deterministic (seeded)."""
import random
import sys

rows, old_path, new_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rnd = random.Random(42)
cities = ["Oslo", "Lima", "Pune", "Kyiv", "Quito", "Accra", "Perth", "Dakar"]
cats = ["a", "b", "c", "d"]
header = "id,name,city,category,score,amount,count,flag,day\n"


def row(i, score=None):
    r = random.Random(i)
    s = score if score is not None else round(r.uniform(0, 100), 3)
    return "%d,user%d,%s,%s,%s,%.2f,%d,%s,2024-%02d-%02d\n" % (
        i, i, cities[r.randrange(8)], cats[r.randrange(4)], s, r.uniform(-1000, 1000), r.randrange(1000),
        "true" if r.random() < 0.5 else "false", r.randrange(1, 13), r.randrange(1, 29))


picked = rnd.sample(range(1, rows + 1), rows * 15 // 1000)
modified = set(picked[: rows // 100])
deleted = set(picked[rows // 100:])
inserted = rows * 5 // 1000
with open(old_path, "w") as old, open(new_path, "w") as new:
    old.write(header)
    new.write(header)
    for i in range(1, rows + 1):
        line = row(i)
        old.write(line)
        if i in deleted:
            continue
        new.write(row(i, 1000 + i % 7) if i in modified else line)
    for i in range(rows + 1, rows + 1 + inserted):
        new.write(row(i))
print(inserted, len(deleted), len(modified))
