package dev.atoll.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.diff.TableDiff;
import dev.atoll.diff.dir.DirectoryDiff;
import dev.atoll.diff.dir.DirectoryDiff.FileChange;
import dev.atoll.diff.dir.DirectoryDiff.FolderCounts;
import dev.atoll.diff.dir.DirectoryDiff.Kind;
import dev.atoll.diff.dir.ImageInfo;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A directory diff as GitLab Markdown (capped at the note limit; dimensions of changed images), one
 * self-contained HTML page (with image thumbnails) or versioned JSON (docs/diff.md).
 */
public final class DirectoryDiffReport {
    public static final int SCHEMA_VERSION = 1;

    private DirectoryDiffReport() {
    }

    public static String markdown(DirectoryDiff diff) {
        return markdown(diff, MarkdownReport.GITLAB_NOTE_LIMIT);
    }

    /**
     * The directory diff and the table diffs of its modified table files in one note: the directory
     * part gets half the limit, the tables share the other half, so the whole stays under it.
     */
    public static String markdown(DirectoryDiff diff, List<TableDiff> tables, int limit) {
        if (tables.isEmpty()) {
            return markdown(diff, limit);
        }
        StringBuilder md = new StringBuilder(markdown(diff, limit / 2));
        int each = limit / 2 / tables.size() - 8;
        for (TableDiff table : tables) {
            md.append("\n---\n\n").append(MarkdownReport.render(table, each));
        }
        return md.toString();
    }

    public static String markdown(DirectoryDiff diff, int limit) {
        CappedText md = new CappedText(limit);
        md.add("### Directory diff: `" + Text.cell(diff.before()) + "` → `" + Text.cell(diff.after()) + "`\n\n");
        md.add("**" + summary(diff) + "**\n\n");
        md.add("| folder | files before | files after | added | removed | modified | renamed in | renamed out |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, FolderCounts> e : diff.folders().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            FolderCounts c = e.getValue();
            md.add("| " + folder(e.getKey()) + " | " + Text.count(c.before()) + " | " + Text.count(c.after()) + " | " + c.added() + " | "
                    + c.removed() + " | " + c.modified() + " | " + c.renamedIn() + " | " + c.renamedOut() + " |\n");
        }
        if (!diff.changes().isEmpty() && md.openDetails("Changed files (" + diff.changes().size() + ")")) {
            md.add("| change | path | size before | size after | image |\n|---|---|---:|---:|---|\n");
            for (FileChange f : diff.changes()) {
                String path = Text.cell(f.path()) + (f.newPath() == null ? "" : " → " + Text.cell(f.newPath()));
                md.add("| " + kind(f.kind()) + " | " + path + " | " + size(f.oldSize()) + " | " + size(f.newSize()) + " | "
                        + dimensions(f) + " |\n");
            }
            md.closeDetails();
        }
        problems(md, diff);
        return md.toString();
    }

    public static String html(DirectoryDiff diff) {
        return html(diff, List.of());
    }

    /** The directory diff and, below it, the table diffs of its modified table files. */
    public static String html(DirectoryDiff diff, List<TableDiff> tables) {
        String title = "Directory diff: " + diff.before() + " → " + diff.after();
        StringBuilder h = new StringBuilder("<h1>").append(Text.html(title)).append("</h1>\n").append(body(diff));
        for (TableDiff table : tables) {
            h.append("<h2>").append(Text.html(table.before().path() + " → " + table.after().path())).append("</h2>\n")
                    .append(HtmlReport.body(table));
        }
        return HtmlReport.page(title, h.toString());
    }

