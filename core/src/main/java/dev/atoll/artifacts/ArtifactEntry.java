package dev.atoll.artifacts;

/** One entry of an artifact listing: a file with its size in bytes, or a directory (size null). */
public record ArtifactEntry(ArtifactPath path, boolean directory, Long size) {

    public static ArtifactEntry file(ArtifactPath path, long size) {
        return new ArtifactEntry(path, false, size);
    }

    public static ArtifactEntry directory(ArtifactPath path) {
        return new ArtifactEntry(path, true, null);
    }
}
