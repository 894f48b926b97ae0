package dev.atoll.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.errors.AtollException;

import java.util.List;
import java.util.Map;

/**
 * MLflow 2's record of the models logged to a run: a JSON list in the run's
 * {@code mlflow.log-model.history} tag, one entry per model as MLflow's {@code record_logged_model}
 * keeps it ({@code Model.get_tags_dict}): {@code run_id}, {@code artifact_path},
 * {@code utc_time_created}, {@code model_uuid} and {@code flavors}, each flavor without its
 * {@code config}. MLflow's UI reads it to list a run's models.
 */
final class LoggedModelHistory {
    static final String TAG = "mlflow.log-model.history";
    /** The fields MLflow's server requires of a model's JSON ({@code handlers._log_model}). */
    private static final List<String> MANDATORY = List.of("artifact_path", "flavors", "run_id", "utc_time_created");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 200;

    private LoggedModelHistory() {
    }

    /** The entry MLflow keeps of a model given as JSON (its MLmodel file as JSON), checked as MLflow's server checks it. */
    static ObjectNode entry(String modelJson) {
        JsonNode model;
        try {
            model = JSON.readTree(modelJson);
        } catch (JsonProcessingException e) {
            throw AtollException.invalidParameter("Malformed model info: 'model_json' is not valid JSON ("
                    + e.getOriginalMessage() + "): " + shown(modelJson));
        }
        if (model == null || !model.isObject()) {
            throw AtollException.invalidParameter("Malformed model info: 'model_json' must be a JSON object (the MLmodel"
                    + " file as JSON), got " + (model == null ? "nothing" : model.getNodeType()) + ": " + shown(modelJson));
        }
        List<String> missing = MANDATORY.stream().filter(field -> !model.has(field)).toList();
        if (!missing.isEmpty()) {
            throw AtollException.invalidParameter("Model json is missing mandatory fields: " + missing
                    + ". MLflow's log_model sends them all.");
        }
        JsonNode flavors = model.get("flavors");
        if (!flavors.isObject()) {
            throw AtollException.invalidParameter("Invalid value " + shown(flavors.toString()) + " for 'flavors' in"
                    + " 'model_json': expected an object of flavor names to their configuration.");
        }
        ObjectNode entry = JSON.createObjectNode();
        // In the order MLflow writes them; like MLflow, a null run_id or artifact_path is left out.
        putUnlessNull(entry, "run_id", model.get("run_id"));
        putUnlessNull(entry, "artifact_path", model.get("artifact_path"));
        entry.set("utc_time_created", model.get("utc_time_created"));
        entry.set("model_uuid", model.has("model_uuid") ? model.get("model_uuid") : JSON.nullNode());
        ObjectNode kept = entry.putObject("flavors");
        for (Map.Entry<String, JsonNode> flavor : flavors.properties()) {
            JsonNode configuration = flavor.getValue();
            if (configuration.isObject()) {
                configuration = ((ObjectNode) configuration.deepCopy()).without("config");
            }
            kept.set(flavor.getKey(), configuration);
        }
        return entry;
    }

    /**
     * The tag's value with {@code entry} appended; {@code current} is null when the run has no
     * history yet. Refused, naming the limit, when the result would be longer than a tag may be.
     */
    static String append(String current, ObjectNode entry) {
        ArrayNode history;
        if (current == null) {
            history = JSON.createArrayNode();
        } else {
            JsonNode parsed;
            try {
                parsed = JSON.readTree(current);
            } catch (JsonProcessingException e) {
                parsed = null;
            }
            if (parsed == null || !parsed.isArray()) {
                throw AtollException.invalidParameter("The run's " + TAG + " tag is not a JSON list of logged models, so no"
                        + " model can be added to it: " + shown(current) + ". Delete the tag (runs/delete-tag) to start the"
                        + " history again.");
            }
            history = (ArrayNode) parsed;
        }
        int before = history.size();
        history.add(entry);
        String value = history.toString();
        if (value.length() > TrackingLimits.MAX_TAG_VALUE_LENGTH) {
            throw AtollException.invalidParameter("Tag value of '" + TAG + "' with this model added had length " + value.length()
                    + ", which exceeded length limit of " + TrackingLimits.MAX_TAG_VALUE_LENGTH + ": the run's history holds "
                    + before + " models already. Log further models to another run.");
        }
        return value;
    }

    private static void putUnlessNull(ObjectNode entry, String field, JsonNode value) {
        if (!value.isNull()) {
            entry.set(field, value);
        }
    }

    private static String shown(String text) {
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text;
    }
}
