package dev.atoll.report;

import dev.atoll.diff.DataDiff;

/** Renders whichever diff {@code atoll diff} made: a table diff, or a directory diff with the table diffs of its modified tables. */
public final class DataDiffReport {
    public enum Format { MARKDOWN, HTML, JSON }

    private DataDiffReport() {
    }

    public static String render(DataDiff diff, Format format) {
        if (diff.table() != null) {
            return switch (format) {
                case MARKDOWN -> MarkdownReport.render(diff.table());
                case HTML -> HtmlReport.render(diff.table());
                case JSON -> JsonReport.render(diff.table());
            };
        }
        return switch (format) {
            case MARKDOWN -> DirectoryDiffReport.markdown(diff.directory(), diff.tables(), MarkdownReport.GITLAB_NOTE_LIMIT);
            case HTML -> DirectoryDiffReport.html(diff.directory(), diff.tables());
            case JSON -> DirectoryDiffReport.json(diff.directory(), diff.tables());
        };
    }
}
