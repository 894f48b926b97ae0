package dev.atoll.tracking;

/** A logged model that a run produced, at a step of that run (MLflow 3's {@code ModelOutput}). */
public record LoggedModelOutput(String modelId, long step) {
}
