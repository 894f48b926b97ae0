package dev.atoll.diff.dir;

import java.util.SortedMap;

/**
 * A tree of files to compare: a directory on disk ({@link LocalTree}) or a folder of a git revision
 * ({@code dev.atoll.diff.git.GitRevisionTree}).
 */
public interface FileTree {
    /** What the tree is, for reports: a directory path, or {@code REV:path} in a repository. */
    String name();

    /** Every regular file by its path relative to the tree's root ({@code /} separators), in path order. */
    SortedMap<String, TreeFile> files();
}
