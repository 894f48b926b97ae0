package dev.atoll.diff;

import java.util.List;

/** A row present on both sides under the same key whose compared cells differ; lines are 1-based file lines. */
public record ModifiedRow(String key, int oldLine, int newLine, List<CellChange> changes) {
    public ModifiedRow {
        changes = List.copyOf(changes);
    }
}
