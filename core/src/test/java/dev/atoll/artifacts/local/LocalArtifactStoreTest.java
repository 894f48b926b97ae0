package dev.atoll.artifacts.local;

import dev.atoll.artifacts.AbstractArtifactStoreContractTest;
import dev.atoll.artifacts.ArtifactPath;
import dev.atoll.artifacts.ArtifactStore;
import dev.atoll.errors.AtollException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalArtifactStoreTest extends AbstractArtifactStoreContractTest {
    @TempDir
    Path dir;
    Path outside;

    @Override
    protected ArtifactStore createStore() throws Exception {
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        return new LocalArtifactStore(dir.resolve("store"));
    }

    private Path root() {
        return ((LocalArtifactStore) store).root();
    }

    @Test
    void refusesPathsThroughASymlinkedDirectory() throws Exception {
        Files.createDirectories(root().resolve("run"));
        Files.createSymbolicLink(root().resolve("run/link"), outside);

        assertThatThrownBy(() -> store.open(path("run/link/secret.txt"))).isInstanceOf(AtollException.class)
                .hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> store.put(path("run/link/planted.txt"), text("x"))).isInstanceOf(AtollException.class);
        assertThatThrownBy(() -> store.list(path("run/link"))).isInstanceOf(AtollException.class);
        assertThatThrownBy(() -> store.delete(path("run/link/secret.txt"))).isInstanceOf(AtollException.class);

        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("secret");
        assertThat(outside.resolve("planted.txt")).doesNotExist();
    }

    @Test
    void refusesASymlinkedFileAndDoesNotListIt() throws Exception {
        Files.createDirectories(root().resolve("run"));
        Files.writeString(root().resolve("run/real.txt"), "real");
        Files.createSymbolicLink(root().resolve("run/secret.txt"), outside.resolve("secret.txt"));

        assertThatThrownBy(() -> store.open(path("run/secret.txt"))).isInstanceOf(AtollException.class);
        assertThatThrownBy(() -> store.put(path("run/secret.txt"), text("overwrite"))).isInstanceOf(AtollException.class);
        assertThat(store.list(path("run"))).extracting(e -> e.path().toString()).containsExactly("run/real.txt");
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("secret");
    }

    @Test
    void deletingATreeRemovesLinksInsideItButNotTheirTargets() throws Exception {
        store.put(path("run/tree/a"), text("a"));
        Files.createSymbolicLink(root().resolve("run/tree/escape"), outside);

        store.delete(path("run/tree"));

        assertThat(root().resolve("run/tree")).doesNotExist();
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("secret");
    }

    @Test
    void aSymlinkedRootIsFollowedOnceAtStartOnly() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("linked"), real);
        LocalArtifactStore linked = new LocalArtifactStore(link);
        linked.put(path("a"), text("x"));

        assertThat(real.resolve("a")).hasContent("x");
    }

    @Test
    void theStagingDirectoryIsNeitherListedNorAddressable() throws Exception {
        store.put(path("a"), text("x"));
        String id = store.createMultipartUpload(path("b"));

        assertThat(store.list(ArtifactPath.ROOT)).extracting(e -> e.path().toString()).containsExactly("a");
        for (String reserved : new String[] {".atoll-uploads", ".atoll-uploads/mpu-" + id + "/target", ".atoll-uploads/x"}) {
            assertThatThrownBy(() -> store.open(path(reserved))).isInstanceOf(AtollException.class).hasMessageContaining("reserved");
            assertThatThrownBy(() -> store.put(path(reserved), text("x"))).isInstanceOf(AtollException.class).hasMessageContaining("reserved");
            assertThatThrownBy(() -> store.delete(path(reserved))).isInstanceOf(AtollException.class).hasMessageContaining("reserved");
        }
        store.delete(ArtifactPath.ROOT);

        assertThat(store.list(ArtifactPath.ROOT)).isEmpty();
        assertThat(root().resolve(".atoll-uploads/mpu-" + id)).as("an upload under way survives emptying the root").isDirectory();
        store.uploadPart(path("b"), id, 1, text("part"));
    }

    @Test
    void refusesUploadIdsItDidNotIssue() {
        assertThatThrownBy(() -> store.uploadPart(path("x"), "../../etc", 1, text("x")))
                .isInstanceOf(AtollException.class).hasMessageContaining("upload_id");
    }

    @Test
    void aRestartSweepsStagingFilesOfADeadProcess() throws Exception {
        Path leftover = Files.writeString(dir.resolve("store/.atoll-uploads/put-123.tmp"), "half an upload");

        new LocalArtifactStore(dir.resolve("store"));

        assertThat(leftover).doesNotExist();
    }

    @Test
    void leavesNoStagingFilesBehind() throws Exception {
        store.put(path("a"), text("x"));
        assertThatThrownBy(() -> store.put(path("b"), failingAfter(100))).isInstanceOf(RuntimeException.class);

        try (var files = Files.list(dir.resolve("store/.atoll-uploads"))) {
            assertThat(files).isEmpty();
        }
    }
}
