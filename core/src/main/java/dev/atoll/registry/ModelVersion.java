package dev.atoll.registry;

import dev.atoll.tracking.Tag;

import java.util.List;

/**
 * One version of a registered model, as MLflow's {@code ModelVersion} message has it. {@code source}
 * is what the client registered (e.g. {@code runs:/<run>/model}); {@code storageLocation} is where
 * the files are ({@code mlflow-artifacts:/...}), resolved once at creation.
 */
public record ModelVersion(
        String name,
        long version,
        long creationTime,
        long lastUpdatedTime,
        String userId,
        ModelStage stage,
        String description,
        String source,
        String storageLocation,
        String runId,
        String runLink,
        String status,
        String statusMessage,
        String modelId,
        List<Tag> tags,
        List<String> aliases) {

    public static final String READY = "READY";

    public ModelVersion withTagsAndAliases(List<Tag> newTags, List<String> newAliases) {
        return new ModelVersion(name, version, creationTime, lastUpdatedTime, userId, stage, description, source,
                storageLocation, runId, runLink, status, statusMessage, modelId, List.copyOf(newTags), List.copyOf(newAliases));
    }

    /** What a client should download: the resolved location if there is one, else the source. */
    public String downloadUri() {
        return storageLocation != null && !storageLocation.isEmpty() ? storageLocation : source;
    }
}
