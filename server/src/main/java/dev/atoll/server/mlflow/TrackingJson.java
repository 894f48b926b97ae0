package dev.atoll.server.mlflow;

import dev.atoll.server.KeyValueJson;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.tracking.Dataset;
import dev.atoll.tracking.DatasetInput;
import dev.atoll.tracking.Experiment;
import dev.atoll.tracking.LoggedModelOutput;
import dev.atoll.tracking.Metric;
import dev.atoll.tracking.Param;
import dev.atoll.tracking.Run;
import dev.atoll.tracking.RunInfo;
import dev.atoll.tracking.Tag;

import java.io.IOException;
import java.util.List;

/**
 * Tracking entities as MLflow's server writes them: proto field names, int64 as JSON numbers, NaN
 * and infinities as protobuf's strings, and unset or empty fields left out as proto3 JSON does.
 */
final class TrackingJson {
    /**
     * Jackson's Schubfach writer: on Java 17, Double.toString dominates the cost of a million-point
     * history. (Requests are read by {@link dev.atoll.server.RequestFields}.)
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private TrackingJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode experiment(Experiment experiment) {
        ObjectNode json = object();
        json.put("experiment_id", experiment.experimentId());
        json.put("name", experiment.name());
        json.put("artifact_location", experiment.artifactLocation());
        json.put("lifecycle_stage", experiment.lifecycleStage().wireName());
        json.put("last_update_time", experiment.lastUpdateTime());
        json.put("creation_time", experiment.creationTime());
        tags(json, "tags", experiment.tags());
        return json;
    }

    static ObjectNode run(Run run) {
        ObjectNode json = object();
        json.set("info", runInfo(run.info()));
        ObjectNode data = json.putObject("data");
        if (!run.data().metrics().isEmpty()) {
            ArrayNode metrics = data.putArray("metrics");
            run.data().metrics().forEach(metric -> metrics.add(metric(metric)));
        }
        KeyValueJson.put(data, "params", run.data().params(), Param::key, Param::value);
        tags(data, "tags", run.data().tags());
        ObjectNode inputs = json.putObject("inputs");
        if (!run.inputs().isEmpty()) {
            ArrayNode datasetInputs = inputs.putArray("dataset_inputs");
            for (DatasetInput input : run.inputs()) {
                ObjectNode item = datasetInputs.addObject();
                tags(item, "tags", input.tags());
                Dataset dataset = input.dataset();
                ObjectNode datasetJson = item.putObject("dataset");
                datasetJson.put("name", dataset.name());
                datasetJson.put("digest", dataset.digest());
                datasetJson.put("source_type", dataset.sourceType());
                datasetJson.put("source", dataset.source());
                putIfSet(datasetJson, "schema", dataset.schema());
                putIfSet(datasetJson, "profile", dataset.profile());
            }
        }
        ObjectNode outputs = json.putObject("outputs");
        if (!run.outputs().isEmpty()) {
            ArrayNode modelOutputs = outputs.putArray("model_outputs");
            for (LoggedModelOutput output : run.outputs()) {
                modelOutputs.addObject().put("model_id", output.modelId()).put("step", output.step());
            }
        }
        return json;
    }

    static ObjectNode runInfo(RunInfo info) {
        ObjectNode json = object();
        json.put("run_id", info.runId());
        json.put("run_uuid", info.runId());
        putIfSet(json, "run_name", info.runName());
        json.put("experiment_id", info.experimentId());
        json.put("user_id", info.userId());
        json.put("status", info.status().name());
        if (info.startTime() != null) {
            json.put("start_time", info.startTime());
        }
        if (info.endTime() != null) {
            json.put("end_time", info.endTime());
        }
        json.put("artifact_uri", info.artifactUri());
        json.put("lifecycle_stage", info.lifecycleStage().wireName());
        return json;
    }

    static ObjectNode metric(Metric metric) {
        ObjectNode json = object();
        json.put("key", metric.key());
        double value = metric.value();
        if (Double.isFinite(value)) {
            json.put("value", value);
        } else {
            json.put("value", nonFinite(value));
        }
        json.put("timestamp", metric.timestamp());
        json.put("step", metric.step());
        return json;
    }

    /** Streams a metric without building a tree: get-history answers a million of them. */
    static void writeMetric(JsonGenerator out, Metric metric) throws IOException {
        out.writeStartObject();
        out.writeStringField("key", metric.key());
        double value = metric.value();
        if (Double.isFinite(value)) {
            out.writeNumberField("value", value);
        } else {
            out.writeStringField("value", nonFinite(value));
        }
        out.writeNumberField("timestamp", metric.timestamp());
        out.writeNumberField("step", metric.step());
        out.writeEndObject();
    }

    private static String nonFinite(double value) {
        return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
    }

    private static void tags(ObjectNode parent, String field, List<Tag> tags) {
        KeyValueJson.put(parent, field, tags, Tag::key, Tag::value);
    }

    private static void putIfSet(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
