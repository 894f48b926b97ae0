package dev.atoll.diff;

import dev.atoll.diff.dir.DirectoryDiff;
import dev.atoll.diff.dir.DirectoryDiffer;
import dev.atoll.diff.dir.FileTree;
import dev.atoll.diff.dir.LocalTree;
import dev.atoll.diff.dir.TreeFile;
import dev.atoll.diff.git.GitRevisions;
import dev.atoll.errors.AtollException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one entry point of {@code atoll diff}: two files give a table diff, two directories a
 * directory diff (with table diffs of the modified table files), and two revisions of a git
 * repository either, depending on the paths asked for.
 */
public final class DataDiffer {
    /** Extensions read as tables: a single path of a repository, the modified files of a directory diff. */
    static final Set<String> TABLE_EXTENSIONS = Set.of("csv", "tsv", "tab", "psv", "txt", "jsonl", "ndjson");
    /** Modified table files of a directory diff that get a table diff (in path order); the report says when there were more. */
    public static final int MAX_TABLE_DIFFS = 10;

    private DataDiffer() {
    }

    /** Two table files, or two directories. */
    public static DataDiff paths(Path before, Path after, String key, TableFileDiffer.Limits limits, DiffProgress progress) {
        boolean oldDir = Files.isDirectory(before);
        boolean newDir = Files.isDirectory(after);
        if (oldDir && newDir) {
            return withTables(LocalTree.of(before), LocalTree.of(after), key, limits, progress);
        }
        if (oldDir || newDir) {
            throw AtollException.invalidParameter((oldDir ? before : after) + " is a directory and " + (oldDir ? after : before)
                    + " is not — compare two table files or two directories");
        }
        return DataDiff.of(TableFileDiffer.diff(before, after, key, limits, progress));
    }

    /**
     * Two revisions of the repository in {@code repository}: a table diff when {@code paths} is one
     * table file present in both, else a directory diff of the files under {@code paths} (all when empty).
     */
    public static DataDiff revisions(Path repository, String before, String after, List<String> paths, String key,
                                     TableFileDiffer.Limits limits, DiffProgress progress) {
        try (GitRevisions revisions = GitRevisions.open(repository)) {
            if (paths.size() == 1 && isTable(paths.get(0))) {
                String path = paths.get(0);
                TreeFile was = revisions.file(before, path);
                TreeFile is = revisions.file(after, path);
                if (was != null && is != null) {
                    return DataDiff.of(tables(before + ":" + path, was, after + ":" + path, is, key, limits, progress));
                }
            }
            FileTree oldTree = revisions.tree(before, paths);
            FileTree newTree = revisions.tree(after, paths);
            if (!paths.isEmpty() && oldTree.files().isEmpty() && newTree.files().isEmpty()) {
                throw AtollException.notFound("no file under " + String.join(", ", paths) + " in " + before + " or " + after
                        + " of " + repository + " — check the paths (relative to the repository's root)");
            }
            return withTables(oldTree, newTree, key, limits, progress);
        }
    }

    /** The directory diff, and a table diff of each of its first {@value #MAX_TABLE_DIFFS} modified table files. */
    private static DataDiff withTables(FileTree before, FileTree after, String key, TableFileDiffer.Limits limits,
                                       DiffProgress progress) {
        DirectoryDiff directory = DirectoryDiffer.diff(before, after);
        List<String> modified = directory.changes().stream()
                .filter(change -> change.kind() == DirectoryDiff.Kind.MODIFIED && isTable(change.path()))
                .map(DirectoryDiff.FileChange::path).toList();
        List<TableDiff> tables = new ArrayList<>();
        for (String path : modified.subList(0, Math.min(MAX_TABLE_DIFFS, modified.size()))) {
            tables.add(tables(name(before, path), before.files().get(path), name(after, path), after.files().get(path), key, limits,
                    progress));
        }
        if (modified.size() > MAX_TABLE_DIFFS) {
            directory = directory.withProblem((modified.size() - MAX_TABLE_DIFFS) + " more modified table files were not diffed (only the first "
                    + MAX_TABLE_DIFFS + " are) — compare one with a single PATH");
        }
        return DataDiff.of(directory, tables);
    }

    /** {@code REV:path} for a revision, {@code dir/path} for a directory. */
    private static String name(FileTree tree, String path) {
        return tree instanceof LocalTree ? tree.name() + "/" + path : tree.name().replaceFirst(":.*", "") + ":" + path;
    }

    static boolean isTable(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') && TABLE_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Diffs two files of trees: in place when they are on disk (a fetched LFS object), else copied to a temporary folder. */
    private static TableDiff tables(String beforeName, TreeFile before, String afterName, TreeFile after, String key,
                                    TableFileDiffer.Limits limits, DiffProgress progress) {
        Path temp = null;
        try {
            Path oldFile = before.localPath();
            Path newFile = after.localPath();
            if (oldFile == null || newFile == null) {
                temp = Files.createTempDirectory(limits.spillDirectory(), "atoll-diff-files-");
            }
            if (oldFile == null) {
                oldFile = copy(before, temp.resolve("old"));
            }
            if (newFile == null) {
                newFile = copy(after, temp.resolve("new"));
            }
            return TableFileDiffer.diff(oldFile, beforeName, newFile, afterName, key, limits, progress);
        } catch (IOException failure) {
            throw AtollException.invalidParameter("cannot copy the files out of git into " + limits.spillDirectory() + " ("
                    + failure.getMessage() + ") — set java.io.tmpdir to a writable folder with room for both files");
        } finally {
            delete(temp);
        }
    }

    private static Path copy(TreeFile file, Path target) throws IOException {
        try (InputStream in = file.open()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // Temporary copies only; a leftover does no harm beyond its space.
        }
    }
}
