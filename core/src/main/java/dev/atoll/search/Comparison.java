package dev.atoll.search;

import java.util.List;

/**
 * One clause of a search filter, e.g. {@code metrics.acc > 0.9}. A filter is a list of clauses
 * joined by AND.
 *
 * <p>{@code value} is a {@link Double} for metrics and numeric attributes, a {@link String} for
 * params, tags, string attributes and datasets, and a {@code List<String>} for IN / NOT IN.
 * Attribute keys are canonical: {@code run_id}, {@code run_name}, {@code status}, {@code user_id},
 * {@code artifact_uri}, {@code start_time}, {@code end_time}, {@code lifecycle_stage} for runs;
 * {@code name}, {@code creation_time}, {@code last_update_time} for experiments. Dataset keys are
 * {@code name}, {@code digest} and {@code context}.
 */
public record Comparison(EntityType type, String key, Comparator comparator, Object value) {

    public double numberValue() {
        return ((Number) value).doubleValue();
    }

    public String stringValue() {
        return (String) value;
    }

    @SuppressWarnings("unchecked")
    public List<String> listValue() {
        return (List<String>) value;
    }
}
