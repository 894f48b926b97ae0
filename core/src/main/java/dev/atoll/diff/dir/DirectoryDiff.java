package dev.atoll.diff.dir;

import java.util.List;
import java.util.Map;

/**
 * Two file trees compared by content: changed files in path order, counts per folder ({@code ""} is
 * the root), and the problems met (images that could not be read).
 */
public record DirectoryDiff(String before, String after, List<FileChange> changes, Map<String, FolderCounts> folders,
                            long unchanged, List<String> problems) {
    public DirectoryDiff {
        changes = List.copyOf(changes);
        folders = Map.copyOf(folders);
        problems = List.copyOf(problems);
    }

    public enum Kind { ADDED, REMOVED, MODIFIED, RENAMED }

    /**
     * Paths are relative, with {@code /}; {@code newPath} is set for renames; sizes in bytes, null
     * when absent. Images carry their dimensions on each side they exist, thumbnails for the first
     * {@value DirectoryDiffer#THUMBNAILS} changed images.
     */
    public record FileChange(Kind kind, String path, String newPath, Long oldSize, Long newSize, ImageInfo oldImage,
                             ImageInfo newImage) {
        public FileChange(Kind kind, String path, String newPath, Long oldSize, Long newSize) {
            this(kind, path, newPath, oldSize, newSize, null, null);
        }
    }

    /**
     * One folder's files: how many before and after, and what happened to them. A renamed (moved)
     * file counts as {@code renamedOut} in its old folder and {@code renamedIn} in its new one, so in
     * an image dataset a relabelled image shows in both classes.
     */
    public record FolderCounts(long before, long after, long added, long removed, long modified, long renamedIn, long renamedOut) {
        static final FolderCounts NONE = new FolderCounts(0, 0, 0, 0, 0, 0, 0);

        FolderCounts plus(FolderCounts o) {
            return new FolderCounts(before + o.before, after + o.after, added + o.added, removed + o.removed,
                    modified + o.modified, renamedIn + o.renamedIn, renamedOut + o.renamedOut);
        }

        public boolean changed() {
            return added + removed + modified + renamedIn + renamedOut > 0;
        }
    }

    /** The same diff with one more problem. */
    public DirectoryDiff withProblem(String problem) {
        List<String> more = new java.util.ArrayList<>(problems);
        more.add(problem);
        return new DirectoryDiff(before, after, changes, folders, unchanged, more);
    }

    public long count(Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    public boolean identical() {
        return changes.isEmpty();
    }
}
