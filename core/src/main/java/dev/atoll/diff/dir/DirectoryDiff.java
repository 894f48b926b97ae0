package dev.atoll.diff.dir;

import java.util.List;
import java.util.Map;

/**
 * Two directory trees compared by content (SHA-256): changed files in path order, and counts per
 * folder ({@code ""} is the root; a renamed file counts in its new folder).
 */
public record DirectoryDiff(String before, String after, List<FileChange> changes, Map<String, FolderCounts> folders,
                            long unchanged) {
    public DirectoryDiff {
        changes = List.copyOf(changes);
        folders = Map.copyOf(folders);
    }

    public enum Kind { ADDED, REMOVED, MODIFIED, RENAMED }

    /** Paths are relative, with {@code /}; {@code newPath} is set for renames; sizes in bytes, null when absent. */
    public record FileChange(Kind kind, String path, String newPath, Long oldSize, Long newSize) {
    }

    public record FolderCounts(long added, long removed, long modified, long renamed, long unchanged) {
        FolderCounts plus(Kind kind) {
            if (kind == null) {
                return new FolderCounts(added, removed, modified, renamed, unchanged + 1);
            }
            return switch (kind) {
                case ADDED -> new FolderCounts(added + 1, removed, modified, renamed, unchanged);
                case REMOVED -> new FolderCounts(added, removed + 1, modified, renamed, unchanged);
                case MODIFIED -> new FolderCounts(added, removed, modified + 1, renamed, unchanged);
                case RENAMED -> new FolderCounts(added, removed, modified, renamed + 1, unchanged);
            };
        }
    }

    public long count(Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }
}
