#!/usr/bin/env bash
# Benchmark: adding a large file to the local Git LFS store (hash + copy into .git/lfs/objects).
# Compares, on the SAME file in the SAME run (page cache warm for all):
#   openssl dgst -sha256   — the hardware limit of SHA-256 here (hash only, no copy)
#   git lfs clean          — Debian's git-lfs doing what 'git add' does for an LFS file
#   cp FILE NEW            — copying the file into fresh space through the page cache, nothing else
#   atoll (LfsObjectStore) — Atoll's add: hash and copy into the store side by side, the copy
#                            written with O_DIRECT (past the page cache)
# The last lines also compare Atoll with the slower of openssl (hash) and cp (copy through the page
# cache): above 1 means the direct write beat the page cache.
# Before each timed step the page cache's dirty pages are flushed (sync), so no tool pays for the
# previous tool's writes. Both git-lfs and Atoll write a full copy of the file into .git/lfs; the
# disk's write speed bounds them both once the copy is larger than what the disk takes at hash speed.
# The ext4 root here is mounted with 'discard': freeing a copy costs the disk time, so every copy is
# kept until the end (SIZE_GIB x ROUNDS x 3 of free space needed) and each step starts after sync + 5 s.
# Usage: scripts/bench/lfs-hash-bench.sh [SIZE_GIB=2] [ROUNDS=5]
# Prints one line per tool and round, then the median MB/s and the ratios. Results: docs/benchmarks.md
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE_GIB="${1:-2}"
ROUNDS="${2:-5}"
WORK="$(mktemp -d /var/tmp/atoll-lfs-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

mvn -B -q -o -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="core/target/test-classes:core/target/classes:$(cat "$WORK/cp.txt")"

FILE="$WORK/data.bin"
echo "# creating ${SIZE_GIB} GiB of random data in $FILE"
{ openssl enc -aes-128-ctr -pass pass:atoll -nosalt -pbkdf2 </dev/zero 2>/dev/null || true; } | head -c "$((SIZE_GIB * 1024 * 1024 * 1024))" >"$FILE"
BYTES=$(stat -c %s "$FILE")
cat "$FILE" >/dev/null   # warm the page cache so every tool reads from memory
sync


now() { date +%s.%N; }
LOAD="$(cut -d" " -f1-3 /proc/loadavg)"
mbps() { awk -v b="$BYTES" -v s="$1" 'BEGIN { printf "%.0f", b / s / 1e6 }'; }
declare -a OPENSSL GITLFS ATOLL CP RATIO_O RATIO_G RATIO_B
settle() { sync; sleep 5; }
run_gitlfs() {
  local repo="$WORK/repo-$1"
  git init -q "$repo"; ( cd "$repo" && git lfs install --local >/dev/null ); settle
  t0=$(now); ( cd "$repo" && /usr/bin/time -f "%M" -o "$WORK/gitlfs.rss" git lfs clean -- data.bin <"$FILE" >/dev/null 2>&1 ); t1=$(now)
  s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'); GITLFS+=("$(mbps "$s")")
  echo "round $1 git-lfs-clean ${s}s $(mbps "$s") MB/s peak-rss $(cat "$WORK/gitlfs.rss") kB"
}
run_atoll() {
  mkdir -p "$WORK/atoll-$1"; settle
  line=$(java -Xmx256m -cp "$CP" dev.atoll.project.lfs.bench.LfsHashBench "$FILE" "$WORK/atoll-$1/lfs")
  ATOLL+=("$(echo "$line" | awk '{print $4}')")
  echo "round $1 $line  (bytes seconds MB/s oid peak-rss-kB)"
}
for round in $(seq 1 "$ROUNDS"); do
  settle; t0=$(now); openssl dgst -sha256 "$FILE" >/dev/null; t1=$(now)
  s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'); OPENSSL+=("$(mbps "$s")")
  echo "round $round openssl-dgst-sha256 ${s}s $(mbps "$s") MB/s"
  mkdir -p "$WORK/cp-$round"; settle
  t0=$(now); cp "$FILE" "$WORK/cp-$round/data.bin"; t1=$(now)
  s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'); CP+=("$(mbps "$s")")
  echo "round $round cp ${s}s $(mbps "$s") MB/s"
  # Alternate who writes first; each tool writes into fresh space and nothing is deleted until the
  # end, so no tool waits for the disk to discard another's blocks.
  if [ $((round % 2)) -eq 1 ]; then run_gitlfs "$round"; run_atoll "$round"; else run_atoll "$round"; run_gitlfs "$round"; fi
  RATIO_O+=("$(awk -v a="${ATOLL[-1]}" -v o="${OPENSSL[-1]}" 'BEGIN { printf "%.2f", a / o }')")
  RATIO_G+=("$(awk -v a="${ATOLL[-1]}" -v g="${GITLFS[-1]}" 'BEGIN { printf "%.2f", a / g }')")
  RATIO_B+=("$(awk -v a="${ATOLL[-1]}" -v o="${OPENSSL[-1]}" -v c="${CP[-1]}" 'BEGIN { b = (o < c ? o : c); printf "%.2f", a / b }')")
done

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
o=$(median "${OPENSSL[@]}"); g=$(median "${GITLFS[@]}"); a=$(median "${ATOLL[@]}")
c=$(median "${CP[@]}")
echo "median MB/s: openssl $o, cp $c, git-lfs clean $g, atoll $a"
awk -v a="$a" -v o="$o" -v g="$g" 'BEGIN { printf "ratio of medians: atoll / openssl = %.2f   atoll / git-lfs clean = %.2f\n", a / o, a / g }'
echo "per-round atoll/openssl: ${RATIO_O[*]} (median $(median "${RATIO_O[@]}"))"
echo "per-round atoll/git-lfs clean: ${RATIO_G[*]} (median $(median "${RATIO_G[@]}"))"
echo "per-round atoll/min(openssl, cp): ${RATIO_B[*]} (median $(median "${RATIO_B[@]}"))"
echo "load average before: $LOAD"
echo "file: $BYTES bytes; machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1)"
