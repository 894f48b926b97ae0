package dev.atoll.diff.dir;

import dev.atoll.errors.AtollException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A directory on disk; symbolic links are not followed, content ids are SHA-256 computed when first asked for. */
public final class LocalTree implements FileTree {
    private final Path root;
    private final SortedMap<String, TreeFile> files;

    private LocalTree(Path root, SortedMap<String, TreeFile> files) {
        this.root = root;
        this.files = files;
    }

    public static LocalTree of(Path root) {
        if (!Files.isDirectory(root)) {
            throw AtollException.invalidParameter(root + " is not a directory — compare two directories, or two table files");
        }
        SortedMap<String, TreeFile> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).forEach(file -> {
                String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                files.put(relative, new LocalFile(file));
            });
        } catch (IOException | UncheckedIOException failure) {
            throw AtollException.invalidParameter("directory " + root + " cannot be read (" + failure.getMessage()
                    + ") — check its permissions");
        }
        return new LocalTree(root, files);
    }

    @Override
    public String name() {
        return root.toString();
    }

    @Override
    public SortedMap<String, TreeFile> files() {
        return files;
    }

    private static final class LocalFile implements TreeFile {
        private final Path file;
        private long size = -1;
        private String sha256;

        LocalFile(Path file) {
            this.file = file;
        }

        @Override
        public long size() {
            if (size < 0) {
                try {
                    size = Files.size(file);
                } catch (IOException failure) {
                    throw unreadable(file, failure);
                }
            }
            return size;
        }

        @Override
        public String contentId() {
            if (sha256 == null) {
                try (InputStream in = open()) {
                    MessageDigest digest = MessageDigest.getInstance("SHA-256");
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                    sha256 = HexFormat.of().formatHex(digest.digest());
                } catch (IOException failure) {
                    throw unreadable(file, failure);
                } catch (NoSuchAlgorithmException impossible) {
                    throw new IllegalStateException("every JDK has SHA-256", impossible);
                }
            }
            return sha256;
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public Path localPath() {
            return file;
        }
    }

    private static AtollException unreadable(Path file, IOException failure) {
        return AtollException.invalidParameter("file " + file + " cannot be read (" + failure.getMessage() + ") — check its permissions");
    }
}
