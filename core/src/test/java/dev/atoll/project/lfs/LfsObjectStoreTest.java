package dev.atoll.project.lfs;

import org.eclipse.jgit.lfs.LfsPointer;
import org.eclipse.jgit.lfs.lib.LongObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LfsObjectStoreTest {
    @TempDir
    Path dir;

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void addHashesAndCopiesFilesLargerThanOneBufferIntoTheGitLfsLayout() throws Exception {
        byte[] data = random(LfsObjectStore.BUFFER_SIZE * 2 + 12345, 7);
        Path file = Files.write(dir.resolve("data.bin"), data);
        LfsObjectStore store = new LfsObjectStore(dir.resolve("lfs"));

        LfsPointer pointer = store.add(file);

        String oid = sha256(data);
        assertThat(pointer.getOid().name()).isEqualTo(oid);
        assertThat(pointer.getSize()).isEqualTo(data.length);
        assertThat(store.objectPath(pointer)).isEqualTo(dir.resolve("lfs/objects/" + oid.substring(0, 2) + "/" + oid.substring(2, 4) + "/" + oid));
        assertThat(Files.readAllBytes(store.objectPath(pointer))).isEqualTo(data);
        assertThat(store.contains(pointer)).isTrue();
        assertThat(store.add(file)).isEqualTo(pointer);
        try (var leftovers = Files.list(dir.resolve("lfs/tmp"))) {
            assertThat(leftovers).isEmpty();
        }
    }

    @Test
    void theKernelCopyFallbackStoresTheSameObjectAsDirectWrites() throws Exception {
        byte[] data = random(LfsObjectStore.BUFFER_SIZE + 4097, 11);
        Path file = Files.write(dir.resolve("data.bin"), data);

        LfsPointer direct = new LfsObjectStore(dir.resolve("direct")).add(file);
        LfsObjectStore fallbackStore = new LfsObjectStore(dir.resolve("fallback"), false);
        LfsPointer fallback = fallbackStore.add(file);

        assertThat(fallback).isEqualTo(direct);
        assertThat(Files.readAllBytes(fallbackStore.objectPath(fallback))).isEqualTo(data);
    }

    @Test
    void addsEmptyFiles() throws Exception {
        LfsObjectStore store = new LfsObjectStore(dir.resolve("lfs"));

        LfsPointer pointer = store.add(Files.write(dir.resolve("empty"), new byte[0]));

        assertThat(pointer.getOid().name()).isEqualTo(sha256(new byte[0]));
        assertThat(Files.size(store.objectPath(pointer))).isZero();
    }

    @Test
    void receiveRefusesACorruptDownloadAndStoresNothing() throws Exception {
        byte[] data = random(100_000, 3);
        LfsObjectStore store = new LfsObjectStore(dir.resolve("lfs"));
        LfsPointer expected = new LfsPointer(LongObjectId.fromString(sha256(data)), data.length);
        data[500] ^= 1;

        assertThatThrownBy(() -> store.receive(new ByteArrayInputStream(data), expected)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("LFS object " + expected.getOid().name() + " arrived as ")
                .hasMessageEndingWith("the transfer was corrupted; fetch again");
        assertThat(store.contains(expected)).isFalse();

        data[500] ^= 1;
        assertThat(store.receive(new ByteArrayInputStream(data), expected)).isEqualTo(expected);
        assertThat(store.contains(expected)).isTrue();
    }

    @Test
    void refusesObjectIdsThatCouldEscapeTheStore() {
        assertThatThrownBy(() -> new LfsObjectStore(dir).objectPath("../../etc/passwd")).hasMessageContaining("is not a SHA-256 object id");
    }

    @Test
    void derivesTheLfsEndpointOfARemoteAsGitLfsDoes() {
        assertThat(LfsBatchClient.endpointOf("https://gitlab.example.org/team/data")).hasToString("https://gitlab.example.org/team/data.git/info/lfs");
        assertThat(LfsBatchClient.endpointOf("https://gitlab.example.org/team/data.git/")).hasToString("https://gitlab.example.org/team/data.git/info/lfs");
    }
}
