#!/usr/bin/env bash
# The tracking benchmark of docs/benchmarks.md: log-batch ingestion over HTTP beside the raw JDBC
# ceiling, search-runs over 100,000 runs, and a 1,000,000-point metric history, on SQLite and on a
# real PostgreSQL server (Debian's, started by the benchmark). Prints a Markdown table.
#   scripts/bench/tracking-bench.sh                 # both databases, full size
#   RUNS=10000 HISTORY=100000 DB=sqlite scripts/bench/tracking-bench.sh   # a quick look
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/install-prereqs
# Build in the reactor (nothing installed into ~/.m2) and take the server's test classpath from it.
mvn -B -q -ntp -DskipTests -pl server -am package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx4g -cp "server/target/test-classes:server/target/classes:$(cat server/target/bench.classpath)" \
  -Druns="${RUNS:-100000}" -Dhistory="${HISTORY:-1000000}" -Dbatches="${BATCHES:-200}" -Ddb="${DB:-sqlite,postgresql}" \
  dev.atoll.bench.TrackingBenchmark
