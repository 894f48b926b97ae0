package dev.atoll.diff.run;

import java.util.List;

/** Two runs side by side: each param and each metric (latest value) with what changed. */
public record RunComparison(String beforeRunId, String afterRunId, List<ParamChange> params, List<MetricChange> metrics) {
    public RunComparison {
        params = List.copyOf(params);
        metrics = List.copyOf(metrics);
    }

    public enum Change { ADDED, REMOVED, CHANGED, UNCHANGED }

    public enum Verdict { BETTER, WORSE, SAME, NO_GOAL, ONLY_BEFORE, ONLY_AFTER }

    /** A param on either side; a null value means the run did not log it. */
    public record ParamChange(String key, String before, String after, Change change) {
    }

    /**
     * A metric on either side. {@code delta = after - before}; {@code relative} is delta / |before|
     * (null when before is 0 or either side is missing); {@code goal} is null when neither given nor
     * implied by the name, and then the verdict is {@code NO_GOAL}.
     */
    public record MetricChange(String key, Double before, Double after, Double delta, Double relative, MetricGoal goal,
                               Verdict verdict) {
    }

    public long count(Verdict verdict) {
        return metrics.stream().filter(m -> m.verdict() == verdict).count();
    }
}
