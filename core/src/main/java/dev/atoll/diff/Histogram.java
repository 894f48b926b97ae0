package dev.atoll.diff;

import java.util.List;

/** Counts of a numeric column in equal-width bins over {@code [min, max]} of both sides together. */
public record Histogram(double min, double max, List<Long> before, List<Long> after) {
    public Histogram {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    public int bins() {
        return before.size();
    }
}
