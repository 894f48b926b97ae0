package dev.atoll.diff;

import java.util.List;

/** One input: its path, how it was read, its size and columns, and the problems met reading it. */
public record SourceInfo(String path, String format, long rows, List<String> columns, List<String> problems) {
    public SourceInfo {
        columns = List.copyOf(columns);
        problems = List.copyOf(problems);
    }
}
