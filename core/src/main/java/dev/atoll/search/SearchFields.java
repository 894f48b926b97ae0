package dev.atoll.search;

import static dev.atoll.search.Comparator.EQ;
import static dev.atoll.search.Comparator.GE;
import static dev.atoll.search.Comparator.GT;
import static dev.atoll.search.Comparator.ILIKE;
import static dev.atoll.search.Comparator.IN;
import static dev.atoll.search.Comparator.LE;
import static dev.atoll.search.Comparator.LIKE;
import static dev.atoll.search.Comparator.LT;
import static dev.atoll.search.Comparator.NE;
import static dev.atoll.search.Comparator.NOT_IN;

import dev.atoll.errors.AtollException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What can be searched and ordered on one kind of object (runs or experiments): which entity
 * prefixes exist, which attribute keys (and aliases) are valid, which are numeric, and which
 * comparators each field allows. The tables follow MLflow's {@code SearchUtils} and
 * {@code SearchExperimentsUtils}.
 */
final class SearchFields {

    enum ValueKind { NUMBER, STRING }

    /** A resolved field: its canonical key, the type of value it compares with, its comparators. */
    record Field(EntityType type, String key, ValueKind valueKind, Set<Comparator> comparators) {
        String label() {
            return SearchFields.label(type);
        }
    }

    static final Set<Comparator> NUMERIC = EnumSet.of(EQ, NE, LT, LE, GT, GE);
    static final Set<Comparator> STRING = EnumSet.of(EQ, NE, LIKE, ILIKE);
    static final Set<Comparator> STRING_OR_LIST = EnumSet.of(EQ, NE, LIKE, ILIKE, IN, NOT_IN);

    static final SearchFields RUNS = new SearchFields(
            "runs",
            prefixes(EntityType.METRIC, "metric", "metrics",
                    EntityType.PARAM, "parameter", "parameters", "param", "params",
                    EntityType.TAG, "tag", "tags",
                    EntityType.ATTRIBUTE, "attribute", "attributes", "attr", "run",
                    EntityType.DATASET, "dataset", "datasets"),
            List.of("metric", "parameter", "tag", "attribute", "dataset"),
            runAttributes(),
            orderableRunAttributes(),
            Set.of(EntityType.METRIC, EntityType.PARAM, EntityType.TAG, EntityType.ATTRIBUTE));

    static final SearchFields EXPERIMENTS = new SearchFields(
            "experiments",
            prefixes(EntityType.ATTRIBUTE, "attribute", "attributes", EntityType.TAG, "tag", "tags"),
            List.of("attribute", "attributes", "tag", "tags"),
            experimentAttributes(),
            orderableExperimentAttributes(),
            Set.of(EntityType.ATTRIBUTE));

    private static final List<String> DATASET_KEYS = List.of("name", "digest", "context");

    private final String subject;
    private final Map<String, EntityType> prefixes;
    private final List<String> prefixNames;
    private final Map<String, Field> attributes;
    private final Map<String, Field> orderableAttributes;
    private final Set<EntityType> orderableTypes;

    private SearchFields(String subject, Map<String, EntityType> prefixes, List<String> prefixNames,
            Map<String, Field> attributes, Map<String, Field> orderableAttributes, Set<EntityType> orderableTypes) {
        this.subject = subject;
        this.prefixes = prefixes;
        this.prefixNames = prefixNames;
        this.attributes = attributes;
        this.orderableAttributes = orderableAttributes;
        this.orderableTypes = orderableTypes;
    }

    /** The field a filter clause names; {@code prefix} is null for a bare key such as {@code status}. */
    Field filterField(String prefix, String key) {
        EntityType type = entityType(prefix);
        return switch (type) {
            case METRIC -> new Field(type, requireKey(prefix, key), ValueKind.NUMBER, NUMERIC);
            case PARAM, TAG -> new Field(type, requireKey(prefix, key), ValueKind.STRING, STRING);
            case DATASET -> datasetField(key);
            case ATTRIBUTE -> attribute(attributes, key);
        };
    }

    /** The field an order_by term names; datasets, and for experiments tags, cannot be ordered by. */
    Field orderField(String prefix, String key) {
        EntityType type = entityType(prefix);
        if (!orderableTypes.contains(type)) {
            throw AtollException.invalidParameter("Invalid order_by entity: '" + prefix + "'. Order " + subject
                    + " by one of " + orderableTypeNames());
        }
        if (type == EntityType.ATTRIBUTE) {
            return attribute(orderableAttributes, key);
        }
        return filterField(prefix, key);
    }

