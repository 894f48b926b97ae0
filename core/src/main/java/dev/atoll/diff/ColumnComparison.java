package dev.atoll.diff;

/**
 * A column compared across sides: {@code name} is the new name, {@code oldName} differs when it was
 * renamed; {@code before}/{@code after} are null for a column only on the other side.
 * {@code histogram} is set for columns numeric on both sides. See {@link DistributionShift} for the flag.
 */
public record ColumnComparison(String name, String oldName, ColumnStats before, ColumnStats after,
                               long modifiedCells, boolean shifted, String shiftReason, Histogram histogram) {
}
