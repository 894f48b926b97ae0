package dev.atoll.diff;

import java.util.List;

/**
 * The comparison of two tables. {@code key} is null for a keyless diff (rows compared as a
 * multiset); {@code keyNote} says how the key was chosen or why there is none. Samples hold the
 * first {@link #SAMPLE_SIZE} rows of each kind, in file order. {@code notes} say how the diff was
 * computed when that is worth knowing (spilled to disk, approximate top values), else are empty.
 */
public record TableDiff(SourceInfo before, SourceInfo after, String key, String keyNote,
                        List<SchemaChange> schemaChanges, RowCounts rows, List<ColumnComparison> columns,
                        List<RowSample> addedSample, List<RowSample> removedSample, List<ModifiedRow> modifiedSample,
                        List<String> notes) {
    public static final int SAMPLE_SIZE = 10;

    public TableDiff {
        notes = List.copyOf(notes);
        schemaChanges = List.copyOf(schemaChanges);
        columns = List.copyOf(columns);
        addedSample = List.copyOf(addedSample);
        removedSample = List.copyOf(removedSample);
        modifiedSample = List.copyOf(modifiedSample);
    }

    public boolean identical() {
        return schemaChanges.isEmpty() && rows.added() == 0 && rows.removed() == 0 && rows.modified() == 0;
    }
}
