package dev.atoll.diff.dir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** One file of a {@link FileTree}. */
public interface TreeFile {
    /** Its size in bytes (for a Git LFS pointer: the size of the object it points to). */
    long size();

    /**
     * An id of its content: equal ids mean equal bytes among the files of one kind of tree (a SHA-256
     * for files on disk, the blob id in git). May read the whole file the first time.
     */
    String contentId();

    /** Its bytes; fails naming the file and what to do when they are not at hand (an LFS object not fetched). */
    InputStream open() throws IOException;

    /** A file on disk holding exactly its bytes, when there is one (a local file, a fetched LFS object); else null. */
    default Path localPath() {
        return null;
    }
}
