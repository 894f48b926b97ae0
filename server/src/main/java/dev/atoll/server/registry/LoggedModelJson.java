package dev.atoll.server.registry;

import dev.atoll.server.KeyValueJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.registry.LoggedModel;
import dev.atoll.tracking.Param;
import dev.atoll.tracking.Tag;

import static dev.atoll.server.registry.RegistryJson.JSON;

/** MLflow 3's {@code LoggedModel} message as JSON: {@code {info: {...}, data: {params, metrics}}}. */
final class LoggedModelJson {
    private LoggedModelJson() {
    }

    static ObjectNode model(LoggedModel m) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode info = node.putObject("info");
        info.put("model_id", m.modelId());
        info.put("experiment_id", m.experimentId());
        info.put("name", m.name());
        info.put("creation_timestamp_ms", m.creationTime());
        info.put("last_updated_timestamp_ms", m.lastUpdatedTime());
        info.put("artifact_uri", m.artifactUri());
        info.put("status", m.status().name());
        if (m.creatorId() != null) {
            info.put("creator_id", m.creatorId());
        }
        if (m.modelType() != null) {
            info.put("model_type", m.modelType());
        }
        if (m.sourceRunId() != null) {
            info.put("source_run_id", m.sourceRunId());
        }
        if (m.statusMessage() != null) {
            info.put("status_message", m.statusMessage());
        }
        KeyValueJson.put(info, "tags", m.tags(), Tag::key, Tag::value);
        ObjectNode data = node.putObject("data");
        KeyValueJson.put(data, "params", m.params(), Param::key, Param::value);
        return node;
    }
}
