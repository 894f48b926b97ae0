package dev.atoll.diff;

/** One of a categorical column's most frequent values. */
public record ValueCount(String value, long count) {
}