    private EntityType entityType(String prefix) {
        if (prefix == null) {
            return EntityType.ATTRIBUTE;
        }
        EntityType type = prefixes.get(prefix);
        if (type == null) {
            throw AtollException.invalidParameter("Invalid entity type '" + prefix + "'. Valid values are "
                    + prefixNames + (subject.equals("runs") ? " (or their aliases " + aliases() + ")" : ""));
        }
        return type;
    }

    private String requireKey(String prefix, String key) {
        if (key.isEmpty()) {
            throw AtollException.invalidParameter("Invalid identifier '" + prefix + ".': the key after '" + prefix
                    + ".' is empty");
        }
        return key;
    }

    private Field attribute(Map<String, Field> table, String key) {
        Field field = table.get(key);
        if (field == null) {
            String hint = subject.equals("runs") && key.indexOf('.') < 0 && !key.isEmpty()
                    ? ". To search a metric, param or tag write metrics." + key + ", params." + key + " or tags." + key
                    : "";
            throw AtollException.invalidParameter("Invalid attribute key '" + key + "' specified. Valid keys are '"
                    + table.keySet() + "'" + hint);
        }
        return field;
    }

    private static Field datasetField(String key) {
        if (!DATASET_KEYS.contains(key)) {
            throw AtollException.invalidParameter("Invalid dataset key '" + key + "' specified. Valid keys are '"
                    + DATASET_KEYS + "'");
        }
        return new Field(EntityType.DATASET, key, ValueKind.STRING, STRING_OR_LIST);
    }

    private String aliases() {
        return prefixes.keySet().stream().filter(p -> !prefixNames.contains(p)).toList().toString();
    }

    private String orderableTypeNames() {
        return orderableTypes.stream().map(SearchFields::label).sorted().toList().toString();
    }

    static String label(EntityType type) {
        return switch (type) {
            case METRIC -> "metric";
            case PARAM -> "param";
            case TAG -> "tag";
            case ATTRIBUTE -> "attribute";
            case DATASET -> "dataset";
        };
    }

    private static Map<String, EntityType> prefixes(Object... typeThenNames) {
        Map<String, EntityType> map = new LinkedHashMap<>();
        EntityType current = null;
        for (Object item : typeThenNames) {
            if (item instanceof EntityType type) {
                current = type;
            } else {
                map.put((String) item, current);
            }
        }
        return map;
    }

    private static Map<String, Field> runAttributes() {
        Map<String, Field> map = new LinkedHashMap<>();
        // run_id alone compares with a list: MLflow allows IN / NOT IN on no other run attribute.
        map.put("run_id", new Field(EntityType.ATTRIBUTE, "run_id", ValueKind.STRING, STRING_OR_LIST));
        for (String key : List.of("run_name", "status", "user_id", "artifact_uri")) {
            map.put(key, stringAttribute(key));
        }
        map.put("start_time", numericAttribute("start_time"));
        map.put("end_time", numericAttribute("end_time"));
        map.put("created", numericAttribute("start_time"));
        map.put("Created", numericAttribute("start_time"));
        for (String alias : List.of("run name", "Run name", "Run Name")) {
            map.put(alias, stringAttribute("run_name"));
        }
        return map;
    }

    private static Map<String, Field> orderableRunAttributes() {
        Map<String, Field> map = new LinkedHashMap<>(runAttributes());
        // MLflow orders by "created" but not by the "run name" aliases.
        map.keySet().removeIf(key -> key.contains(" "));
        return map;
    }

    private static Map<String, Field> experimentAttributes() {
        Map<String, Field> map = new LinkedHashMap<>();
        map.put("name", stringAttribute("name"));
        map.put("creation_time", numericAttribute("creation_time"));
        map.put("last_update_time", numericAttribute("last_update_time"));
        return map;
    }

    private static Map<String, Field> orderableExperimentAttributes() {
        Map<String, Field> map = new LinkedHashMap<>();
        map.put("name", stringAttribute("name"));
        map.put("experiment_id", stringAttribute("experiment_id"));
        map.put("creation_time", numericAttribute("creation_time"));
        map.put("last_update_time", numericAttribute("last_update_time"));
        return map;
    }

    private static Field stringAttribute(String key) {
        return new Field(EntityType.ATTRIBUTE, key, ValueKind.STRING, STRING);
    }

    private static Field numericAttribute(String key) {
        return new Field(EntityType.ATTRIBUTE, key, ValueKind.NUMBER, NUMERIC);
    }
}
