package dev.atoll.artifacts;

import java.util.List;

/**
 * Artifact paths that try to leave their root. Sources: MLflow's advisories on artifact paths
 * (CVE-2023-1177 {@code ..} in mlflow-artifacts, CVE-2023-2780 encoded {@code ..}, CVE-2023-6014 /
 * CVE-2023-6018 absolute and {@code file:} paths, CVE-2023-6909 and CVE-2024-3848 {@code #} fragments,
 * CVE-2024-1560 absolute sub-paths in run artifact listing, CVE-2024-1594 {@code #} in model source)
 * and the usual variants (double encoding, backslashes, NUL, drive letters, UNC). Shared by the unit
 * test of {@link ArtifactPath} and the HTTP tests of the artifact routes.
 */
public final class TraversalCorpus {
    public static final List<String> PATHS = List.of(
            "..",
            "../",
            "../etc/passwd",
            "../../../../../../etc/passwd",
            "a/../../b",
            "a/b/../../../c",
            "model/..",
            "/etc/passwd",
            "//etc/passwd",
            "///etc/passwd",
            "~/x",
            "~root/.ssh/id_rsa",
            "%2e%2e/etc/passwd",
            "%2E%2E%2Fetc%2Fpasswd",
            "..%2fetc%2fpasswd",
            "..%2F..%2F..%2Fetc%2Fpasswd",
            ".%2e/x",
            "%2e./x",
            "a/%2e%2e/%2e%2e/b",
            "%2fetc%2fpasswd",
            "%252e%252e%252fetc%252fpasswd",
            "%252e%252e/etc",
            "%25252e%25252e/etc",
            "a/%252e%252e%252f%252e%252e%252fetc",
            "..\\etc\\passwd",
            "a\\..\\..\\b",
            "..%5cetc",
            "..%255cetc",
            "C:\\Windows\\win.ini",
            "C:/Windows/win.ini",
            "c:",
            "\\\\server\\share\\x",
            "file:///etc/passwd",
            "file:/etc/passwd",
            "file%3a%2f%2f%2fetc%2fpasswd",
            "s3:/bucket/key",
            "a\0b",
            "a%00b",
            "model/MLmodel\0.png",
            "%2500",
            "#/../../etc/passwd",
            "a#b",
            "model/%23/../../x",
            "foo/\n../bar",
            "a%0a..%0a",
            "a/\u007f"
    );

    private TraversalCorpus() {
    }
}
