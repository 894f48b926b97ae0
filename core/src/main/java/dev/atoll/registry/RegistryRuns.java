package dev.atoll.registry;

import dev.atoll.tracking.Run;

import java.util.Optional;

/**
 * The runs that model versions come from. The server wires it to the tracking service; the registry
 * reads a run's artifact URI (to resolve {@code runs:/} sources) and its tags (lineage).
 */
@FunctionalInterface
public interface RegistryRuns {
    Optional<Run> run(String runId);
}
