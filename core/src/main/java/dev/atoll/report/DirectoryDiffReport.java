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

import java.util.Locale;
import java.util.Map;

/** A directory diff as GitLab Markdown (capped at the note limit) or versioned JSON (docs/diff.md). */
public final class DirectoryDiffReport {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DirectoryDiffReport() {
    }

    public static String markdown(DirectoryDiff diff) {
        CappedText md = new CappedText(MarkdownReport.GITLAB_NOTE_LIMIT);
        md.add("### Directory diff: `" + Text.cell(diff.before()) + "` → `" + Text.cell(diff.after()) + "`\n\n");
        md.add("**" + diff.count(Kind.ADDED) + " added, " + diff.count(Kind.REMOVED) + " removed, " + diff.count(Kind.MODIFIED)
                + " modified, " + diff.count(Kind.RENAMED) + " renamed; " + Text.count(diff.unchanged()) + " unchanged files.**\n\n");
        md.add("| folder | added | removed | modified | renamed | unchanged |\n|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, FolderCounts> e : diff.folders().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            FolderCounts c = e.getValue();
            md.add("| " + (e.getKey().isEmpty() ? "." : Text.cell(e.getKey())) + " | " + c.added() + " | " + c.removed() + " | "
                    + c.modified() + " | " + c.renamed() + " | " + c.unchanged() + " |\n");
        }
        if (!diff.changes().isEmpty() && md.openDetails("Changed files (" + diff.changes().size() + ")")) {
            md.add("| change | path | size before | size after |\n|---|---|---:|---:|\n");
            for (FileChange f : diff.changes()) {
                String path = Text.cell(f.path()) + (f.newPath() == null ? "" : " → " + Text.cell(f.newPath()));
                md.add("| " + f.kind().name().toLowerCase(Locale.ROOT) + " | " + path + " | " + size(f.oldSize()) + " | " + size(f.newSize()) + " |\n");
            }
            md.closeDetails();
        }
        return md.toString();
    }

    public static String json(DirectoryDiff diff) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("kind", "directory_diff");
        root.put("before", diff.before());
        root.put("after", diff.after());
        root.put("unchanged", diff.unchanged());
        ObjectNode counts = root.putObject("counts");
        for (Kind kind : Kind.values()) {
            counts.put(kind.name().toLowerCase(Locale.ROOT), diff.count(kind));
        }
        ArrayNode changes = root.putArray("changes");
        for (FileChange f : diff.changes()) {
            changes.addObject().put("kind", f.kind().name().toLowerCase(Locale.ROOT)).put("path", f.path()).put("new_path", f.newPath())
                    .put("old_size", f.oldSize()).put("new_size", f.newSize());
        }
        ObjectNode folders = root.putObject("folders");
        diff.folders().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> folders.putObject(e.getKey())
                .put("added", e.getValue().added()).put("removed", e.getValue().removed()).put("modified", e.getValue().modified())
                .put("renamed", e.getValue().renamed()).put("unchanged", e.getValue().unchanged()));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree failed to serialise", impossible);
        }
    }

    private static String size(Long bytes) {
        return bytes == null ? "" : Text.count(bytes);
    }
}
