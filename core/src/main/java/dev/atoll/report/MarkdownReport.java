package dev.atoll.report;

import dev.atoll.diff.ColumnComparison;
import dev.atoll.diff.ColumnStats;
import dev.atoll.diff.ModifiedRow;
import dev.atoll.diff.RowSample;
import dev.atoll.diff.SchemaChange;
import dev.atoll.diff.SourceInfo;
import dev.atoll.diff.TableDiff;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The diff as GitLab-flavoured Markdown for a merge-request note: a summary, schema changes and
 * per-column statistics as tables, samples in collapsible {@code <details>} sections; capped at
 * GitLab's note limit with an explicit truncation line.
 */
public final class MarkdownReport {
    /** GitLab rejects notes longer than this many characters. */
    public static final int GITLAB_NOTE_LIMIT = 1_000_000;

    private MarkdownReport() {
    }

    public static String render(TableDiff diff) {
        return render(diff, GITLAB_NOTE_LIMIT);
    }

    public static String render(TableDiff diff, int limit) {
        CappedText md = new CappedText(limit);
        md.add("### Data diff: `" + Text.cell(diff.before().path()) + "` → `" + Text.cell(diff.after().path()) + "`\n\n");
        md.add(summary(diff) + "\n\n");
        md.add("Rows: " + Text.count(diff.before().rows()) + " → " + Text.count(diff.after().rows()) + ". "
                + Text.cell(diff.keyNote()) + ".\n\n");
        md.add("| | rows |\n|---|---:|\n");
        md.add("| added | " + Text.count(diff.rows().added()) + " |\n");
        md.add("| removed | " + Text.count(diff.rows().removed()) + " |\n");
        md.add("| modified | " + Text.count(diff.rows().modified()) + " |\n");
        md.add("| unchanged | " + Text.count(diff.rows().unchanged()) + " |\n");
        if (!diff.schemaChanges().isEmpty()) {
            md.add("\n#### Schema changes\n\n| change | column | new name | old type | new type |\n|---|---|---|---|---|\n");
            for (SchemaChange c : diff.schemaChanges()) {
                md.add("| " + c.kind().name().toLowerCase(Locale.ROOT) + " | " + Text.cell(c.column()) + " | "
                        + (c.newName() == null ? "" : Text.cell(c.newName())) + " | " + type(c.oldType()) + " | " + type(c.newType()) + " |\n");
            }
        }
        md.add("\n#### Columns\n\n| column | type | count | nulls | min | max | mean | top values | modified cells | shift |\n"
                + "|---|---|---:|---:|---:|---:|---:|---|---:|---|\n");
        for (ColumnComparison c : diff.columns()) {
            String name = Text.cell(c.name()) + (c.oldName() != null && !c.oldName().equals(c.name()) ? " (was " + Text.cell(c.oldName()) + ")" : "")
                    + (c.after() == null ? " (removed)" : c.before() == null ? " (added)" : "");
            md.add("| " + name + " | " + pair(c, s -> type(s.type())) + " | " + pair(c, s -> Text.count(s.count()))
                    + " | " + pair(c, s -> Text.count(s.nulls())) + " | " + pair(c, s -> Text.number(s.min()))
                    + " | " + pair(c, s -> Text.number(s.max())) + " | " + pair(c, s -> Text.number(s.mean()))
                    + " | " + pair(c, MarkdownReport::top) + " | " + (c.before() != null && c.after() != null ? Text.count(c.modifiedCells()) : "")
                    + " | " + (c.shifted() ? "⚠️ " + Text.cell(c.shiftReason()) : "") + " |\n");
        }
        rows(md, "Added rows", diff.rows().added(), diff.after(), diff.addedSample());
        rows(md, "Removed rows", diff.rows().removed(), diff.before(), diff.removedSample());
        if (!diff.modifiedSample().isEmpty() && md.openDetails("Modified rows (first " + diff.modifiedSample().size()
                + " of " + Text.count(diff.rows().modified()) + ")")) {
            md.add("| key | column | before | after |\n|---|---|---|---|\n");
            for (ModifiedRow row : diff.modifiedSample()) {
                for (var cell : row.changes()) {
                    md.add("| " + Text.cell(row.key()) + " | " + Text.cell(cell.column()) + " | " + Text.cell(cell.before())
                            + " | " + Text.cell(cell.after()) + " |\n");
                }
            }
            md.closeDetails();
        }
        List<String> problems = new java.util.ArrayList<>(diff.before().problems());
        problems.addAll(diff.after().problems());
        if (!problems.isEmpty() && md.openDetails("Problems reading the files (" + problems.size() + ")")) {
            for (String p : problems) {
                md.add("- " + Text.cell(p) + "\n");
            }
            md.closeDetails();
        }
        for (String note : diff.notes()) {
            md.add("\n<sub>" + Text.cell(note) + "</sub>\n");
        }
        md.add("\n<sub>" + Text.cell(diff.before().path()) + ": " + Text.cell(diff.before().format()) + "; "
                + Text.cell(diff.after().path()) + ": " + Text.cell(diff.after().format()) + "</sub>\n");
        return md.toString();
    }

    static String summary(TableDiff diff) {
        if (diff.identical()) {
            return "**No changes.**";
        }
        long shifted = diff.columns().stream().filter(ColumnComparison::shifted).count();
        return "**+" + Text.count(diff.rows().added()) + " added, −" + Text.count(diff.rows().removed()) + " removed, ~"
                + Text.count(diff.rows().modified()) + " modified rows; " + diff.schemaChanges().size() + " schema changes; "
                + shifted + " columns with a distribution shift.**";
    }

    private static void rows(CappedText md, String title, long total, SourceInfo source, List<RowSample> sample) {
        if (sample.isEmpty() || !md.openDetails(title + " (first " + sample.size() + " of " + Text.count(total) + ")")) {
            return;
        }
        md.add("| line | " + source.columns().stream().map(Text::cell).collect(Collectors.joining(" | ")) + " |\n|---:|"
                + "---|".repeat(source.columns().size()) + "\n");
        for (RowSample row : sample) {
            md.add("| " + row.line() + " | " + row.values().stream().map(Text::cell).collect(Collectors.joining(" | ")) + " |\n");
        }
        md.closeDetails();
    }

    private static String pair(ColumnComparison c, java.util.function.Function<ColumnStats, String> field) {
        String before = c.before() == null ? null : field.apply(c.before());
        String after = c.after() == null ? null : field.apply(c.after());
        if (before == null) {
            return after;
        }
        if (after == null || before.equals(after)) {
            return before;
        }
        return before + " → " + after;
    }

    private static String top(ColumnStats s) {
        return s.top().stream().map(v -> Text.cell(v.value()) + " (" + Text.count(v.count()) + ")").collect(Collectors.joining(", "));
    }

    private static String type(Object type) {
        return type == null ? "" : type.toString().toLowerCase(Locale.ROOT);
    }

}
