#!/usr/bin/env python3
"""The pandas peer for scripts/bench/diff-bench.sh: an outer merge on the key with an indicator;
prints 'added removed modified'."""
import sys

import pandas as pd

old = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
new = pd.read_csv(sys.argv[2], dtype=str, keep_default_na=False)
key = sys.argv[3]
merged = old.merge(new, on=key, how="outer", suffixes=("_old", "_new"), indicator=True)
added = int((merged["_merge"] == "right_only").sum())
removed = int((merged["_merge"] == "left_only").sum())
both = merged[merged["_merge"] == "both"]
changed = None
for col in old.columns:
    if col == key or col not in new.columns:
        continue
    diff = both[col + "_old"] != both[col + "_new"]
    changed = diff if changed is None else (changed | diff)
modified = int(changed.sum()) if changed is not None else 0
print(added, removed, modified)
