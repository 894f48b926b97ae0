package dev.atoll.artifacts;

import dev.atoll.errors.AtollException;
import dev.atoll.search.PageToken;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The artifact operations the HTTP API offers: MLflow's artifact proxy ({@code mlflow-artifacts}),
 * run artifact listing and download. Every path a client sends is parsed by {@link ArtifactPath}
 * first and, for run requests, resolved below the run's own root, so no request reaches outside
 * it.
 */
public final class ArtifactService {
    /** MLflow lists run artifacts without a page limit; this keeps one response bounded. */
    public static final int LIST_PAGE_SIZE = 1000;

    private final ArtifactStore store;
    private final RunArtifactLocations runs;

    public ArtifactService(ArtifactStore store, RunArtifactLocations runs) {
        this.store = store;
        this.runs = runs;
    }

    public ArtifactStore store() {
        return store;
    }

    /** A file being downloaded: its stream (the caller closes it) and its size in bytes. */
    public record Download(InputStream content, long size, String name) {
    }

    /** A page of a run's artifact listing; paths are relative to the run's artifact root. */
    public record RunListing(String rootUri, List<ArtifactEntry> files, String nextPageToken) {
    }

    // ---- the mlflow-artifacts proxy: paths relative to the store root

    public void upload(String path, InputStream content) {
        store.put(ArtifactPath.parse(path), content);
    }

    public Download download(String path) {
        return open(ArtifactPath.parse(path));
    }

    /** The children of {@code path}; their paths are relative to {@code path}, as MLflow's proxy lists them. */
    public List<ArtifactEntry> list(String path) {
        ArtifactPath directory = ArtifactPath.parse(path);
        List<ArtifactEntry> entries = new ArrayList<>();
        for (ArtifactEntry entry : store.list(directory)) {
            entries.add(new ArtifactEntry(directory.relativize(entry.path()), entry.directory(), entry.size()));
        }
        return entries;
    }

    public void delete(String path) {
        ArtifactPath target = ArtifactPath.parse(path);
        if (target.isRoot()) {
            throw AtollException.invalidParameter("Invalid artifact path '': deleting the whole artifact root is not allowed.");
        }
        store.delete(target);
    }

    public String createMultipartUpload(String directory, String path) {
        return store.createMultipartUpload(ArtifactPath.parse(directory).resolve(ArtifactPath.parse(path)));
    }

    public String uploadPart(String path, String uploadId, int partNumber, InputStream content) {
        return store.uploadPart(ArtifactPath.parse(path), uploadId, partNumber, content);
    }

    public void completeMultipartUpload(String directory, String path, String uploadId, List<ArtifactStore.CompletedPart> parts) {
        store.completeMultipartUpload(ArtifactPath.parse(directory).resolve(ArtifactPath.parse(path)), uploadId, parts);
    }

    public void abortMultipartUpload(String directory, String path, String uploadId) {
        store.abortMultipartUpload(ArtifactPath.parse(directory).resolve(ArtifactPath.parse(path)), uploadId);
    }

    // ---- run artifacts: paths relative to the run's artifact root

    public RunListing listRunArtifacts(String runId, String path, String pageToken) {
        return listBelow(runs.artifactUri(runId), path, pageToken);
    }

    /** A page of the listing of {@code path} below an artifact URI (a run's or a logged model's root). */
    public RunListing listBelow(String rootUri, String path, String pageToken) {
        ArtifactPath root = ArtifactUris.storePath(rootUri);
        ArtifactPath directory = root.resolve(ArtifactPath.parse(path));
        List<ArtifactEntry> all = store.list(directory);
        int offset = PageToken.decode(pageToken);
        int end = Math.min(all.size(), offset + LIST_PAGE_SIZE);
        List<ArtifactEntry> page = new ArrayList<>();
        for (ArtifactEntry entry : all.subList(Math.min(offset, all.size()), end)) {
            page.add(new ArtifactEntry(root.relativize(entry.path()), entry.directory(), entry.size()));
        }
        return new RunListing(rootUri, page, end < all.size() ? PageToken.encode(end) : null);
    }

    public Download downloadRunArtifact(String runId, String path) {
        ArtifactPath root = ArtifactUris.storePath(runs.artifactUri(runId));
        ArtifactPath file = ArtifactPath.parse(path);
        if (file.isRoot()) {
            throw AtollException.invalidParameter("Invalid artifact path '': name a file of the run.");
        }
        return open(root.resolve(file));
    }

    /** A file below an artifact URI (a model version's source, for example). */
    public Download downloadBelow(String artifactUri, String path) {
        ArtifactPath file = ArtifactPath.parse(path);
        if (file.isRoot()) {
            throw AtollException.invalidParameter("Invalid artifact path '': name a file.");
        }
        return open(ArtifactUris.storePath(artifactUri).resolve(file));
    }

    private Download open(ArtifactPath path) {
        ArtifactEntry entry = store.stat(path).filter(e -> !e.directory())
                .orElseThrow(() -> AtollException.notFound("Artifact '" + path + "' does not exist or is a directory."));
        return new Download(store.open(path), entry.size(), path.name());
    }
}
