package dev.atoll.search;

/** What a search key names: {@code metrics.}, {@code params.}, {@code tags.}, {@code attributes.} or {@code datasets.}. */
public enum EntityType {
    METRIC, PARAM, TAG, ATTRIBUTE, DATASET
}
