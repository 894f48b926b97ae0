package dev.atoll.project.lfs;

import com.sun.nio.file.ExtendedOpenOption;
import org.eclipse.jgit.lfs.LfsPointer;
import org.eclipse.jgit.lfs.lib.LongObjectId;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The local Git LFS object store, laid out as git-lfs and JGit lay it out
 * ({@code .git/lfs/objects/ab/cd/abcd…}), so objects written here are found by both, and theirs here.
 * <p>
 * Adding a file must hash it (SHA-256, about 1.1–1.6 GB/s with the CPU's SHA instructions) and copy it
 * into the store. The two run side by side: one thread hashes the file through a
 * {@value #BUFFER_SIZE}-byte buffer while another copies it into a temporary file, and the object is
 * published only if the file did not change meanwhile. The copy is written with {@code O_DIRECT}, past
 * the page cache: on the machines measured, filling fresh page-cache pages ran at 0.15–0.6 GB/s (first
 * touch of guest memory in a VM), direct writes at 0.8–1.4 GB/s; and a large object that is not read
 * again soon has no business evicting the page cache. Where the file system refuses {@code O_DIRECT}
 * (tmpfs, some FUSE file systems) the kernel copies file to file instead
 * ({@link FileChannel#transferTo}, i.e. {@code copy_file_range}). Memory is two buffers whatever the
 * file size.
 * Streams (downloads) are hashed and written in one loop, checked against the expected pointer.
 */
public final class LfsObjectStore {
    static final int BUFFER_SIZE = 4 << 20;

    private final Path root;
    private final boolean directWrites;

    public LfsObjectStore(Path lfsRoot) {
        this(lfsRoot, true);
    }

    /** {@code directWrites = false} copies with the kernel's file-to-file copy only (the fallback, for tests). */
    LfsObjectStore(Path lfsRoot, boolean directWrites) {
        this.root = lfsRoot;
        this.directWrites = directWrites;
    }

    public static LfsObjectStore of(Repository repository) {
        return new LfsObjectStore(repository.getDirectory().toPath().resolve("lfs"));
    }

    public Path objectPath(String oid) {
        if (!LongObjectId.isId(oid)) {
            throw new IllegalArgumentException("'" + oid + "' is not a SHA-256 object id (64 hex digits)");
        }
        return root.resolve("objects").resolve(oid.substring(0, 2)).resolve(oid.substring(2, 4)).resolve(oid);
    }

    public Path objectPath(LfsPointer pointer) {
        return objectPath(pointer.getOid().name());
    }

    /** Whether the object is present with the pointer's size. */
    public boolean contains(LfsPointer pointer) {
        Path file = objectPath(pointer);
        try {
            return Files.isRegularFile(file) && Files.size(file) == pointer.getSize();
        } catch (IOException e) {
            return false;
        }
    }

    public InputStream open(LfsPointer pointer) throws IOException {
        return Files.newInputStream(objectPath(pointer));
    }

    /** Stores a file's content and returns its pointer; an object already present is kept. */
    public LfsPointer add(Path file) throws IOException {
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
        Path tmp = newTempFile();
        ExecutorService copier = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lfs-copy");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Long> copied = copier.submit(() -> copy(file, tmp));
            MessageDigest digest = sha256();
            byte[] buffer = new byte[BUFFER_SIZE];
            long size = 0;
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                for (int length; (length = fill(in, buffer)) > 0; ) {
                    digest.update(buffer, 0, length);
                    size += length;
                }
            }
            long copiedBytes = await(copied);
            BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
            if (copiedBytes != size || after.size() != before.size() || !after.lastModifiedTime().equals(before.lastModifiedTime())) {
                throw new IOException(file + " changed while it was being added to the LFS store — add it again once nothing writes to it");
            }
            return publish(tmp, new LfsPointer(LongObjectId.fromString(HexFormat.of().formatHex(digest.digest())), size));
        } finally {
            copier.shutdownNow();
            Files.deleteIfExists(tmp);
        }
    }

    /** Stores a stream (e.g. a download), checking that it hashes to the expected pointer. */
    public LfsPointer receive(InputStream in, LfsPointer expected) throws IOException {
        Path tmp = newTempFile();
        try {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[BUFFER_SIZE];
            long size = 0;
            ReadableByteChannel source = Channels.newChannel(in);
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                for (int length; (length = fill(source, buffer)) > 0; ) {
                    digest.update(buffer, 0, length);
                    ByteBuffer view = ByteBuffer.wrap(buffer, 0, length);
                    while (view.hasRemaining()) {
                        out.write(view);
                    }
                    size += length;
                }
            }
            LfsPointer actual = new LfsPointer(LongObjectId.fromString(HexFormat.of().formatHex(digest.digest())), size);
            if (!actual.equals(expected)) {
                throw new IOException("LFS object " + expected.getOid().name() + " arrived as " + actual.getOid().name() + " (" + size
                        + " bytes, expected " + expected.getSize() + ") — the transfer was corrupted; fetch again");
            }
            return publish(tmp, actual);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path newTempFile() throws IOException {
        return Files.createTempFile(Files.createDirectories(root.resolve("tmp")), "incoming-", ".tmp");
    }

    private LfsPointer publish(Path tmp, LfsPointer pointer) throws IOException {
        Path target = objectPath(pointer);
        if (Files.isRegularFile(target) && Files.size(target) == pointer.getSize()) {
            return pointer;
        }
        Files.createDirectories(target.getParent());
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return pointer;
    }

    /** Copies {@code file} into {@code tmp} with direct writes, or with the kernel's copy where they are refused. */
    private long copy(Path file, Path tmp) throws IOException {
        if (directWrites) {
            try {
                return directCopy(file, tmp);
            } catch (IOException refused) {
                // the file system does not take O_DIRECT (or this block size): copy through the page cache
            }
        }
        return kernelCopy(file, tmp);
    }

    /**
     * Reads through the page cache, writes with {@code O_DIRECT}: block-aligned buffer, block-sized
     * writes, the last one padded and the file then truncated to the real size.
     */
    private static long directCopy(Path file, Path tmp) throws IOException {
        int block = Math.toIntExact(Files.getFileStore(tmp).getBlockSize());
        if (block <= 0 || BUFFER_SIZE % block != 0) {
            throw new IOException("block size " + block + " does not divide the buffer size " + BUFFER_SIZE);
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE + block).alignedSlice(block).limit(BUFFER_SIZE).slice();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                     ExtendedOpenOption.DIRECT)) {
            long size = 0;
            boolean end = false;
            while (!end) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    if (in.read(buffer) < 0) {
                        end = true;
                        break;
                    }
                }
                int length = buffer.position();
                size += length;
                int padded = (length + block - 1) / block * block;
                while (buffer.position() < padded) {
                    buffer.put((byte) 0);
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            out.truncate(size);
            return size;
        }
    }

    private static long kernelCopy(Path file, Path tmp) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long position = 0;
            for (long moved; (moved = in.transferTo(position, Long.MAX_VALUE - position, out)) > 0; ) {
                position += moved;
            }
            return position;
        }
    }

    /** Reads until the buffer is full or the stream ends; returns the bytes read, or -1 at the end. */
    private static int fill(ReadableByteChannel in, byte[] buffer) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer);
        while (target.hasRemaining()) {
            if (in.read(target) < 0) {
                break;
            }
        }
        return target.position() == 0 ? -1 : target.position();
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("copying into the LFS store failed", e.getCause());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
