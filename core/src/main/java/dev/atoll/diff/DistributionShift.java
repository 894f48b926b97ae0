package dev.atoll.diff;

import java.util.HashMap;
import java.util.Map;

/**
 * The distribution-shift rule, documented in docs/diff.md:
 * <ul>
 * <li>null share (nulls / rows) moved by more than 10 percentage points; or</li>
 * <li>numeric on both sides: the means differ by more than two standard errors of their
 *     difference, {@code |mean_new - mean_old| > 2 * sqrt(sd_old²/n_old + sd_new²/n_new)}
 *     (a two-sample z-test at about 95 %); or</li>
 * <li>otherwise: the share of any value in either side's top 5 moved by more than 10 points.</li>
 * </ul>
 */
public final class DistributionShift {
    static final double SHARE_POINTS = 0.10;
    static final double STANDARD_ERRORS = 2.0;

    private DistributionShift() {
    }

    /** Returns the reason the column shifted, or null when it did not. */
    public static String reason(ColumnStats before, ColumnStats after) {
        if (before == null || after == null || before.rows() == 0 || after.rows() == 0) {
            return null;
        }
        double nullsBefore = (double) before.nulls() / before.rows();
        double nullsAfter = (double) after.nulls() / after.rows();
        if (Math.abs(nullsAfter - nullsBefore) > SHARE_POINTS) {
            return String.format("null share %.1f%% → %.1f%%", 100 * nullsBefore, 100 * nullsAfter);
        }
        if (before.type().numeric() && after.type().numeric()) {
            double se = Math.sqrt(before.stddev() * before.stddev() / before.count()
                    + after.stddev() * after.stddev() / after.count());
            double moved = Math.abs(after.mean() - before.mean());
            if (moved > STANDARD_ERRORS * se) {
                return String.format("mean %s → %s moved %.1f standard errors (> %.0f)", fmt(before.mean()), fmt(after.mean()),
                        se == 0 ? Double.POSITIVE_INFINITY : moved / se, STANDARD_ERRORS);
            }
            return null;
        }
        // A value outside a side's full top 5 may still hold up to the 5th value's share there; taking
        // that bound means a flagged move is at least as large as reported.
        double floorBefore = before.top().size() < ColumnProfile.TOP ? 0 : (double) before.top().get(ColumnProfile.TOP - 1).count() / before.rows();
        double floorAfter = after.top().size() < ColumnProfile.TOP ? 0 : (double) after.top().get(ColumnProfile.TOP - 1).count() / after.rows();
        Map<String, double[]> shares = new HashMap<>();
        for (ValueCount v : before.top()) {
            shares.computeIfAbsent(v.value(), k -> new double[]{floorBefore, floorAfter})[0] = (double) v.count() / before.rows();
        }
        for (ValueCount v : after.top()) {
            shares.computeIfAbsent(v.value(), k -> new double[]{floorBefore, floorAfter})[1] = (double) v.count() / after.rows();
        }
        String worst = null;
        double worstMove = SHARE_POINTS;
        for (Map.Entry<String, double[]> e : shares.entrySet()) {
            double[] s = e.getValue();
            double move = Math.abs(s[1] - s[0]);
            if (move > worstMove) {
                worstMove = move;
                worst = String.format("share of '%s' %.1f%% → %.1f%%", e.getKey(), 100 * s[0], 100 * s[1]);
            }
        }
        return worst;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format("%.4g", v);
    }
}
