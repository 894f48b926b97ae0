package dev.atoll.tracking;

import java.util.List;

/** Everything a store needs to create a run; the service has validated it and chosen the id. */
public record NewRun(
        String runId,
        String experimentId,
        String runName,
        String userId,
        long startTime,
        String artifactUri,
        List<Tag> tags) {
    public NewRun {
        tags = List.copyOf(tags);
    }
}
