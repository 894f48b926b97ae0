package dev.atoll.diff.dir;

import dev.atoll.diff.dir.DirectoryDiff.FileChange;
import dev.atoll.diff.dir.DirectoryDiff.FolderCounts;
import dev.atoll.diff.dir.DirectoryDiff.Kind;
import dev.atoll.errors.AtollException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compares two directory trees by content. A path on both sides is modified when its bytes differ
 * (a size difference decides without hashing); a removed and an added file with the same SHA-256
 * are a rename (paired in path order when several share content). Symbolic links are not followed.
 */
public final class DirectoryDiffer {
    private DirectoryDiffer() {
    }

    public static DirectoryDiff diff(Path before, Path after) {
        Map<String, Path> oldFiles = files(before);
        Map<String, Path> newFiles = files(after);
        List<FileChange> changes = new ArrayList<>();
        Map<String, FolderCounts> folders = new TreeMap<>();
        long unchanged = 0;
        Map<String, Deque<String>> removedByHash = new HashMap<>();
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, Path> entry : oldFiles.entrySet()) {
            String path = entry.getKey();
            Path now = newFiles.get(path);
            if (now == null) {
                removedByHash.computeIfAbsent(sha256(entry.getValue()), h -> new ArrayDeque<>()).add(path);
                continue;
            }
            if (size(entry.getValue()) == size(now) && sha256(entry.getValue()).equals(sha256(now))) {
                unchanged++;
                count(folders, path, null);
            } else {
                changes.add(new FileChange(Kind.MODIFIED, path, null, size(entry.getValue()), size(now)));
                count(folders, path, Kind.MODIFIED);
            }
        }
        for (String path : newFiles.keySet()) {
            if (!oldFiles.containsKey(path)) {
                added.add(path);
            }
        }
        for (String path : added) {
            Deque<String> sameContent = removedByHash.get(sha256(newFiles.get(path)));
            if (sameContent != null && !sameContent.isEmpty()) {
                String from = sameContent.poll();
                changes.add(new FileChange(Kind.RENAMED, from, path, size(oldFiles.get(from)), size(newFiles.get(path))));
                count(folders, path, Kind.RENAMED);
            } else {
                changes.add(new FileChange(Kind.ADDED, path, null, null, size(newFiles.get(path))));
                count(folders, path, Kind.ADDED);
            }
        }
        removedByHash.values().forEach(paths -> paths.forEach(path -> {
            changes.add(new FileChange(Kind.REMOVED, path, null, size(oldFiles.get(path)), null));
            count(folders, path, Kind.REMOVED);
        }));
        changes.sort((a, b) -> a.path().compareTo(b.path()));
        return new DirectoryDiff(before.toString(), after.toString(), changes, folders, unchanged);
    }

    private static void count(Map<String, FolderCounts> folders, String path, Kind kind) {
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash);
        folders.merge(folder, new FolderCounts(0, 0, 0, 0, 0).plus(kind), (a, b) -> a.plus(kind));
    }

    private static Map<String, Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            throw AtollException.invalidParameter(root + " is not a directory — compare two directories, or two table files");
        }
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                files.put(relative, file);
            });
        } catch (IOException | UncheckedIOException failure) {
            throw AtollException.invalidParameter("directory " + root + " cannot be read (" + failure.getMessage()
                    + ") — check its permissions");
        }
        return files;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException failure) {
            throw unreadable(file, failure);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException failure) {
            throw unreadable(file, failure);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    private static AtollException unreadable(Path file, IOException failure) {
        return AtollException.invalidParameter("file " + file + " cannot be read (" + failure.getMessage() + ") — check its permissions");
    }
}
