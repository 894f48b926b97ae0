package dev.atoll.tracking;

import java.io.IOException;

/**
 * Receives the points of a metric history one by one, so a million-point history can go from the
 * database to an HTTP response without being held in memory; the sink may fail writing.
 */
@FunctionalInterface
public interface MetricSink {
    void accept(Metric point) throws IOException;
}
