package dev.atoll.diff.run;

import dev.atoll.diff.run.RunComparison.MetricChange;
import dev.atoll.diff.run.RunComparison.MetricCurve;
import dev.atoll.tracking.Metric;
import dev.atoll.tracking.Run;
import dev.atoll.tracking.TrackingService;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Compares two tracked runs through the {@link TrackingService}, with every metric's history for the curves. */
public final class RunComparisons {
    private RunComparisons() {
    }

    public static RunComparison compare(TrackingService tracking, Run before, Run after, Map<String, MetricGoal> goals) {
        RunComparison comparison = RunComparer.compare(before, after, goals);
        List<MetricCurve> curves = new ArrayList<>();
        for (MetricChange metric : comparison.metrics()) {
            curves.add(new MetricCurve(metric.key(), history(tracking, before, metric.key(), metric.before() != null),
                    history(tracking, after, metric.key(), metric.after() != null)));
        }
        return comparison.withCurves(curves);
    }

    private static List<Metric> history(TrackingService tracking, Run run, String key, boolean logged) {
        if (!logged) {
            return List.of();
        }
        List<Metric> points = new ArrayList<>(tracking.getMetricHistory(run.info().runId(), key, null, null).items());
        points.sort(Comparator.comparingLong(Metric::step).thenComparingLong(Metric::timestamp));
        return points;
    }
}
