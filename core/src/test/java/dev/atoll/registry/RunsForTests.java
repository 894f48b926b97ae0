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
        return add(experimentId, runId, LifecycleStage.ACTIVE, tags);
    }

    /** A run in the trash (soft-deleted), as MLflow keeps them. */
    public RunsForTests addDeleted(String experimentId, String runId) {
        return add(experimentId, runId, LifecycleStage.DELETED);
    }

    private RunsForTests add(String experimentId, String runId, LifecycleStage stage, Tag... tags) {
        RunInfo info = new RunInfo(runId, experimentId, "run-" + runId, "alice", RunStatus.FINISHED, 1L, 2L,
                "mlflow-artifacts:/" + experimentId + "/" + runId + "/artifacts", stage);
        runs.put(runId, new Run(info, new RunData(List.of(), List.of(), List.of(tags)), List.of()));
        return this;
    }

    @Override
    public Optional<Run> run(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }
}
