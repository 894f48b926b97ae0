package dev.atoll.diff;

/** The narrowest type every non-empty value of a column fits; {@code EMPTY} when it has none. */
public enum ColumnType {
    EMPTY, BOOLEAN, INTEGER, DECIMAL, TEXT;

    public boolean numeric() {
        return this == INTEGER || this == DECIMAL;
    }
}
