package dev.atoll.diff;

import java.util.Collections;
import java.util.List;

/** An added or removed row, with its 1-based line in its file and its values in that file's column order. */
public record RowSample(int line, List<String> values) {
    public RowSample {
        values = Collections.unmodifiableList(values); // values may be null (empty cells)
    }
}
