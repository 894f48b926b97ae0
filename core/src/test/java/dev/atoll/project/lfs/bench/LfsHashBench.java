package dev.atoll.project.lfs.bench;

import dev.atoll.project.lfs.LfsObjectStore;
import org.eclipse.jgit.lfs.LfsPointer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Adds a file to an LFS store the way {@code atoll} does and prints one line:
 * {@code atoll-lfs-add <bytes> <seconds> <MB/s> <oid> <peak RSS kB>}. Run by scripts/bench/lfs-hash-bench.sh,
 * which times openssl and git-lfs on the same file in the same run. Not a test: no pass/fail.
 */
public final class LfsHashBench {
    private LfsHashBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path store = Path.of(args[1]);
        // Warm up: let the JIT compile the SHA-256 intrinsic path before the timed run. In memory
        // (/dev/shm) when there is one, so the warm-up's deleted files cost the measured disk nothing.
        Path scratch = Files.isDirectory(Path.of("/dev/shm")) ? Files.createTempDirectory(Path.of("/dev/shm"), "lfs-warm") : store.getParent();
        Path warm = Files.createTempFile(scratch, "warm", ".bin");
        byte[] block = new byte[1 << 20];
        new Random(1).nextBytes(block);
        try (var out = Files.newOutputStream(warm)) {
            for (int i = 0; i < 256; i++) {
                out.write(block);
            }
        }
        Path warmRoot = Files.createTempDirectory(scratch, "warm-store");
        LfsObjectStore warmStore = new LfsObjectStore(warmRoot);
        for (int i = 0; i < 3; i++) {
            Path added = warmStore.objectPath(warmStore.add(warm));
            Files.delete(added);
        }
        Files.delete(warm);
        try (var walk = Files.walk(warmRoot)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        if (!scratch.equals(store.getParent())) {
            Files.deleteIfExists(scratch);
        }

        LfsObjectStore lfs = new LfsObjectStore(store);
        long start = System.nanoTime();
        LfsPointer pointer = lfs.add(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("atoll-lfs-add %d %.3f %.0f %s %d%n", pointer.getSize(), seconds, pointer.getSize() / seconds / 1e6,
                pointer.getOid().name(), peakRssKb());
    }

    private static long peakRssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
