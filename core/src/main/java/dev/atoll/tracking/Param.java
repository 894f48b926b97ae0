package dev.atoll.tracking;

/** A run parameter: written once; logging the same key again must repeat the same value. */
public record Param(String key, String value) {
}
