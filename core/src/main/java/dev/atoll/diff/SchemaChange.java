package dev.atoll.diff;

/**
 * A column-level change. {@code RENAMED}: an old-only and a new-only column hold the same multiset
 * of values; {@code RETYPED}: a column on both sides whose inferred {@link ColumnType} differs.
 */
public record SchemaChange(Kind kind, String column, String newName, ColumnType oldType, ColumnType newType) {
    public enum Kind { ADDED, REMOVED, RENAMED, RETYPED }
}
