package dev.atoll.report;

import dev.atoll.diff.ColumnComparison;
import dev.atoll.diff.ColumnStats;
import dev.atoll.diff.ModifiedRow;
import dev.atoll.diff.RowSample;
import dev.atoll.diff.SchemaChange;
import dev.atoll.diff.SourceInfo;
import dev.atoll.diff.TableDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The diff as one self-contained HTML page: inline CSS and SVG, no scripts, every value escaped. */
public final class HtmlReport {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}"
            + "th{background:#f3f3f3}.num{text-align:right}.shift{color:#b35900}.null{color:#999}"
            + ".charts{display:flex;flex-wrap:wrap;gap:1em}details{margin:1em 0}summary{cursor:pointer;font-weight:bold}"
            + "img{border:1px solid #ddd}";

    private HtmlReport() {
    }

    public static String render(TableDiff diff) {
        String title = "Data diff: " + diff.before().path() + " → " + diff.after().path();
        return page(title, "<h1>" + Text.html(title) + "</h1>\n" + body(diff));
    }

    /** A whole page around a body: the shared style, no scripts. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Text.html(title) + "</title><style>"
                + STYLE + "</style></head><body>\n" + body + "</body></html>\n";
    }

    /** The report without page and heading, to sit in another page (a directory diff with its tables). */
    static String body(TableDiff diff) {
        StringBuilder h = new StringBuilder(32_768);
        h.append("<p><strong>").append(Text.html(MarkdownReport.summary(diff).replace("**", ""))).append("</strong></p>\n");
        h.append("<p>Rows: ").append(Text.count(diff.before().rows())).append(" → ").append(Text.count(diff.after().rows()))
                .append(". ").append(Text.html(diff.keyNote())).append(".</p>\n");
        h.append("<table><tr><th>added</th><th>removed</th><th>modified</th><th>unchanged</th></tr><tr>");
        for (long n : new long[]{diff.rows().added(), diff.rows().removed(), diff.rows().modified(), diff.rows().unchanged()}) {
            h.append("<td class=\"num\">").append(Text.count(n)).append("</td>");
        }
        h.append("</tr></table>\n");
        if (!diff.schemaChanges().isEmpty()) {
            h.append("<h2>Schema changes</h2>\n<table><tr><th>change</th><th>column</th><th>new name</th><th>old type</th><th>new type</th></tr>\n");
            for (SchemaChange c : diff.schemaChanges()) {
                h.append("<tr><td>").append(lower(c.kind())).append("</td><td>").append(Text.html(c.column())).append("</td><td>")
                        .append(Text.html(c.newName())).append("</td><td>").append(lower(c.oldType())).append("</td><td>")
                        .append(lower(c.newType())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>Columns</h2>\n<table><tr><th>column</th><th>type</th><th>count</th><th>nulls</th><th>min</th><th>max</th>"
                + "<th>mean</th><th>top values</th><th>modified cells</th><th>shift</th></tr>\n");
        for (ColumnComparison c : diff.columns()) {
            h.append("<tr><td>").append(Text.html(c.name()));
            if (c.oldName() != null && !c.oldName().equals(c.name())) {
                h.append(" (was ").append(Text.html(c.oldName())).append(')');
            }
            h.append(c.after() == null ? " (removed)" : c.before() == null ? " (added)" : "").append("</td>");
            cell(h, c, s -> lower(s.type()), false);
            cell(h, c, s -> Text.count(s.count()), true);
            cell(h, c, s -> Text.count(s.nulls()), true);
            cell(h, c, s -> Text.number(s.min()), true);
            cell(h, c, s -> Text.number(s.max()), true);
            cell(h, c, s -> Text.number(s.mean()), true);
            cell(h, c, s -> s.top().stream().map(v -> v.value() + " (" + Text.count(v.count()) + ")").collect(Collectors.joining(", ")), false);
            h.append("<td class=\"num\">").append(c.before() != null && c.after() != null ? Text.count(c.modifiedCells()) : "").append("</td>");
            h.append("<td class=\"shift\">").append(c.shifted() ? "⚠ " + Text.html(c.shiftReason()) : "").append("</td></tr>\n");
        }
        h.append("</table>\n<div class=\"charts\">\n");
        for (ColumnComparison c : diff.columns()) {
            if (c.histogram() != null) {
                h.append(SvgHistogram.render(c.name(), c.histogram())).append('\n');
            }
        }
        h.append("</div>\n");
        rows(h, "Added rows", diff.rows().added(), diff.after(), diff.addedSample());
        rows(h, "Removed rows", diff.rows().removed(), diff.before(), diff.removedSample());
        if (!diff.modifiedSample().isEmpty()) {
            h.append("<details open><summary>Modified rows (first ").append(diff.modifiedSample().size()).append(" of ")
                    .append(Text.count(diff.rows().modified())).append(")</summary>\n<table><tr><th>key</th><th>column</th><th>before</th><th>after</th></tr>\n");
            for (ModifiedRow row : diff.modifiedSample()) {
                for (var cell : row.changes()) {
                    h.append("<tr><td>").append(Text.html(row.key())).append("</td><td>").append(Text.html(cell.column())).append("</td>");
                    value(h, cell.before());
                    value(h, cell.after());
                    h.append("</tr>\n");
                }
            }
            h.append("</table></details>\n");
        }
        List<String> problems = new ArrayList<>(diff.before().problems());
        problems.addAll(diff.after().problems());
        if (!problems.isEmpty()) {
            h.append("<details><summary>Problems reading the files (").append(problems.size()).append(")</summary><ul>\n");
            problems.forEach(p -> h.append("<li>").append(Text.html(p)).append("</li>\n"));
            h.append("</ul></details>\n");
        }
        diff.notes().forEach(note -> h.append("<p><small>").append(Text.html(note)).append("</small></p>\n"));
        h.append("<p><small>").append(Text.html(diff.before().path() + ": " + diff.before().format() + "; "
                + diff.after().path() + ": " + diff.after().format())).append("</small></p>\n");
        return h.toString();
    }

    private static void rows(StringBuilder h, String title, long total, SourceInfo source, List<RowSample> sample) {
        if (sample.isEmpty()) {
            return;
        }
        h.append("<details open><summary>").append(title).append(" (first ").append(sample.size()).append(" of ")
                .append(Text.count(total)).append(")</summary>\n<table><tr><th>line</th>");
        source.columns().forEach(c -> h.append("<th>").append(Text.html(c)).append("</th>"));
        h.append("</tr>\n");
        for (RowSample row : sample) {
            h.append("<tr><td class=\"num\">").append(row.line()).append("</td>");
            row.values().forEach(v -> value(h, v));
            h.append("</tr>\n");
        }
        h.append("</table></details>\n");
    }

    private static void value(StringBuilder h, String v) {
        h.append(v == null ? "<td class=\"null\">∅</td>" : "<td>" + Text.html(v) + "</td>");
    }

    private static void cell(StringBuilder h, ColumnComparison c, Function<ColumnStats, String> field, boolean numeric) {
        String before = c.before() == null ? null : field.apply(c.before());
        String after = c.after() == null ? null : field.apply(c.after());
        String text = before == null ? after : after == null || before.equals(after) ? before : before + " → " + after;
        h.append(numeric ? "<td class=\"num\">" : "<td>").append(Text.html(text)).append("</td>");
    }

    private static String lower(Object o) {
        return o == null ? "" : o.toString().toLowerCase(Locale.ROOT);
    }
}
