package dev.atoll.diff.dir;

import dev.atoll.diff.dir.DirectoryDiff.FileChange;
import dev.atoll.diff.dir.DirectoryDiff.FolderCounts;
import dev.atoll.diff.dir.DirectoryDiff.Kind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares two file trees by content. A path on both sides is modified when its bytes differ (a
 * size difference decides without reading); a removed and an added file with the same content are a
 * rename, paired in path order when several share content (only files of equal size are read to
 * find out). Changed images get their dimensions and, the first {@value #THUMBNAILS}, thumbnails.
 */
public final class DirectoryDiffer {
    /** Changed images that get a thumbnail; the rest get dimensions only. */
    public static final int THUMBNAILS = 60;

    private DirectoryDiffer() {
    }

    public static DirectoryDiff diff(Path before, Path after) {
        return diff(LocalTree.of(before), LocalTree.of(after));
    }

    public static DirectoryDiff diff(FileTree before, FileTree after) {
        Map<String, TreeFile> oldFiles = before.files();
        Map<String, TreeFile> newFiles = after.files();
        List<FileChange> changes = new ArrayList<>();
        Map<String, FolderCounts> folders = new TreeMap<>();
        oldFiles.keySet().forEach(path -> count(folders, path, new FolderCounts(1, 0, 0, 0, 0, 0, 0)));
        newFiles.keySet().forEach(path -> count(folders, path, new FolderCounts(0, 1, 0, 0, 0, 0, 0)));
        long unchanged = 0;
        Map<Long, LinkedList<String>> removedBySize = new HashMap<>();
        for (Map.Entry<String, TreeFile> entry : oldFiles.entrySet()) {
            String path = entry.getKey();
            TreeFile was = entry.getValue();
            TreeFile is = newFiles.get(path);
            if (is == null) {
                removedBySize.computeIfAbsent(was.size(), size -> new LinkedList<>()).add(path);
            } else if (was.size() == is.size() && was.contentId().equals(is.contentId())) {
                unchanged++;
            } else {
                changes.add(new FileChange(Kind.MODIFIED, path, null, was.size(), is.size()));
                count(folders, path, new FolderCounts(0, 0, 0, 0, 1, 0, 0));
            }
        }
        for (Map.Entry<String, TreeFile> entry : newFiles.entrySet()) {
            String path = entry.getKey();
            if (oldFiles.containsKey(path)) {
                continue;
            }
            TreeFile is = entry.getValue();
            String from = takeSameContent(removedBySize.get(is.size()), oldFiles, is);
            if (from != null) {
                changes.add(new FileChange(Kind.RENAMED, from, path, is.size(), is.size()));
                count(folders, from, new FolderCounts(0, 0, 0, 0, 0, 0, 1));
                count(folders, path, new FolderCounts(0, 0, 0, 0, 0, 1, 0));
            } else {
                changes.add(new FileChange(Kind.ADDED, path, null, null, is.size()));
                count(folders, path, new FolderCounts(0, 0, 1, 0, 0, 0, 0));
            }
        }
        removedBySize.values().forEach(paths -> paths.forEach(path -> {
            changes.add(new FileChange(Kind.REMOVED, path, null, oldFiles.get(path).size(), null));
            count(folders, path, new FolderCounts(0, 0, 0, 1, 0, 0, 0));
        }));
        changes.sort((a, b) -> a.path().compareTo(b.path()));
        List<String> problems = new ArrayList<>();
        List<FileChange> withImages = images(changes, before, oldFiles, after, newFiles, problems);
        return new DirectoryDiff(before.name(), after.name(), withImages, folders, unchanged, problems);
    }

    /** The first removed path of the same size and content, taken from the list; null when there is none. */
    private static String takeSameContent(LinkedList<String> sameSize, Map<String, TreeFile> oldFiles, TreeFile added) {
        if (sameSize == null) {
            return null;
        }
        for (Iterator<String> it = sameSize.iterator(); it.hasNext(); ) {
            String path = it.next();
            if (oldFiles.get(path).contentId().equals(added.contentId())) {
                it.remove();
                return path;
            }
        }
        return null;
    }

    private static void count(Map<String, FolderCounts> folders, String path, FolderCounts counts) {
        int slash = path.lastIndexOf('/');
        folders.merge(slash < 0 ? "" : path.substring(0, slash), counts, FolderCounts::plus);
    }

    private static List<FileChange> images(List<FileChange> changes, FileTree before, Map<String, TreeFile> oldFiles,
                                           FileTree after, Map<String, TreeFile> newFiles, List<String> problems) {
        int[] thumbnails = {0};
        List<FileChange> result = new ArrayList<>(changes.size());
        for (FileChange change : changes) {
            String newPath = change.newPath() != null ? change.newPath() : change.path();
            if (!ImageProbe.isImage(change.path()) && !ImageProbe.isImage(newPath)) {
                result.add(change);
                continue;
            }
            boolean thumbnail = change.kind() != Kind.RENAMED && thumbnails[0] < THUMBNAILS;
            if (thumbnail) {
                thumbnails[0]++;
            }
            ImageInfo was = change.kind() == Kind.ADDED ? null
                    : probe(before, change.path(), oldFiles.get(change.path()), thumbnail, problems);
            ImageInfo is = change.kind() == Kind.REMOVED ? null
                    : change.kind() == Kind.RENAMED ? was : probe(after, newPath, newFiles.get(newPath), thumbnail, problems);
            result.add(new FileChange(change.kind(), change.path(), change.newPath(), change.oldSize(), change.newSize(), was, is));
        }
        return result;
    }

    private static ImageInfo probe(FileTree tree, String path, TreeFile file, boolean thumbnail, List<String> problems) {
        try {
            return ImageProbe.probe(file, thumbnail);
        } catch (IOException | RuntimeException failure) {
            problems.add(tree.name() + "/" + path + ": not a readable image (" + failure.getMessage() + ")");
            return null;
        }
    }
}
