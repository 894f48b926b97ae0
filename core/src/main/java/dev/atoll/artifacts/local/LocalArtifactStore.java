package dev.atoll.artifacts.local;

import dev.atoll.artifacts.ArtifactEntry;
import dev.atoll.artifacts.ArtifactPath;
import dev.atoll.artifacts.ArtifactStore;
import dev.atoll.errors.AtollException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Artifacts in a local directory, the embedded default. Layout: {@code <dir>/<path>} for files, as
 * MLflow's {@code --artifacts-destination} lays them out, and {@code <dir>/.atoll-uploads/} for files
 * being written and multipart parts (inside the root, so on the same file system and the final move
 * is atomic). That name is reserved: it is never listed and no request can address it.
 *
 * <p>Symlinks are never followed: a path that passes through a symlink, or names one, is refused
 * with INVALID_PARAMETER_VALUE, because a link planted in the tree (by another tool, or a restored
 * backup) would otherwise let a safe-looking path reach outside the root.
 */
public final class LocalArtifactStore implements ArtifactStore {
    private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String TARGET_FILE = "target";
    /** The staging directory below the root; not a name any artifact may have. */
    public static final String UPLOADS = ".atoll-uploads";

    private final Path root;
    private final Path uploads;

    public LocalArtifactStore(Path directory) {
        try {
            this.root = Files.createDirectories(directory).toRealPath();
            this.uploads = Files.createDirectories(root.resolve(UPLOADS));
            if (!Files.isDirectory(uploads, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(uploads + " is not a plain directory (a symbolic link?); remove it and start again");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the artifact directory " + directory, e);
        }
        sweepStagingFiles();
    }

    /** Staging files left by a process that died mid-upload are never completed: drop them at start. */
    private void sweepStagingFiles() {
        try (Stream<Path> files = Files.list(uploads)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith("put-") && name.endsWith(".tmp")) {
                    deleteQuietly(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uploads, e);
        }
    }

    /** The directory that holds the artifact files. */
    public Path root() {
        return root;
    }

    @Override
    public void put(ArtifactPath path, InputStream content) {
        requireFile(path);
        Path staged = newStagingFile();
        try {
            try (OutputStream out = Files.newOutputStream(staged, StandardOpenOption.WRITE)) {
                content.transferTo(out);
            }
            moveIntoPlace(staged, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store artifact " + path, e);
        } finally {
            deleteQuietly(staged);
        }
    }

    @Override
    public InputStream open(ArtifactPath path) {
        Path file = resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw AtollException.notFound("Artifact '" + path + "' does not exist or is a directory.");
        }
        try {
            return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw AtollException.notFound("Artifact '" + path + "' does not exist.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + path, e);
        }
    }

    @Override
    public Optional<ArtifactEntry> stat(ArtifactPath path) {
        Path file = resolve(path);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Optional.of(entry(path, attributes));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + path, e);
        }
    }

    @Override
    public List<ArtifactEntry> list(ArtifactPath directory) {
        Path dir = resolve(directory);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<ArtifactEntry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink() || attributes.isOther() || child.equals(uploads)) {
                    continue; // never served, so never listed
                }
                ArtifactPath childPath;
                try {
                    childPath = directory.resolve(child.getFileName().toString());
                } catch (AtollException unsafeName) {
                    continue; // a name no request could address (put there by hand) is not listed
                }
                entries.add(entry(childPath, attributes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list artifacts under " + directory, e);
        }
        entries.sort(Comparator.comparing(entry -> entry.path().toString()));
        return entries;
    }

    @Override
    public void delete(ArtifactPath path) {
        Path target = resolve(path);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            // walkFileTree does not follow links: a link inside the tree is removed, never its target.
            Files.walkFileTree(target, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(uploads) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    if (exc != null) {
                        throw exc;
                    }
                    if (!dir.equals(root) && !dir.equals(uploads)) {
                        Files.delete(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete artifact " + path, e);
        }
    }

    @Override
    public String createMultipartUpload(ArtifactPath path) {
        requireFile(path);
        resolve(path);
        String uploadId = UUID.randomUUID().toString();
        try {
            Path dir = Files.createDirectory(uploads.resolve("mpu-" + uploadId));
            Files.writeString(dir.resolve(TARGET_FILE), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a multipart upload to " + path, e);
        }
        return uploadId;
    }

    @Override
    public String uploadPart(ArtifactPath path, String uploadId, int partNumber, InputStream content) {
        Path dir = uploadDirectory(path, uploadId);
        if (partNumber < 1 || partNumber > 10_000) {
            throw AtollException.invalidParameter("Invalid part_number " + partNumber + ": it must be between 1 and 10000.");
        }
        Path staged = newStagingFile();
        try {
            MessageDigest md5 = md5();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(staged, StandardOpenOption.WRITE), md5)) {
                content.transferTo(out);
            }
            String etag = HexFormat.of().formatHex(md5.digest());
            Files.move(staged, dir.resolve("part-" + partNumber + "-" + etag), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return etag;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store part " + partNumber + " of upload " + uploadId, e);
        } finally {
            deleteQuietly(staged);
        }
    }

    @Override
    public void completeMultipartUpload(ArtifactPath path, String uploadId, List<CompletedPart> parts) {
        Path dir = uploadDirectory(path, uploadId);
        if (parts.isEmpty()) {
            throw AtollException.invalidParameter("Invalid parts: an upload needs at least one part.");
        }
        List<CompletedPart> ordered = new ArrayList<>(parts);
        ordered.sort(Comparator.comparingInt(CompletedPart::partNumber));
        Path staged = newStagingFile();
        try {
            try (OutputStream out = Files.newOutputStream(staged, StandardOpenOption.WRITE)) {
                for (CompletedPart part : ordered) {
                    Path partFile = dir.resolve("part-" + part.partNumber() + "-" + part.etag());
                    if (!part.etag().matches("[0-9a-f]{32}") || !Files.isRegularFile(partFile, LinkOption.NOFOLLOW_LINKS)) {
                        throw AtollException.invalidParameter("Invalid part " + part.partNumber() + " with etag '" + part.etag()
                                + "': no such part was uploaded to " + uploadId + ". Complete with the etags the part uploads returned.");
                    }
                    Files.copy(partFile, out);
                }
            }
            moveIntoPlace(staged, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot complete upload " + uploadId, e);
        } finally {
            deleteQuietly(staged);
        }
        deleteTree(dir);
    }

    @Override
    public void abortMultipartUpload(ArtifactPath path, String uploadId) {
        deleteTree(uploadDirectory(path, uploadId));
    }

    private Path uploadDirectory(ArtifactPath path, String uploadId) {
        if (uploadId == null || !UPLOAD_ID.matcher(uploadId).matches()) {
            throw AtollException.invalidParameter("Invalid upload_id '" + uploadId + "': it is not an id this server issued.");
        }
        Path dir = uploads.resolve("mpu-" + uploadId);
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !Files.readString(dir.resolve(TARGET_FILE)).equals(path.toString())) {
                throw AtollException.notFound("Upload '" + uploadId + "' to '" + path + "' does not exist (completed, aborted or never started).");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read upload " + uploadId, e);
        }
        return dir;
    }

    /** Moves a finished staging file to {@code path}, creating parent directories on the way. */
    private void moveIntoPlace(Path staged, ArtifactPath path) throws IOException {
        Path target = resolve(path);
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
        } catch (FileAlreadyExistsException e) {
            throw AtollException.invalidParameter("Invalid artifact path '" + path + "': a parent of it is a file.");
        }
        resolve(path); // a symlink may have appeared while the content streamed in
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw AtollException.invalidParameter("Invalid artifact path '" + path + "': it is a directory.");
        }
        try {
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the uploads and artifacts directories are on different file systems", e);
        } catch (DirectoryNotEmptyException e) {
            throw AtollException.invalidParameter("Invalid artifact path '" + path + "': it is a directory.");
        }
    }

    /**
     * The file-system path of {@code path}, refusing it if any existing component on the way is a
     * symlink (or anything but a directory, for the parents).
     */
    private Path resolve(ArtifactPath path) {
        Path current = root;
        List<String> segments = path.segments();
        if (!segments.isEmpty() && segments.get(0).equals(UPLOADS)) {
            throw AtollException.invalidParameter("Invalid artifact path '" + path + "': '" + UPLOADS
                    + "' is reserved for uploads in progress; choose another name.");
        }
        for (int i = 0; i < segments.size(); i++) {
            current = current.resolve(segments.get(i));
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                break; // nothing further exists, so nothing further can be a link
            } catch (IOException e) {
                throw new UncheckedIOException("cannot inspect " + current, e);
            }
            if (attributes.isSymbolicLink()) {
                throw AtollException.invalidParameter("Invalid artifact path '" + path + "': '"
                        + String.join("/", segments.subList(0, i + 1)) + "' is a symbolic link, which artifacts never follow.");
            }
            if (i < segments.size() - 1 && !attributes.isDirectory()) {
                throw AtollException.notFound("Artifact '" + path + "' does not exist: '"
                        + String.join("/", segments.subList(0, i + 1)) + "' is a file.");
            }
        }
        Path resolved = root.resolve(String.join("/", segments)).normalize();
        if (!resolved.startsWith(root)) {
            throw AtollException.invalidParameter("Invalid artifact path '" + path + "': it leaves the artifact root.");
        }
        return resolved;
    }

    private static void requireFile(ArtifactPath path) {
        if (path.isRoot()) {
            throw AtollException.invalidParameter("Invalid artifact path '': a file needs a name.");
        }
    }

    private static ArtifactEntry entry(ArtifactPath path, BasicFileAttributes attributes) {
        return attributes.isDirectory() ? ArtifactEntry.directory(path) : ArtifactEntry.file(path, attributes.size());
    }

    private Path newStagingFile() {
        try {
            return Files.createTempFile(uploads, "put-", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging file in " + uploads, e);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover staging file is harmless; the next start sweeps it
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
