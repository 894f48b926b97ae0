package dev.atoll.diff;

/** One changed cell of a modified row; null is an empty cell. */
public record CellChange(String column, String before, String after) {
}
