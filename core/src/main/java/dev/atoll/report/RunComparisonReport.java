package dev.atoll.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.diff.run.RunComparison;
import dev.atoll.diff.run.RunComparison.Change;
import dev.atoll.diff.run.RunComparison.MetricChange;
import dev.atoll.diff.run.RunComparison.ParamChange;
import dev.atoll.diff.run.RunComparison.Verdict;

import java.util.Locale;

/** A run comparison as a GitLab Markdown table (for an MR note), an HTML page with metric curves, or versioned JSON (docs/diff.md). */
public final class RunComparisonReport {
    public static final int SCHEMA_VERSION = 1;
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
            + "th{background:#f3f3f3}.num{text-align:right}.charts{display:flex;flex-wrap:wrap;gap:1em}";

    private RunComparisonReport() {
    }

    public static String markdown(RunComparison comparison) {
        CappedText md = new CappedText(MarkdownReport.GITLAB_NOTE_LIMIT);
        md.add("### Run comparison: `" + Text.cell(comparison.beforeRunId()) + "` → `" + Text.cell(comparison.afterRunId()) + "`\n\n");
        md.add("**" + summary(comparison) + "**\n\n");
        if (!comparison.metrics().isEmpty()) {
            md.add("| metric | goal | before | after | delta | | \n|---|---|---:|---:|---:|---|\n");
            for (MetricChange m : comparison.metrics()) {
                md.add("| " + Text.cell(m.key()) + " | " + goal(m)
                        + " | " + Text.number(m.before()) + " | " + Text.number(m.after()) + " | " + delta(m) + " | " + verdict(m.verdict()) + " |\n");
            }
        }
        if (!comparison.params().isEmpty() && md.openDetails("Params (" + comparison.params().size() + ")")) {
            md.add("| param | before | after | |\n|---|---|---|---|\n");
            for (ParamChange p : comparison.params()) {
                md.add("| " + Text.cell(p.key()) + " | " + Text.cell(p.before()) + " | " + Text.cell(p.after()) + " | "
                        + (p.change() == Change.UNCHANGED ? "" : p.change().name().toLowerCase(Locale.ROOT)) + " |\n");
            }
            md.closeDetails();
        }
        return md.toString();
    }

    /** One self-contained page: the tables of the Markdown report and an SVG curve per metric when histories were loaded. */
    public static String html(RunComparison comparison) {
        StringBuilder h = new StringBuilder(16_384);
        String title = "Run comparison: " + comparison.beforeRunId() + " → " + comparison.afterRunId();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Text.html(title))
                .append("</title><style>").append(STYLE).append("</style></head><body>\n<h1>").append(Text.html(title)).append("</h1>\n");
        h.append("<p><strong>").append(Text.html(summary(comparison))).append("</strong></p>\n");
        if (!comparison.metrics().isEmpty()) {
            h.append("<table><tr><th>metric</th><th>goal</th><th>before</th><th>after</th><th>delta</th><th></th></tr>\n");
            for (MetricChange m : comparison.metrics()) {
                h.append("<tr><td>").append(Text.html(m.key())).append("</td><td>").append(goal(m)).append("</td><td class=\"num\">")
                        .append(Text.html(Text.number(m.before()))).append("</td><td class=\"num\">").append(Text.html(Text.number(m.after())))
                        .append("</td><td class=\"num\">").append(Text.html(delta(m))).append("</td><td>").append(Text.html(verdict(m.verdict())))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!comparison.curves().isEmpty()) {
            h.append("<div class=\"charts\">\n");
            comparison.curves().forEach(curve -> h.append(SvgMetricCurve.render(curve)).append('\n'));
            h.append("</div>\n");
        }
        if (!comparison.params().isEmpty()) {
            h.append("<h2>Params</h2>\n<table><tr><th>param</th><th>before</th><th>after</th><th></th></tr>\n");
            for (ParamChange p : comparison.params()) {
                h.append("<tr><td>").append(Text.html(p.key())).append("</td><td>").append(Text.html(p.before())).append("</td><td>")
                        .append(Text.html(p.after())).append("</td><td>")
                        .append(p.change() == Change.UNCHANGED ? "" : p.change().name().toLowerCase(Locale.ROOT)).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    public static String json(RunComparison comparison) {
        ObjectNode root = JsonTree.object();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("kind", "run_comparison");
        root.put("before_run_id", comparison.beforeRunId());
        root.put("after_run_id", comparison.afterRunId());
        ArrayNode params = root.putArray("params");
        for (ParamChange p : comparison.params()) {
            params.addObject().put("key", p.key()).put("before", p.before()).put("after", p.after())
                    .put("change", p.change().name().toLowerCase(Locale.ROOT));
        }
        ArrayNode metrics = root.putArray("metrics");
        for (MetricChange m : comparison.metrics()) {
            ObjectNode node = metrics.addObject();
            node.put("key", m.key());
            node.put("before", m.before());
            node.put("after", m.after());
            node.put("delta", m.delta());
            node.put("relative", m.relative());
            node.put("goal", m.goal() == null ? null : m.goal().name().toLowerCase(Locale.ROOT));
            node.put("verdict", m.verdict().name().toLowerCase(Locale.ROOT));
        }
        return JsonTree.pretty(root);
    }

    private static String summary(RunComparison comparison) {
        return comparison.count(Verdict.BETTER) + " metrics better, " + comparison.count(Verdict.WORSE) + " worse, "
                + comparison.count(Verdict.SAME) + " unchanged; "
                + comparison.params().stream().filter(p -> p.change() != Change.UNCHANGED).count() + " params changed.";
    }

    private static String goal(MetricChange m) {
        return m.goal() == null ? "" : m.goal() == dev.atoll.diff.run.MetricGoal.MAXIMIZE ? "↑" : "↓";
    }

    private static String delta(MetricChange m) {
        if (m.delta() == null) {
            return "";
        }
        String sign = m.delta() > 0 ? "+" : "";
        String relative = m.relative() == null ? "" : String.format(Locale.ROOT, " (%s%.1f%%)", sign, 100 * m.relative());
        return sign + Text.number(m.delta()) + relative;
    }

    private static String verdict(Verdict verdict) {
        return switch (verdict) {
            case BETTER -> "✅ better";
            case WORSE -> "❌ worse";
            case SAME -> "";
            case NO_GOAL -> "changed";
            case ONLY_BEFORE -> "only before";
            case ONLY_AFTER -> "only after";
        };
    }
}
