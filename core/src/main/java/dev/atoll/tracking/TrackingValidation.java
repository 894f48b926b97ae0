package dev.atoll.tracking;

import dev.atoll.errors.AtollException;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.atoll.tracking.TrackingLimits.*;

/**
 * Input rules for tracking entities, with MLflow's wording so that messages match what MLflow users
 * already know. Every check names the field, the value and the rule.
 */
final class TrackingValidation {
    private static final Pattern VALID_KEY = Pattern.compile("^[/\\w.\\- ]*$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern RUN_ID = Pattern.compile("^[a-zA-Z0-9][\\w\\-]{0,255}$");
    private static final Pattern EXPERIMENT_ID = Pattern.compile("^[a-zA-Z0-9][\\w\\-]{0,63}$");
    private static final String BAD_CHARACTERS =
            "Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/).";

    private TrackingValidation() {
    }

    static <T> T required(T value, String parameter) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            throw AtollException.invalidParameter("Missing value for required parameter '" + parameter + "'.");
        }
        return value;
    }

    static String runId(String runId) {
        required(runId, "run_id");
        if (!RUN_ID.matcher(runId).matches()) {
            throw AtollException.invalidParameter("Invalid run ID: '" + runId + "'");
        }
        return runId;
    }

    static String experimentId(String experimentId) {
        required(experimentId, "experiment_id");
        if (!EXPERIMENT_ID.matcher(experimentId).matches()) {
            throw AtollException.invalidParameter("Invalid experiment ID: '" + experimentId + "'");
        }
        return experimentId;
    }

    static void experimentName(String name, String parameter) {
        required(name, parameter);
        if (name.isBlank()) {
            throw AtollException.invalidParameter("Invalid experiment name: '" + name + "'");
        }
        if (name.length() > MAX_EXPERIMENT_NAME_LENGTH) {
            throw AtollException.invalidParameter(
                    "Experiment name exceeds the maximum length of " + MAX_EXPERIMENT_NAME_LENGTH + " characters");
        }
    }

    static void metric(Metric metric) {
        key("metric", metric.key());
        timestamp(metric);
    }

    /** NaN and infinities are legal metric values in MLflow; only the key and time need checks. */
    private static void timestamp(Metric metric) {
        if (metric.timestamp() < 0) {
            throw AtollException.invalidParameter("Got invalid timestamp " + metric.timestamp() + " for metric '"
                    + metric.key() + "' (value=" + metric.value() + "). Timestamp must be a nonnegative long (64-bit integer)");
        }
    }

    /**
     * Every metric of a batch: each distinct key checked once (a batch holds a few keys at many
     * steps, and the key rule is a regular expression and a path normalisation), each timestamp.
     */
    static void metrics(List<Metric> metrics) {
        Set<String> checkedKeys = new HashSet<>();
        for (Metric metric : metrics) {
            if (checkedKeys.contains(metric.key())) {
                timestamp(metric);
            } else {
                metric(metric);
                checkedKeys.add(metric.key());
            }
        }
    }

    static void param(Param param) {
        key("parameter", param.key());
        value("parameter", param.key(), param.value());
        length("Param value", MAX_PARAM_VALUE_LENGTH, param.value());
    }

    static void tag(Tag tag) {
        key("tag", tag.key());
        value("tag", tag.key(), tag.value());
        length("Tag value", MAX_TAG_VALUE_LENGTH, tag.value());
    }

    static void experimentTag(Tag tag) {
        key("tag", tag.key());
        value("tag", tag.key(), tag.value());
        length("Tag value", MAX_EXPERIMENT_TAG_VALUE_LENGTH, tag.value());
    }

    /** Param and tag values may be empty, as in MLflow; only a missing one is refused. */
    private static void value(String kind, String key, String value) {
        if (value == null) {
            throw AtollException.invalidParameter("Missing value for " + kind + " '" + key
                    + "'. The value may be empty but must be given.");
        }
    }

    static void batchLimits(Collection<Metric> metrics, Collection<Param> params, Collection<Tag> tags) {
        batchLimit("metrics", MAX_METRICS_PER_BATCH, metrics.size());
        batchLimit("params", MAX_PARAMS_TAGS_PER_BATCH, params.size());
        batchLimit("tags", MAX_PARAMS_TAGS_PER_BATCH, tags.size());
        batchLimit("metrics, params, and tags", MAX_ENTITIES_PER_BATCH, metrics.size() + params.size() + tags.size());
    }

    static void uniqueParamKeys(List<Param> params) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new java.util.LinkedHashSet<>();
        for (Param param : params) {
            if (!seen.add(param.key())) {
                duplicates.add(param.key());
            }
        }
        if (!duplicates.isEmpty()) {
            throw AtollException.invalidParameter("Duplicate parameter keys have been submitted: " + duplicates
                    + ". Please ensure the request contains only one param value per param key.");
        }
    }

    static void datasetInput(DatasetInput input) {
        Dataset dataset = required(input.dataset(), "dataset");
        length("Dataset name", MAX_DATASET_NAME_LENGTH, required(dataset.name(), "dataset.name"));
        length("Dataset digest", MAX_DATASET_DIGEST_LENGTH, required(dataset.digest(), "dataset.digest"));
        required(dataset.sourceType(), "dataset.source_type");
        length("Dataset source", MAX_DATASET_SOURCE_LENGTH, required(dataset.source(), "dataset.source"));
        length("Dataset schema", MAX_DATASET_SCHEMA_LENGTH, dataset.schema());
        length("Dataset profile", MAX_DATASET_PROFILE_LENGTH, dataset.profile());
        for (Tag tag : input.tags()) {
            length("Input tag key", MAX_INPUT_TAG_KEY_LENGTH, required(tag.key(), "tags.key"));
            length("Input tag value", MAX_INPUT_TAG_VALUE_LENGTH, required(tag.value(), "tags.value"));
        }
    }

    static void length(String what, int limit, String value) {
        if (value != null && value.length() > limit) {
            String shown = value.length() > 250 ? value.substring(0, 250) : value;
            throw AtollException.invalidParameter(
                    what + " '" + shown + "' had length " + value.length() + ", which exceeded length limit of " + limit);
        }
    }

    /** MLflow's rule for metric, param and tag keys: allowed characters, no path tricks, at most 250 chars. */
    static void key(String kind, String key) {
        if (key == null) {
            throw AtollException.invalidParameter(capitalize(kind) + " name cannot be None. A key name must be provided.");
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw AtollException.invalidParameter("Invalid " + kind + " name: '" + key + "'. " + BAD_CHARACTERS);
        }
        String normalized = normalizePath(key);
        if (!normalized.equals(key) || normalized.equals(".") || normalized.startsWith("..") || normalized.startsWith("/")) {
            throw AtollException.invalidParameter("Invalid " + kind + " name: '" + key + "'. Names may be treated as files"
                    + " in certain cases, and must not resolve to other names when treated as such. This name would resolve to '"
                    + normalized + "'");
        }
        length(capitalize(kind) + " key", MAX_ENTITY_KEY_LENGTH, key);
    }

    private static void batchLimit(String entity, int limit, int size) {
        if (size > limit) {
            throw AtollException.invalidParameter("A batch logging request can contain at most " + limit + " " + entity
                    + ". Got " + size + " " + entity + ". Please split up " + entity + " across multiple requests and try again.");
        }
    }

    /** Python's {@code posixpath.normpath}, which MLflow uses to decide whether a key is path-safe. */
    static String normalizePath(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean absolute = path.startsWith("/");
        // POSIX keeps exactly two leading slashes, Python mirrors that.
        String prefix = absolute ? (path.startsWith("//") && !path.startsWith("///") ? "//" : "/") : "";
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else if (!(part.equals("..") && absolute)) {
                parts.addLast(part);
            }
        }
        String joined = prefix + String.join("/", parts);
        return joined.isEmpty() ? "." : joined;
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
