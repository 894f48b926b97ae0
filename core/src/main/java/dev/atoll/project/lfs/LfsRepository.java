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

    /**
     * The LFS endpoint of a remote, found as git-lfs finds it: {@code lfs.url} in git config, then in
     * the committed {@code .lfsconfig}, then {@code remote.<name>.lfsurl}, else derived from the remote's URL.
     */
    public java.net.URI endpoint(String remote) throws IOException {
        org.eclipse.jgit.lib.StoredConfig config = repository.getConfig();
        String url = config.getString("lfs", null, "url");
        Path lfsconfig = repository.getWorkTree().toPath().resolve(".lfsconfig");
        if (url == null && Files.isRegularFile(lfsconfig)) {
            org.eclipse.jgit.storage.file.FileBasedConfig file = new org.eclipse.jgit.storage.file.FileBasedConfig(lfsconfig.toFile(), repository.getFS());
            try {
                file.load();
            } catch (org.eclipse.jgit.errors.ConfigInvalidException e) {
                throw new IOException(".lfsconfig is not valid git config: " + e.getMessage() + " — fix it", e);
            }
            url = file.getString("lfs", null, "url");
        }
        if (url == null) {
            url = config.getString("remote", remote, "lfsurl");
        }
        if (url != null) {
            return java.net.URI.create(url);
        }
        String remoteUrl = config.getString("remote", remote, "url");
        if (remoteUrl == null) {
            throw new IOException("remote '" + remote + "' has no url and no lfs.url is set — add the remote or set lfs.url");
        }
        return LfsBatchClient.endpointOf(remoteUrl);
    }

    /** Uploads the LFS objects of {@code revision} that the remote's LFS server lacks; returns how many. */
    public int push(String remote, String revision, java.util.Map<String, String> headers) throws IOException {
        return new LfsBatchClient(endpoint(remote), headers).upload(pointers(revision).values(), store);
    }

    /** Downloads the LFS objects of {@code revision} missing locally; returns how many. */
    public int fetch(String remote, String revision, java.util.Map<String, String> headers) throws IOException {
        return new LfsBatchClient(endpoint(remote), headers).download(pointers(revision).values(), store);
    }

    private static Optional<LfsPointer> parse(ObjectLoader loader) throws IOException {
        if (loader.getSize() > LfsPointer.SIZE_THRESHOLD) {
            return Optional.empty();
        }
        return Optional.ofNullable(LfsPointer.parseLfsPointer(new ByteArrayInputStream(loader.getBytes())));
    }
}
