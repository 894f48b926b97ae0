package dev.atoll.diff.run;

import dev.atoll.diff.run.RunComparison.Change;
import dev.atoll.diff.run.RunComparison.MetricChange;
import dev.atoll.diff.run.RunComparison.ParamChange;
import dev.atoll.diff.run.RunComparison.Verdict;
import dev.atoll.tracking.Metric;
import dev.atoll.tracking.Param;
import dev.atoll.tracking.Run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Compares the params and latest metrics of two runs; keys sorted, so reports are stable. */
public final class RunComparer {
    private RunComparer() {
    }

    /** @param goals explicit goals per metric key; other metrics get {@link MetricGoal#guess} */
    public static RunComparison compare(Run before, Run after, Map<String, MetricGoal> goals) {
        Map<String, String> oldParams = params(before);
        Map<String, String> newParams = params(after);
        List<ParamChange> params = new ArrayList<>();
        TreeSet<String> paramKeys = new TreeSet<>(oldParams.keySet());
        paramKeys.addAll(newParams.keySet());
        for (String key : paramKeys) {
            String was = oldParams.get(key);
            String is = newParams.get(key);
            Change change = was == null ? Change.ADDED : is == null ? Change.REMOVED : was.equals(is) ? Change.UNCHANGED : Change.CHANGED;
            params.add(new ParamChange(key, was, is, change));
        }
        Map<String, Metric> oldMetrics = latest(before);
        Map<String, Metric> newMetrics = latest(after);
        TreeSet<String> metricKeys = new TreeSet<>(oldMetrics.keySet());
        metricKeys.addAll(newMetrics.keySet());
        List<MetricChange> metrics = new ArrayList<>();
        for (String key : metricKeys) {
            Double was = oldMetrics.containsKey(key) ? oldMetrics.get(key).value() : null;
            Double is = newMetrics.containsKey(key) ? newMetrics.get(key).value() : null;
            MetricGoal goal = goals.containsKey(key) ? goals.get(key) : MetricGoal.guess(key);
            Double delta = was != null && is != null ? is - was : null;
            Double relative = delta != null && was != 0 ? delta / Math.abs(was) : null;
            metrics.add(new MetricChange(key, was, is, delta, relative, goal, verdict(was, is, goal)));
        }
        return new RunComparison(before.info().runId(), after.info().runId(), params, metrics);
    }

    static Verdict verdict(Double was, Double is, MetricGoal goal) {
        if (was == null) {
            return Verdict.ONLY_AFTER;
        }
        if (is == null) {
            return Verdict.ONLY_BEFORE;
        }
        if (Double.compare(was, is) == 0) {
            return Verdict.SAME;
        }
        if (goal == null || was.isNaN() || is.isNaN()) {
            return Verdict.NO_GOAL;
        }
        boolean up = is > was;
        return up == (goal == MetricGoal.MAXIMIZE) ? Verdict.BETTER : Verdict.WORSE;
    }

    private static Map<String, String> params(Run run) {
        Map<String, String> params = new TreeMap<>();
        for (Param p : run.data().params()) {
            params.put(p.key(), p.value());
        }
        return params;
    }

    /** The latest value per key: highest step, then latest timestamp (MLflow's rule for a run's metric). */
    private static Map<String, Metric> latest(Run run) {
        Map<String, Metric> latest = new TreeMap<>();
        for (Metric m : run.data().metrics()) {
            latest.merge(m.key(), m, (a, b) -> b.step() > a.step() || (b.step() == a.step() && b.timestamp() > a.timestamp()) ? b : a);
        }
        return latest;
    }
}
