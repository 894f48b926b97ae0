package dev.atoll.tracking;

/** One point of a metric series: value at a wall-clock timestamp (ms) and a step. */
public record Metric(String key, double value, long timestamp, long step) {
}
