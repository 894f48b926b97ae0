package dev.atoll.registry;

import dev.atoll.tracking.LifecycleStage;
import dev.atoll.tracking.Run;
import dev.atoll.tracking.RunData;
import dev.atoll.tracking.RunInfo;
import dev.atoll.tracking.RunStatus;
import dev.atoll.tracking.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs as the tracking service would return them, for the registry's tests. */
public final class RunsForTests implements RegistryRuns {
    private final Map<String, Run> runs = new HashMap<>();

    public RunsForTests add(String experimentId, String runId, Tag... tags) {
        RunInfo info = new RunInfo(runId, experimentId, "run-" + runId, "alice", RunStatus.FINISHED, 1L, 2L,
                "mlflow-artifacts:/" + experimentId + "/" + runId + "/artifacts", LifecycleStage.ACTIVE);
        runs.put(runId, new Run(info, new RunData(List.of(), List.of(), List.of(tags)), List.of()));
        return this;
    }

    @Override
    public Optional<Run> run(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }
}
