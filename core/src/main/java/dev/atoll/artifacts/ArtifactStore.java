package dev.atoll.artifacts;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Where artifact files live. Adapters: {@code artifacts.local} (a directory, the embedded default)
 * and {@code artifacts.s3} (any S3-compatible object store). Paths are {@link ArtifactPath}s, so an
 * adapter never sees a path that leaves its root; adapters still refuse what only they can see
 * (symlinks on disk).
 *
 * <p>Content streams through: no method holds a whole file in memory, whatever its size. A put is
 * atomic: readers see the old content or the new, never a part; a put whose stream fails leaves the
 * old content in place. Errors are {@link dev.atoll.errors.AtollException}s
 * (RESOURCE_DOES_NOT_EXIST, INVALID_PARAMETER_VALUE) or {@link java.io.UncheckedIOException} for
 * failures of the storage itself.
 */
public interface ArtifactStore {

    /** Stores {@code content} (read to its end, not closed) at {@code path}, replacing a file there. */
    void put(ArtifactPath path, InputStream content);

    /** Opens the file at {@code path} for reading; the caller closes the stream. */
    InputStream open(ArtifactPath path);

    /** The file or directory at {@code path}, if there is one. */
    Optional<ArtifactEntry> stat(ArtifactPath path);

    /** The direct children of the directory {@code path}, sorted by name; empty if there is none. */
    List<ArtifactEntry> list(ArtifactPath directory);

    /** Deletes the file at {@code path}, or the directory there with everything below it; nothing there is fine. */
    void delete(ArtifactPath path);

    /** Starts a multipart upload to {@code path} and returns its id. */
    String createMultipartUpload(ArtifactPath path);

    /** Stores part {@code partNumber} (1-based) of an upload and returns its etag. */
    String uploadPart(ArtifactPath path, String uploadId, int partNumber, InputStream content);

    /** Joins the given parts, in part-number order, into the file at {@code path}, atomically. */
    void completeMultipartUpload(ArtifactPath path, String uploadId, List<CompletedPart> parts);

    /** Drops an upload and its parts. */
    void abortMultipartUpload(ArtifactPath path, String uploadId);

    /** A part as the client reports it when completing an upload. */
    record CompletedPart(int partNumber, String etag) {
    }
}
