package dev.atoll.diff.run;

import dev.atoll.tracking.Metric;

import java.util.List;

/**
 * Two runs side by side: each param and each metric (latest value) with what changed, and, when
 * the histories were loaded ({@link RunComparisons}), each metric's curve on both sides.
 */
public record RunComparison(String beforeRunId, String afterRunId, List<ParamChange> params, List<MetricChange> metrics,
                            List<MetricCurve> curves) {
    public RunComparison {
        params = List.copyOf(params);
        metrics = List.copyOf(metrics);
        curves = List.copyOf(curves);
    }

    public RunComparison(String beforeRunId, String afterRunId, List<ParamChange> params, List<MetricChange> metrics) {
        this(beforeRunId, afterRunId, params, metrics, List.of());
    }

    public RunComparison withCurves(List<MetricCurve> metricCurves) {
        return new RunComparison(beforeRunId, afterRunId, params, metrics, metricCurves);
    }

    /** A metric's logged history in each run, by step (empty on a side that did not log it). */
    public record MetricCurve(String key, List<Metric> before, List<Metric> after) {
        public MetricCurve {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
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
