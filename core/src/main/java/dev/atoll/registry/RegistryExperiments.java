package dev.atoll.registry;

/**
 * The artifact location of an experiment (the tracking service knows it); logged models put their
 * files below it, at {@code <location>/models/<model_id>/artifacts} as MLflow does. Throws
 * RESOURCE_DOES_NOT_EXIST for an unknown experiment.
 */
@FunctionalInterface
public interface RegistryExperiments {
    String artifactLocation(String experimentId);
}
