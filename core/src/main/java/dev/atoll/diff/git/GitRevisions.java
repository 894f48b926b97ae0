package dev.atoll.diff.git;

import dev.atoll.diff.dir.FileTree;
import dev.atoll.diff.dir.TreeFile;
import dev.atoll.errors.AtollException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lfs.Lfs;
import org.eclipse.jgit.lfs.LfsPointer;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.util.FS;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Revisions of a git repository (through JGit) as {@link FileTree}s. A file that is a Git LFS
 * pointer stands for the object it points to: its size is the object's, and its bytes come from
 * the repository's LFS store ({@code .git/lfs/objects}); when the object was never fetched, reading
 * it fails with what to run.
 */
public final class GitRevisions implements AutoCloseable {
    private final Path dir;
    private final Repository repository;
    private final Lfs lfs;

    private GitRevisions(Path dir, Repository repository) {
        this.dir = dir;
        this.repository = repository;
        this.lfs = new Lfs(repository);
    }

    /** Opens the repository in {@code dir} (a work tree or a bare repository). */
    public static GitRevisions open(Path dir) {
        File gitDir = RepositoryCache.FileKey.resolve(dir.toFile(), FS.DETECTED);
        if (gitDir == null) {
            throw AtollException.invalidParameter(dir + " is not a git repository — pass --repo the folder of a git clone");
        }
        try {
            return new GitRevisions(dir, new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build());
        } catch (IOException failure) {
            throw AtollException.invalidParameter("git repository " + dir + " cannot be opened (" + failure.getMessage()
                    + ") — check that it is a complete clone and readable");
        }
    }

    /** The files of a revision under the given paths (folders or files; the whole tree when none). */
    public FileTree tree(String revision, List<String> paths) {
        RevCommit commit = commit(revision);
        SortedMap<String, TreeFile> files = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            if (!paths.isEmpty()) {
                walk.setFilter(PathFilterGroup.createFromStrings(paths.stream().map(GitRevisions::normalise).toList()));
            }
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    files.put(walk.getPathString(), file(revision, walk.getPathString(), walk.getObjectId(0)));
                }
            }
        } catch (IOException failure) {
            throw unreadable(revision, failure);
        }
        String name = revision + (paths.isEmpty() ? "" : ":" + String.join(",", paths));
        return new FileTree() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public SortedMap<String, TreeFile> files() {
                return files;
            }
        };
    }

    /** The file at {@code path} in the revision, or null when the path is not a file there. */
    public TreeFile file(String revision, String path) {
        RevCommit commit = commit(revision);
        try (TreeWalk walk = TreeWalk.forPath(repository, normalise(path), commit.getTree())) {
            if (walk == null) {
                return null;
            }
            FileMode mode = walk.getFileMode(0);
            if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                return null;
            }
            return file(revision, walk.getPathString(), walk.getObjectId(0));
        } catch (IOException failure) {
            throw unreadable(revision, failure);
        }
    }

    private TreeFile file(String revision, String path, ObjectId blob) throws IOException {
        long size;
        LfsPointer pointer = null;
        try (ObjectReader reader = repository.newObjectReader()) {
            size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
            if (size <= LfsPointer.SIZE_THRESHOLD) {
                try (InputStream in = reader.open(blob, Constants.OBJ_BLOB).openStream()) {
                    pointer = LfsPointer.parseLfsPointer(in);
                }
            }
        }
        return new GitFile(revision, path, blob, size, pointer);
    }

    private RevCommit commit(String revision) {
        ObjectId id;
        try {
            id = repository.resolve(revision + "^{commit}");
        } catch (RevisionSyntaxException | IOException failure) {
            id = null;
        }
        if (id == null) {
            throw AtollException.notFound("revision '" + revision + "' is not in the git repository " + dir
                    + " — give a branch, tag or commit that `git log` shows there");
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id);
        } catch (IOException failure) {
            throw unreadable(revision, failure);
        }
    }

    private static String normalise(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private AtollException unreadable(String revision, IOException failure) {
        return AtollException.invalidParameter("revision '" + revision + "' of " + dir + " cannot be read (" + failure.getMessage()
                + ") — the clone may be incomplete; try `git fsck`");
    }

    @Override
    public void close() {
        repository.close();
    }

    /** A blob, or the LFS object its pointer names. */
    private final class GitFile implements TreeFile {
        private final String revision;
        private final String path;
        private final ObjectId blob;
        private final long blobSize;
        private final LfsPointer pointer;

        GitFile(String revision, String path, ObjectId blob, long blobSize, LfsPointer pointer) {
            this.revision = revision;
            this.path = path;
            this.blob = blob;
            this.blobSize = blobSize;
            this.pointer = pointer;
        }

        @Override
        public long size() {
            return pointer != null ? pointer.getSize() : blobSize;
        }

        @Override
        public String contentId() {
            return blob.name(); // equal pointers are equal blobs, so this holds for LFS files too
        }

        @Override
        public InputStream open() throws IOException {
            if (pointer == null) {
                return repository.open(blob, Constants.OBJ_BLOB).openStream();
            }
            return Files.newInputStream(media());
        }

        @Override
        public Path localPath() {
            if (pointer == null) {
                return null;
            }
            return media();
        }

        private Path media() {
            Path media = lfs.getMediaFile(pointer.getOid());
            if (!Files.isRegularFile(media)) {
                throw AtollException.notFound(path + " at " + revision + " is a Git LFS pointer to object " + pointer.getOid().name()
                        + ", which is not in " + lfs.getLfsObjDir() + " — run `git lfs fetch origin " + revision + "` in " + dir + " first");
            }
            return media;
        }
    }
}
