package dev.atoll.diff;

/** Row-level outcome. A keyless diff never reports {@code modified}: a changed row is one removed plus one added. */
public record RowCounts(long unchanged, long added, long removed, long modified) {
}
