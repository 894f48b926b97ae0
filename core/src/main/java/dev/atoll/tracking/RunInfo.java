package dev.atoll.tracking;

/**
 * What a run is, apart from what it logged. {@code startTime} and {@code endTime} are epoch
 * milliseconds and may be null (not started or not ended).
 */
public record RunInfo(
        String runId,
        String experimentId,
        String runName,
        String userId,
        RunStatus status,
        Long startTime,
        Long endTime,
        String artifactUri,
        LifecycleStage lifecycleStage) {
}
