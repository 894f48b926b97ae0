package dev.atoll.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.diff.ColumnComparison;
import dev.atoll.diff.ColumnStats;
import dev.atoll.diff.Histogram;
import dev.atoll.diff.ModifiedRow;
import dev.atoll.diff.RowSample;
import dev.atoll.diff.SchemaChange;
import dev.atoll.diff.SourceInfo;
import dev.atoll.diff.TableDiff;
import dev.atoll.diff.ValueCount;

import java.util.List;
import java.util.Locale;

/**
 * The diff as JSON with the stable, snake_case schema documented in docs/diff.md. Fields are written
 * explicitly (not by reflecting on the records), so renaming a Java field cannot change the output;
 * a change to the schema bumps {@link #SCHEMA_VERSION}.
 */
public final class JsonReport {
    public static final int SCHEMA_VERSION = 1;

    private JsonReport() {
    }

    public static String render(TableDiff diff) {
        return JsonTree.pretty(tree(diff));
    }

    public static ObjectNode tree(TableDiff diff) {
        ObjectNode root = JsonTree.object();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("kind", "table_diff");
        root.set("before", source(diff.before()));
        root.set("after", source(diff.after()));
        root.put("key", diff.key());
        root.put("key_note", diff.keyNote());
        root.put("identical", diff.identical());
        ObjectNode rows = root.putObject("rows");
        rows.put("unchanged", diff.rows().unchanged());
        rows.put("added", diff.rows().added());
        rows.put("removed", diff.rows().removed());
        rows.put("modified", diff.rows().modified());
        ArrayNode schema = root.putArray("schema_changes");
        for (SchemaChange change : diff.schemaChanges()) {
            ObjectNode c = schema.addObject();
            c.put("kind", change.kind().name().toLowerCase(Locale.ROOT));
            c.put("column", change.column());
            c.put("new_name", change.newName());
            c.put("old_type", change.oldType() == null ? null : change.oldType().name().toLowerCase(Locale.ROOT));
            c.put("new_type", change.newType() == null ? null : change.newType().name().toLowerCase(Locale.ROOT));
        }
        ArrayNode columns = root.putArray("columns");
        for (ColumnComparison column : diff.columns()) {
            ObjectNode c = columns.addObject();
            c.put("name", column.name());
            c.put("old_name", column.oldName());
            c.put("modified_cells", column.modifiedCells());
            c.put("shifted", column.shifted());
            c.put("shift_reason", column.shiftReason());
            c.set("before", stats(column.before()));
            c.set("after", stats(column.after()));
            c.set("histogram", histogram(column.histogram()));
        }
        ObjectNode samples = root.putObject("samples");
        samples.set("added", rowSamples(diff.addedSample()));
        samples.set("removed", rowSamples(diff.removedSample()));
        ArrayNode modified = samples.putArray("modified");
        for (ModifiedRow row : diff.modifiedSample()) {
            ObjectNode m = modified.addObject();
            m.put("key", row.key());
            m.put("old_line", row.oldLine());
            m.put("new_line", row.newLine());
            ArrayNode changes = m.putArray("changes");
            row.changes().forEach(cell -> changes.addObject().put("column", cell.column()).put("before", cell.before()).put("after", cell.after()));
        }
        diff.notes().forEach(root.putArray("notes")::add);
        return root;
    }

    private static ObjectNode source(SourceInfo source) {
        ObjectNode s = JsonTree.object();
        s.put("path", source.path());
        s.put("format", source.format());
        s.put("rows", source.rows());
        source.columns().forEach(s.putArray("columns")::add);
        source.problems().forEach(s.putArray("problems")::add);
        return s;
    }

    private static ObjectNode stats(ColumnStats stats) {
        if (stats == null) {
            return null;
        }
        ObjectNode s = JsonTree.object();
        s.put("type", stats.type().name().toLowerCase(Locale.ROOT));
        s.put("count", stats.count());
        s.put("nulls", stats.nulls());
        s.put("min", stats.min());
        s.put("max", stats.max());
        s.put("mean", stats.mean());
        s.put("stddev", stats.stddev());
        ArrayNode top = s.putArray("top");
        for (ValueCount v : stats.top()) {
            top.addObject().put("value", v.value()).put("count", v.count());
        }
        return s;
    }

    private static ObjectNode histogram(Histogram histogram) {
        if (histogram == null) {
            return null;
        }
        ObjectNode h = JsonTree.object();
        h.put("min", histogram.min());
        h.put("max", histogram.max());
        histogram.before().forEach(h.putArray("before")::add);
        histogram.after().forEach(h.putArray("after")::add);
        return h;
    }

    private static ArrayNode rowSamples(List<RowSample> rows) {
        ArrayNode array = JsonTree.array();
        for (RowSample row : rows) {
            ObjectNode r = array.addObject();
            r.put("line", row.line());
            row.values().forEach(r.putArray("values")::add);
        }
        return array;
    }
}
