package dev.atoll.registry;

import dev.atoll.errors.AtollException;
import dev.atoll.tracking.Param;
import dev.atoll.tracking.Tag;

import java.util.List;

/**
 * An MLflow 3 logged model: a model with an identity of its own ({@code m-<32 hex>}) inside an
 * experiment, whose files live at {@code artifactUri}. MLflow 3 clients create one, upload its
 * files, finalize it, and then register a version with source {@code models:/<model_id>}.
 */
public record LoggedModel(
        String modelId,
        String experimentId,
        String name,
        long creationTime,
        long lastUpdatedTime,
        String artifactUri,
        Status status,
        String statusMessage,
        String creatorId,
        String modelType,
        String sourceRunId,
        boolean deleted,
        List<Tag> tags,
        List<Param> params) {

    /** MLflow's {@code LoggedModelStatus}, with its proto names. */
    public enum Status {
        LOGGED_MODEL_PENDING, LOGGED_MODEL_READY, LOGGED_MODEL_UPLOAD_FAILED;

        public static Status parse(String status) {
            for (Status candidate : values()) {
                if (candidate.name().equals(status)) {
                    return candidate;
                }
            }
            throw AtollException.invalidParameter("Invalid value '" + status + "' for parameter 'status': "
                    + "expected LOGGED_MODEL_PENDING, LOGGED_MODEL_READY or LOGGED_MODEL_UPLOAD_FAILED.");
        }
    }

    public LoggedModel with(List<Tag> newTags, List<Param> newParams) {
        return new LoggedModel(modelId, experimentId, name, creationTime, lastUpdatedTime, artifactUri, status, statusMessage,
                creatorId, modelType, sourceRunId, deleted, List.copyOf(newTags), List.copyOf(newParams));
    }
}
