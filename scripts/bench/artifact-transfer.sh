#!/usr/bin/env bash
# Artifact proxy throughput (server capped at -Xmx256m) against the disk, measured in the same run.
# Usage: scripts/bench/artifact-transfer.sh [megabytes, default 2048]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl server -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
exec java -cp "server/target/test-classes:server/target/classes:core/target/test-classes:core/target/classes:$(cat server/target/bench.cp)" \
    dev.atoll.server.artifacts.bench.ArtifactTransferBench "${1:-2048}"
