package dev.atoll.modules;

import dev.atoll.errors.AtollException;
import dev.atoll.project.PythonHelper;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code atoll publish}: validate the module, check that its files are committed, prepare the build
 * context (module files, generated Dockerfile, Python helper), and — unless this exact content is
 * already published under the version — build and push the image, then record the version. The
 * catalogue is written last, so a failure anywhere before leaves it unchanged.
 */
public final class ModulePublisher {
    /** Never part of an image or of its content digest. */
    private static final Set<String> EXCLUDED = Set.of(".git", "__pycache__", ".atoll", "atoll-data", ".venv", "Dockerfile");

    private final ImagePublisher images;
    private final ModuleCatalogue catalogue;
    private final Clock clock;

    public ModulePublisher(ImagePublisher images, ModuleCatalogue catalogue, Clock clock) {
        this.images = images;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public record Published(ModuleVersion version, ModuleCatalogue.Recorded outcome) {
    }

    public Published publish(PublishRequest request, Consumer<String> progress) {
        CodeModule module = ModuleValidator.validate(request.dir()).orThrow();
        ModuleVersions.checkVersion(request.version());
        String registry = registry(request.registry());
        String commit = committedHead(request.dir());
        Path context = null;
        try {
            context = Files.createTempDirectory("atoll-publish-");
            String dockerfile = Dockerfiles.of(module, request.version(), request.baseImage());
            List<Path> files = moduleFiles(request.dir());
            String contentDigest = stage(request.dir(), files, dockerfile, context);
            var existing = catalogue.get(module.name(), request.version());
            if (existing.isPresent()) {
                if (!existing.get().contentDigest().equals(contentDigest)) {
                    throw ModuleVersions.conflict(existing.get());
                }
                progress.accept(module.name() + "@" + request.version() + " is already published with this content — nothing to do");
                return new Published(existing.get(), ModuleCatalogue.Recorded.UNCHANGED);
            }
            String reference = registry + "/" + module.name() + ":" + request.version();
            progress.accept("building " + reference + " from " + request.baseImage());
            String imageDigest = images.buildAndPush(context, reference, progress);
            ModuleAnnotations a = module.annotations();
            ModuleVersion version = new ModuleVersion(module.name(), request.version(), a.type(), a.visibility(), request.owner(), a.name(),
                    a.description(), a.inputType(), a.outputType(), commit, reference, imageDigest, contentDigest, a.parameters(),
                    clock.instant());
            return new Published(version, catalogue.record(version));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the build context for " + request.dir(), e);
        } finally {
            deleteQuietly(context);
        }
    }

    private static String registry(String registry) {
        if (registry == null || registry.isBlank() || registry.contains("://") || registry.endsWith("/") || registry.chars().anyMatch(Character::isWhitespace)) {
            throw AtollException.invalidParameter("registry '" + registry + "' is not valid — give host[:port][/namespace], e.g. 127.0.0.1:5000 or registry.example.org/team");
        }
        return registry;
    }

    /** The commit the module is published from; uncommitted changes would make that record a lie. */
    private static String committedHead(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw AtollException.invalidParameter(dir + " is not in a git repository — the catalogue records the commit a module is built from; "
                    + "run 'git init' and commit the module first");
        }
        try (Repository repository = builder.build(); Git git = new Git(repository)) {
            ObjectId head = repository.resolve("HEAD");
            if (head == null) {
                throw AtollException.invalidParameter("the repository of " + dir + " has no commit yet — commit the module, then publish");
            }
            Path root = repository.getWorkTree().toPath().toAbsolutePath().normalize();
            String prefix = root.relativize(dir.toAbsolutePath().normalize()).toString().replace('\\', '/');
            Status status = prefix.isEmpty() ? git.status().call() : git.status().addPath(prefix).call();
            Set<String> changed = new java.util.TreeSet<>(status.getUncommittedChanges());
            changed.addAll(status.getUntracked());
            // Files that never go into an image (caches, Atoll's own data) do not make the module dirty.
            changed.removeIf(path -> java.util.Arrays.stream(path.split("/")).anyMatch(EXCLUDED::contains));
            if (!changed.isEmpty()) {
                throw AtollException.invalidParameter("uncommitted changes in " + changed + " — commit them (HEAD is "
                        + head.abbreviate(8).name() + "), so the published version is exactly a commit");
            }
            return head.name();
        } catch (IOException | GitAPIException e) {
            throw AtollException.invalidParameter("cannot read the git repository of " + dir + ": " + e.getMessage());
        }
    }

    private static List<Path> moduleFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> {
                        for (Path part : dir.relativize(file)) {
                            if (EXCLUDED.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        }
    }

    /**
     * Copies the module into the build context with the Dockerfile and helper, hashing what goes in:
     * the digest covers file names, contents, the Dockerfile (hence the base image) and the helper.
     */
    private static String stage(Path dir, List<Path> files, String dockerfile, Path context) throws IOException {
        MessageDigest digest = sha256();
        for (Path file : files) {
            String relative = dir.relativize(file).toString().replace('\\', '/');
            Path target = context.resolve(relative);
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
            update(digest, relative, Files.readAllBytes(file));
        }
        Files.writeString(context.resolve("Dockerfile"), dockerfile, StandardCharsets.UTF_8);
        update(digest, "Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8));
        Path helper = context.resolve(Dockerfiles.HELPER_DIR).resolve("atoll_helper.py");
        Files.createDirectories(helper.getParent());
        Files.writeString(helper, PythonHelper.source(), StandardCharsets.UTF_8);
        update(digest, "atoll_helper.py", PythonHelper.source().getBytes(StandardCharsets.UTF_8));
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String name, byte[] content) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Long.toString(content.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(content);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp directory is harmless; the publish result matters more.
        }
    }
}
