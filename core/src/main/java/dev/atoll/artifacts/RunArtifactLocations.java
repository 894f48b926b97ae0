package dev.atoll.artifacts;

/**
 * Where a run keeps its artifacts: its {@code artifact_uri}. The tracking feature answers it (the
 * server wires {@code runId -> trackingService.getRun(runId).info().artifactUri()}); artifacts stay
 * independent of tracking. Throws RESOURCE_DOES_NOT_EXIST for an unknown run.
 */
@FunctionalInterface
public interface RunArtifactLocations {
    String artifactUri(String runId);
}