    private static String body(DirectoryDiff diff) {
        StringBuilder h = new StringBuilder(32_768);
        h.append("<p><strong>").append(Text.html(summary(diff))).append("</strong></p>\n");
        h.append("<table><tr><th>folder</th><th>files before</th><th>files after</th><th>added</th><th>removed</th><th>modified</th>"
                + "<th>renamed in</th><th>renamed out</th></tr>\n");
        diff.folders().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            FolderCounts c = e.getValue();
            h.append("<tr><td>").append(Text.html(e.getKey().isEmpty() ? "." : e.getKey())).append("</td>");
            for (long n : new long[]{c.before(), c.after(), c.added(), c.removed(), c.modified(), c.renamedIn(), c.renamedOut()}) {
                h.append("<td class=\"num\">").append(Text.count(n)).append("</td>");
            }
            h.append("</tr>\n");
        });
        h.append("</table>\n");
        if (!diff.changes().isEmpty()) {
            h.append("<h2>Changed files</h2>\n<table><tr><th>change</th><th>path</th><th>size before</th><th>size after</th>"
                    + "<th>before</th><th>after</th></tr>\n");
            for (FileChange f : diff.changes()) {
                h.append("<tr><td>").append(kind(f.kind())).append("</td><td>").append(Text.html(f.path()));
                if (f.newPath() != null) {
                    h.append(" → ").append(Text.html(f.newPath()));
                }
                h.append("</td><td class=\"num\">").append(size(f.oldSize())).append("</td><td class=\"num\">").append(size(f.newSize()))
                        .append("</td>");
                image(h, f.oldImage());
                image(h, f.newImage());
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
        if (!diff.problems().isEmpty()) {
            h.append("<details open><summary>Problems (").append(diff.problems().size()).append(")</summary><ul>\n");
            diff.problems().forEach(p -> h.append("<li>").append(Text.html(p)).append("</li>\n"));
            h.append("</ul></details>\n");
        }
        return h.toString();
    }

    public static String json(DirectoryDiff diff) {
        return json(diff, List.of());
    }

    /** The directory diff with the table diffs of its modified table files under {@code tables} (each as {@link JsonReport}). */
    public static String json(DirectoryDiff diff, List<TableDiff> tables) {
        ObjectNode root = JsonTree.object();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("kind", "directory_diff");
        root.put("before", diff.before());
        root.put("after", diff.after());
        root.put("identical", diff.identical());
        root.put("unchanged", diff.unchanged());
        ObjectNode counts = root.putObject("counts");
        for (Kind kind : Kind.values()) {
            counts.put(kind(kind), diff.count(kind));
        }
        ArrayNode changes = root.putArray("changes");
        for (FileChange f : diff.changes()) {
            ObjectNode c = changes.addObject().put("kind", kind(f.kind())).put("path", f.path()).put("new_path", f.newPath())
                    .put("old_size", f.oldSize()).put("new_size", f.newSize());
            c.set("old_image", image(f.oldImage()));
            c.set("new_image", image(f.newImage()));
        }
        ObjectNode folders = root.putObject("folders");
        diff.folders().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> folders.putObject(e.getKey())
                .put("before", e.getValue().before()).put("after", e.getValue().after())
                .put("added", e.getValue().added()).put("removed", e.getValue().removed()).put("modified", e.getValue().modified())
                .put("renamed_in", e.getValue().renamedIn()).put("renamed_out", e.getValue().renamedOut()));
        diff.problems().forEach(root.putArray("problems")::add);
        ArrayNode tableDiffs = root.putArray("tables");
        tables.forEach(table -> tableDiffs.add(JsonReport.tree(table)));
        return JsonTree.pretty(root);
    }

    static String summary(DirectoryDiff diff) {
        if (diff.identical()) {
            return "No changes; " + Text.count(diff.unchanged()) + " files.";
        }
        return diff.count(Kind.ADDED) + " added, " + diff.count(Kind.REMOVED) + " removed, " + diff.count(Kind.MODIFIED)
                + " modified, " + diff.count(Kind.RENAMED) + " renamed; " + Text.count(diff.unchanged()) + " unchanged files.";
    }

    private static void problems(CappedText md, DirectoryDiff diff) {
        if (!diff.problems().isEmpty() && md.openDetails("Problems (" + diff.problems().size() + ")")) {
            diff.problems().forEach(p -> md.add("- " + Text.cell(p) + "\n"));
            md.closeDetails();
        }
    }

    private static String folder(String name) {
        return name.isEmpty() ? "." : Text.cell(name);
    }

    private static String dimensions(FileChange f) {
        ImageInfo was = f.oldImage();
        ImageInfo is = f.newImage();
        if (was == null && is == null) {
            return "";
        }
        if (was == null || is == null || was.dimensions().equals(is.dimensions())) {
            return (was != null ? was : is).dimensions();
        }
        return was.dimensions() + " → " + is.dimensions();
    }

    private static void image(StringBuilder h, ImageInfo image) {
        h.append("<td>");
        if (image != null) {
            if (image.thumbnailPngBase64() != null) {
                h.append("<img alt=\"\" src=\"data:image/png;base64,").append(image.thumbnailPngBase64()).append("\"><br>");
            }
            h.append(Text.html(image.dimensions() + " " + image.format()));
        }
        h.append("</td>");
    }

    private static ObjectNode image(ImageInfo image) {
        if (image == null) {
            return null;
        }
        ObjectNode i = JsonTree.object();
        i.put("width", image.width());
        i.put("height", image.height());
        i.put("format", image.format());
        i.put("thumbnail_png_base64", image.thumbnailPngBase64());
        return i;
    }

    private static String kind(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String size(Long bytes) {
        return bytes == null ? "" : Text.count(bytes);
    }
}
