package dev.atoll.artifacts;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ArtifactStore} adapter promises. Subclasses supply a fresh, empty store; the
 * local adapter's test and the S3 adapter's IT (against a real S3 API server) both run all of it.
 */
public abstract class AbstractArtifactStoreContractTest {
    /** Larger than the S3 adapter's smallest part size, so puts of this size take the multipart path. */
    protected static final int LARGE = 12 * 1024 * 1024 + 7;

    protected ArtifactStore store;

    protected abstract ArtifactStore createStore() throws Exception;

    @BeforeEach
    void setUpStore() throws Exception {
        store = createStore();
    }

    protected static ArtifactPath path(String path) {
        return ArtifactPath.parse(path);
    }

    protected static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    protected String read(String path) throws IOException {
        try (InputStream in = store.open(path(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void putThenOpenReturnsTheContent() throws IOException {
        store.put(path("1/run/artifacts/model/MLmodel"), text("flavors: {}"));

        assertThat(read("1/run/artifacts/model/MLmodel")).isEqualTo("flavors: {}");
    }

    @Test
    void putReplacesAFile() throws IOException {
        store.put(path("a/file.txt"), text("old"));
        store.put(path("a/file.txt"), text("new"));

        assertThat(read("a/file.txt")).isEqualTo("new");
    }

    @Test
    void emptyFilesAreFiles() throws IOException {
        store.put(path("empty"), text(""));

        assertThat(read("empty")).isEmpty();
        assertThat(store.stat(path("empty"))).contains(ArtifactEntry.file(path("empty"), 0));
    }

    @Test
    void aPutWhoseStreamFailsKeepsTheOldContent() throws IOException {
        store.put(path("a/file.txt"), text("old"));

        assertThatThrownBy(() -> store.put(path("a/file.txt"), failingAfter(LARGE - 1000)))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> store.put(path("a/other.txt"), failingAfter(10)))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(read("a/file.txt")).isEqualTo("old");
        assertThat(store.stat(path("a/other.txt"))).isEmpty();
        assertThat(store.list(path("a"))).extracting(e -> e.path().toString()).containsExactly("a/file.txt");
    }

    @Test
    void largeContentStreamsThroughUnchanged() throws Exception {
        store.put(path("big/blob.bin"), new PatternStream(LARGE));

        assertThat(store.stat(path("big/blob.bin"))).contains(ArtifactEntry.file(path("big/blob.bin"), LARGE));
        try (InputStream in = store.open(path("big/blob.bin"))) {
            assertThat(sha256(in)).isEqualTo(sha256(new PatternStream(LARGE)));
        }
    }

    @Test
    void listShowsDirectChildrenSortedWithSizes() {
        store.put(path("r/artifacts/b.txt"), text("bb"));
        store.put(path("r/artifacts/a.txt"), text("a"));
        store.put(path("r/artifacts/model/MLmodel"), text("m"));
        store.put(path("r/artifacts/model/data/w.bin"), text("www"));

        assertThat(store.list(path("r/artifacts"))).containsExactly(
                ArtifactEntry.file(path("r/artifacts/a.txt"), 1),
                ArtifactEntry.file(path("r/artifacts/b.txt"), 2),
                ArtifactEntry.directory(path("r/artifacts/model")));
        assertThat(store.list(path("r/artifacts/model"))).containsExactly(
                ArtifactEntry.file(path("r/artifacts/model/MLmodel"), 1),
                ArtifactEntry.directory(path("r/artifacts/model/data")));
        assertThat(store.list(ArtifactPath.ROOT)).containsExactly(ArtifactEntry.directory(path("r")));
    }

    @Test
    void listOfAMissingDirectoryOrOfAFileIsEmpty() {
        store.put(path("r/file"), text("x"));

        assertThat(store.list(path("nothing/here"))).isEmpty();
        assertThat(store.list(path("r/file"))).isEmpty();
    }

    @Test
    void siblingPrefixesAreNotChildren() {
        store.put(path("run1/a"), text("1"));
        store.put(path("run10/b"), text("10"));

        assertThat(store.list(path("run1"))).extracting(e -> e.path().toString()).containsExactly("run1/a");
    }

    @Test
    void statTellsFilesFromDirectories() {
        store.put(path("d/f"), text("xyz"));

        assertThat(store.stat(path("d/f"))).contains(ArtifactEntry.file(path("d/f"), 3));
        assertThat(store.stat(path("d"))).contains(ArtifactEntry.directory(path("d")));
        assertThat(store.stat(path("d/missing"))).isEmpty();
    }

    @Test
    void openOfAMissingFileOrADirectoryIsNotFound() {
        store.put(path("d/f"), text("x"));

        assertThatThrownBy(() -> store.open(path("d/missing"))).isInstanceOf(AtollException.class)
                .satisfies(e -> assertThat(((AtollException) e).code()).isEqualTo(ErrorCode.RESOURCE_DOES_NOT_EXIST));
        assertThatThrownBy(() -> store.open(path("d"))).isInstanceOf(AtollException.class)
                .satisfies(e -> assertThat(((AtollException) e).code()).isEqualTo(ErrorCode.RESOURCE_DOES_NOT_EXIST));
    }

    @Test
    void deleteRemovesAFileOrATree() {
        store.put(path("r/keep"), text("k"));
        store.put(path("r/gone"), text("g"));
        store.put(path("r/tree/a"), text("a"));
        store.put(path("r/tree/sub/b"), text("b"));

        store.delete(path("r/gone"));
        store.delete(path("r/tree"));
        store.delete(path("r/never-was"));

        assertThat(store.list(path("r"))).extracting(e -> e.path().toString()).containsExactly("r/keep");
        assertThat(store.stat(path("r/tree/sub/b"))).isEmpty();
    }

    @Test
    void aPutAtTheRootIsRefused() {
        assertThatThrownBy(() -> store.put(ArtifactPath.ROOT, text("x"))).isInstanceOf(AtollException.class)
                .hasMessageContaining("needs a name");
    }

    @Test
    void multipartUploadJoinsItsPartsInOrder() throws IOException {
        ArtifactPath target = path("r/artifacts/model.bin");
        String uploadId = store.createMultipartUpload(target);
        byte[] first = new PatternStream(6 * 1024 * 1024).readAllBytes();
        String etag2 = store.uploadPart(target, uploadId, 2, text("-tail"));
        String etag1 = store.uploadPart(target, uploadId, 1, new ByteArrayInputStream(first));

        assertThat(store.stat(target)).as("invisible until completed").isEmpty();
        store.completeMultipartUpload(target, uploadId,
                List.of(new ArtifactStore.CompletedPart(2, etag2), new ArtifactStore.CompletedPart(1, etag1)));

        try (InputStream in = store.open(target)) {
            byte[] all = in.readAllBytes();
            assertThat(all).hasSize(first.length + 5);
            assertThat(new String(all, first.length, 5, StandardCharsets.UTF_8)).isEqualTo("-tail");
        }
    }

    @Test
    void completingWithAnUnknownEtagFailsAndWritesNothing() {
        ArtifactPath target = path("r/x.bin");
        String uploadId = store.createMultipartUpload(target);
        store.uploadPart(target, uploadId, 1, text("part"));

        assertThatThrownBy(() -> store.completeMultipartUpload(target, uploadId,
                List.of(new ArtifactStore.CompletedPart(1, "0123456789abcdef0123456789abcdef"))))
                .isInstanceOf(AtollException.class)
                .satisfies(e -> assertThat(((AtollException) e).code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE));
        assertThat(store.stat(target)).isEmpty();
    }

    @Test
    void anAbortedUploadLeavesNothingAndIsGone() {
        ArtifactPath target = path("r/y.bin");
        String uploadId = store.createMultipartUpload(target);
        String etag = store.uploadPart(target, uploadId, 1, text("part"));

        store.abortMultipartUpload(target, uploadId);

        assertThat(store.stat(target)).isEmpty();
        assertThatThrownBy(() -> store.completeMultipartUpload(target, uploadId, List.of(new ArtifactStore.CompletedPart(1, etag))))
                .isInstanceOf(AtollException.class);
    }

    protected static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** A stream that delivers {@code bytes} bytes and then fails, like a client that disconnects mid-upload. */
    protected static InputStream failingAfter(int bytes) {
        return new InputStream() {
            private final InputStream content = new PatternStream(bytes);

            @Override
            public int read() throws IOException {
                int b = content.read();
                if (b < 0) {
                    throw new IOException("connection reset by test");
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = content.read(buffer, offset, length);
                if (n < 0) {
                    throw new IOException("connection reset by test");
                }
                return n;
            }
        };
    }
}
