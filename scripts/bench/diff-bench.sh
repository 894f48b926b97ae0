#!/usr/bin/env bash
# Benchmarks `atoll diff` against daff, a pandas outer merge and `sort | comm -3` (the floor: no
# parsing, no key) on the same generated CSVs; checks that the counts agree; prints a Markdown table.
# Usage: scripts/bench/diff-bench.sh [ROWS...]   (default: 100000 1000000)
# Needs: scripts/install-prereqs (time, python3-pandas, npm); daff is installed here into
# /var/cache/atoll/npm; atoll runs through ./atoll (the jar built when stale, with its CDS archive).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(100000 1000000); fi
WORK=${DIFF_BENCH_DIR:-/tmp/atoll-diff-bench}
mkdir -p "$WORK"

DAFF_VERSION=1.4.2
NPM_PREFIX=/var/cache/atoll/npm
DAFF=$NPM_PREFIX/node_modules/.bin/daff
if [ ! -x "$DAFF" ] || [ "$("$DAFF" version 2>/dev/null)" != "$DAFF_VERSION" ]; then
  mkdir -p "$NPM_PREFIX"
  npm install --silent --no-audit --no-fund --prefix "$NPM_PREFIX" "daff@$DAFF_VERSION" >/dev/null
fi

# The CLI as users run it, through ./atoll, which rebuilds the jar first when a source or pom is
# newer than it, and makes its class-data sharing archive on the first run after a build.
./atoll --version >/dev/null
export ATOLL_JAVA_OPTS=-Xmx4g
ATOLL=(./atoll diff)
PY=/usr/bin/python3   # Debian's python3, where python3-pandas lives

# measure NAME CMD... : runs CMD under GNU time, stores wall seconds and peak RSS (MiB) and stdout.
measure() {
  local name=$1; shift
  /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.out"
  WALL[$name]=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$WORK/$name.time")
  RSS[$name]=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$WORK/$name.time")
}

echo "| rows | tool | wall s | peak RSS MiB | added / removed / modified | vs atoll |"
echo "|---:|---|---:|---:|---|---:|"
for N in "${SIZES[@]}"; do
  OLD=$WORK/old-$N.csv NEW=$WORK/new-$N.csv
  read -r EA ER EM < <($PY scripts/bench/diff-bench-gen.py "$N" "$OLD" "$NEW")
  declare -A WALL=() RSS=() COUNTS=()

  measure atoll "${ATOLL[@]}" "$OLD" "$NEW" --key id --format json --output "$WORK/atoll-$N.json"
  COUNTS[atoll]=$($PY -c 'import json,sys; r=json.load(open(sys.argv[1]))["rows"]; print(r["added"], r["removed"], r["modified"])' "$WORK/atoll-$N.json")

  measure daff "$DAFF" --id id --output "$WORK/daff-$N.csv" "$OLD" "$NEW"
  # daff's diff format: first column is the action: +++ added, --- removed, -> modified.
  COUNTS[daff]=$(awk -F, '$1=="+++"{a++} $1=="---"{r++} $1 ~ /->/{m++} END{print a+0, r+0, m+0}' "$WORK/daff-$N.csv")

  measure pandas $PY scripts/bench/diff-pandas.py "$OLD" "$NEW" id
  COUNTS[pandas]=$(cat "$WORK/pandas.out")

  # Sorted into files (not process substitution) so that time -v sees sort's memory too.
  measure comm bash -c 'export LC_ALL=C; sort "$1" >"$3.a" && sort "$2" >"$3.b" && comm -3 "$3.a" "$3.b"; rm -f "$3.a" "$3.b"' _ "$OLD" "$NEW" "$WORK/comm"
  # comm has no key: column 1 = removed + old side of modified, column 2 = added + new side.
  COUNTS[comm]=$(awk -F'\t' '$1!=""{o++} $1==""{n++} END{print "only-old " o+0 ", only-new " n+0}' "$WORK/comm.out")

  EXPECTED="$EA $ER $EM"
  for tool in atoll daff pandas comm; do
    status=""
    if [ "$tool" = comm ]; then
      [ "${COUNTS[comm]}" = "only-old $((ER + EM)), only-new $((EA + EM))" ] || status=" ≠ expected"
    else
      [ "${COUNTS[$tool]}" = "$EXPECTED" ] || status=" ≠ expected $EXPECTED"
    fi
    ratio=$(awk -v t="${WALL[$tool]}" -v a="${WALL[atoll]}" 'BEGIN{printf "%.2f×", t/a}')
    counts=${COUNTS[$tool]}
    [ "$tool" = comm ] || counts=${counts// / / }
    echo "| $N | $tool | ${WALL[$tool]} | ${RSS[$tool]} | $counts$status | $ratio |"
  done
done
