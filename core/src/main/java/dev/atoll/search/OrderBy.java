package dev.atoll.search;

/** One ordering term, e.g. {@code metrics.loss ASC}; keys are canonical as in {@link Comparison}. */
public record OrderBy(EntityType type, String key, boolean ascending) {
}
