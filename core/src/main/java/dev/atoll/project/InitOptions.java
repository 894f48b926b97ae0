package dev.atoll.project;

import java.util.List;

/**
 * What {@code atoll init} should set up. {@code lfsPatterns} matter for data repositories (empty means
 * {@link #DEFAULT_LFS_PATTERNS}); {@code moduleName} for code repositories (null means the directory name).
 */
public record InitOptions(RepositoryKind kind, List<String> lfsPatterns, String moduleName) {
    public static final List<String> DEFAULT_LFS_PATTERNS = List.of(
            "*.csv", "*.tsv", "*.parquet", "*.json.gz", "*.zip", "*.tar.gz", "*.h5", "*.npy", "*.npz", "*.pt", "*.pkl",
            "*.png", "*.jpg", "*.jpeg", "*.wav");

    public InitOptions {
        lfsPatterns = lfsPatterns == null || lfsPatterns.isEmpty() ? DEFAULT_LFS_PATTERNS : List.copyOf(lfsPatterns);
    }
}
