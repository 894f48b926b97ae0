package dev.atoll.registry;

import dev.atoll.tracking.Tag;

import java.util.List;

/** A registered model, as MLflow's {@code RegisteredModel} message has it. */
public record RegisteredModel(
        String name,
        long creationTime,
        long lastUpdatedTime,
        String userId,
        String description,
        List<Tag> tags,
        List<ModelAlias> aliases,
        List<ModelVersion> latestVersions) {

    public RegisteredModel withLatestVersions(List<ModelVersion> latest) {
        return new RegisteredModel(name, creationTime, lastUpdatedTime, userId, description, tags, aliases, List.copyOf(latest));
    }
}
