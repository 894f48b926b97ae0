package dev.atoll.tracking;

/** A dataset a run used, identified by name and digest, as in MLflow's {@code Dataset}. */
public record Dataset(String name, String digest, String sourceType, String source, String schema, String profile) {
}
