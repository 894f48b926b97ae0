package dev.atoll.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.diff.run.RunComparison;
import dev.atoll.diff.run.RunComparison.Change;
import dev.atoll.diff.run.RunComparison.MetricChange;
import dev.atoll.diff.run.RunComparison.ParamChange;
import dev.atoll.diff.run.RunComparison.Verdict;

import java.util.Locale;

/** A run comparison as a GitLab Markdown table (for an MR note) or versioned JSON (docs/diff.md). */
public final class RunComparisonReport {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunComparisonReport() {
    }

    public static String markdown(RunComparison comparison) {
        CappedText md = new CappedText(MarkdownReport.GITLAB_NOTE_LIMIT);
        md.add("### Run comparison: `" + Text.cell(comparison.beforeRunId()) + "` → `" + Text.cell(comparison.afterRunId()) + "`\n\n");
        md.add("**" + comparison.count(Verdict.BETTER) + " metrics better, " + comparison.count(Verdict.WORSE) + " worse, "
                + comparison.count(Verdict.SAME) + " unchanged; "
                + comparison.params().stream().filter(p -> p.change() != Change.UNCHANGED).count() + " params changed.**\n\n");
        if (!comparison.metrics().isEmpty()) {
            md.add("| metric | goal | before | after | delta | | \n|---|---|---:|---:|---:|---|\n");
            for (MetricChange m : comparison.metrics()) {
                md.add("| " + Text.cell(m.key()) + " | " + (m.goal() == null ? "" : m.goal() == dev.atoll.diff.run.MetricGoal.MAXIMIZE ? "↑" : "↓")
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

    public static String json(RunComparison comparison) {
        ObjectNode root = JSON.createObjectNode();
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
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree failed to serialise", impossible);
        }
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
