package dev.atoll.diff.table;

import java.util.ArrayList;
import java.util.List;

/** The problems met reading one file, first {@value #MAX_PROBLEMS} listed, ragged rows counted in all. */
final class ReadProblems {
    static final int MAX_PROBLEMS = 100;

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private long raggedRows;

    ReadProblems(String source) {
        this.source = source;
    }

    /** A row with {@code count} fields where the header has {@code width}: it is padded with empty cells or cut. */
    void ragged(int line, int count, int width) {
        raggedRows++;
        add(source + " line " + line + ": " + count + " fields, the header has " + width
                + (count < width ? " — missing fields read as empty" : " — extra fields ignored"));
    }

    void add(String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(message);
        }
    }

    List<String> list() {
        List<String> all = new ArrayList<>(problems);
        if (raggedRows > problems.size()) {
            all.add(source + ": " + raggedRows + " ragged rows in all (first " + MAX_PROBLEMS + " listed)");
        }
        return all;
    }
}
