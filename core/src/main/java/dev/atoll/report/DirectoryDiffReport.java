package dev.atoll.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atoll.diff.dir.DirectoryDiff;
import dev.atoll.diff.dir.DirectoryDiff.FileChange;
import dev.atoll.diff.dir.DirectoryDiff.FolderCounts;
import dev.atoll.diff.dir.DirectoryDiff.Kind;
import dev.atoll.diff.dir.ImageInfo;

import java.util.Locale;
import java.util.Map;

/**
 * A directory diff as GitLab Markdown (capped at the note limit; dimensions of changed images), one
 * self-contained HTML page (with image thumbnails) or versioned JSON (docs/diff.md).
 */
public final class DirectoryDiffReport {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:middle}"
            + "th{background:#f3f3f3}.num{text-align:right}img{image-rendering:auto;border:1px solid #ddd}";

    private DirectoryDiffReport() {
    }

    public static String markdown(DirectoryDiff diff) {
        return markdown(diff, MarkdownReport.GITLAB_NOTE_LIMIT);
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
        StringBuilder h = new StringBuilder(32_768);
        String title = "Directory diff: " + diff.before() + " → " + diff.after();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Text.html(title))
                .append("</title><style>").append(STYLE).append("</style></head><body>\n<h1>").append(Text.html(title)).append("</h1>\n");
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
        return h.append("</body></html>\n").toString();
    }

    public static String json(DirectoryDiff diff) {
        ObjectNode root = JSON.createObjectNode();
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
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree failed to serialise", impossible);
        }
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
        ObjectNode i = JSON.createObjectNode();
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
