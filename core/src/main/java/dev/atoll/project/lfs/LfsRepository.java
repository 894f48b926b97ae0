package dev.atoll.project.lfs;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lfs.LfsPointer;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Large files of a data repository, through JGit: adding a file stores its content in the local LFS
 * store and stages its pointer (what {@code git add} does with git-lfs's clean filter, without running
 * one); reading resolves a committed pointer to the stored content.
 */
public final class LfsRepository {
    private final Repository repository;
    private final LfsObjectStore store;

    public LfsRepository(Repository repository) {
        this.repository = repository;
        this.store = LfsObjectStore.of(repository);
    }

    public LfsObjectStore store() {
        return store;
    }

    /** Stores the files (paths relative to the work tree) and stages their pointers; returns the pointers in order. */
    public List<LfsPointer> add(String... paths) throws IOException {
        List<LfsPointer> pointers = new ArrayList<>();
        Path root = repository.getWorkTree().toPath();
        DirCache index = repository.lockDirCache();
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            DirCacheEditor editor = index.editor();
            for (String path : paths) {
                Path file = root.resolve(path).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    throw new FileNotFoundException(path + " is not a file in the work tree " + root + " — give a path relative to the repository root");
                }
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                LfsPointer pointer = store.add(file);
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                pointer.encode(text);
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, text.toByteArray());
                String gitPath = root.relativize(file).toString().replace('\\', '/');
                editor.add(new DirCacheEditor.PathEdit(gitPath) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        entry.setFileMode(FileMode.REGULAR_FILE);
                        entry.setObjectId(blob);
                        // The index keeps the work tree file's stat data, so git sees the file as unchanged.
                        entry.setLength(attributes.size());
                        entry.setLastModified(attributes.lastModifiedTime().toInstant());
                    }
                });
                pointers.add(pointer);
            }
            inserter.flush();
            editor.commit();
        } finally {
            index.unlock();
        }
        return pointers;
    }

    /** The pointer committed at {@code path} in {@code revision}, if that file is an LFS pointer. */
    public Optional<LfsPointer> pointer(String revision, String path) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(revision);
            if (id == null) {
                throw new FileNotFoundException("revision " + revision + " does not exist");
            }
            RevCommit commit = walk.parseCommit(id);
            try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
                if (tree == null) {
                    throw new FileNotFoundException(path + " does not exist in " + revision);
                }
                return parse(repository.open(tree.getObjectId(0)));
            }
        }
    }

    /** The content of an LFS file as committed; its object must be in the local store (fetch it first). */
    public InputStream open(String revision, String path) throws IOException {
        LfsPointer pointer = pointer(revision, path).orElseThrow(() -> new IOException(path + " in " + revision + " is not an LFS pointer"));
        if (!store.contains(pointer)) {
            throw new FileNotFoundException("LFS object " + pointer.getOid().name() + " of " + path + " is not in the local store — fetch it first");
        }
        return store.open(pointer);
    }

    /** Every LFS pointer in the tree of {@code revision}, by path. */
    public TreeMap<String, LfsPointer> pointers(String revision) throws IOException {
        TreeMap<String, LfsPointer> pointers = new TreeMap<>();
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader(); TreeWalk tree = new TreeWalk(reader)) {
            ObjectId id = repository.resolve(revision);
            if (id == null) {
                throw new FileNotFoundException("revision " + revision + " does not exist");
            }
            tree.addTree(walk.parseCommit(id).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                if (tree.getFileMode(0) == FileMode.REGULAR_FILE || tree.getFileMode(0) == FileMode.EXECUTABLE_FILE) {
                    ObjectLoader loader = reader.open(tree.getObjectId(0));
                    parse(loader).ifPresent(pointer -> pointers.put(tree.getPathString(), pointer));
                }
            }
        }
        return pointers;
    }

    private static Optional<LfsPointer> parse(ObjectLoader loader) throws IOException {
        if (loader.getSize() > LfsPointer.SIZE_THRESHOLD) {
            return Optional.empty();
        }
        return Optional.ofNullable(LfsPointer.parseLfsPointer(new ByteArrayInputStream(loader.getBytes())));
    }
}
