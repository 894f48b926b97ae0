package dev.atoll.tracking;

import java.util.List;

/** An experiment: a named group of runs with an artifact root. Times are epoch milliseconds. */
public record Experiment(
        String experimentId,
        String name,
        String artifactLocation,
        LifecycleStage lifecycleStage,
        long creationTime,
        long lastUpdateTime,
        List<Tag> tags) {

    /** The experiment every store has from the start, as in MLflow. */
    public static final String DEFAULT_ID = "0";
    public static final String DEFAULT_NAME = "Default";

    public Experiment {
        tags = List.copyOf(tags);
    }
}
