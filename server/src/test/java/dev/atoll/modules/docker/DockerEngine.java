package dev.atoll.modules.docker;

import com.github.dockerjava.api.exception.NotFoundException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Docker engine the publish ITs use: Debian's {@code dockerd} with the vfs storage driver, no
 * bridge and no iptables, its own socket, data root and containerd namespace beside any system engine,
 * its data under {@code /var/cache/atoll/docker} so images survive between runs. Reused when already running; started (as root) otherwise, and stopped when the JVM exits.
 * No image can be pulled here, so the Python base image is built once with debootstrap and imported.
 * Anything that prevents this fails the test with the reason — nothing is skipped.
 */
public final class DockerEngine {
    public static final Path CACHE = Path.of(System.getenv().getOrDefault("ATOLL_CACHE", "/var/cache/atoll"));
    public static final String BASE_IMAGE = "atoll/python-base:bookworm";
    private static final Path SOCKET = CACHE.resolve("docker.sock");
    private static DockerImagePublisher client;

    private DockerEngine() {
    }

    public static String host() {
        return "unix://" + SOCKET;
    }

    /** A client of a running engine that has the base image. */
    public static synchronized DockerImagePublisher start() throws Exception {
        if (client != null) {
            return client;
        }
        // No network here: module builds run offline.
        DockerImagePublisher candidate = new DockerImagePublisher(host(), "none");
        if (!answers(candidate)) {
            launch();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (!answers(candidate)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("dockerd did not answer on " + SOCKET + " within 90 s — see " + CACHE.resolve("dockerd.log"));
                }
                Thread.sleep(250);
            }
        }
        ensureBaseImage(candidate);
        client = candidate;
        return client;
    }

    private static boolean answers(DockerImagePublisher docker) {
        try {
            docker.client().pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void launch() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("no Docker engine on " + SOCKET + " and starting dockerd needs root — run the ITs as root (see scripts/prereqs.d/30-modules.sh)");
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/dockerd"))) {
            throw new IllegalStateException("/usr/sbin/dockerd is missing — run scripts/install-prereqs (Debian package docker.io)");
        }
        Files.createDirectories(CACHE.resolve("docker"));
        Files.deleteIfExists(SOCKET);
        Path execRoot = Files.createDirectories(Path.of("/tmp/atoll-docker-exec"));
        Process process = new ProcessBuilder("/usr/sbin/dockerd", "--storage-driver=vfs", "--bridge=none", "--iptables=false", "--ip6tables=false",
                "--data-root", CACHE.resolve("docker").toString(), "--exec-root", execRoot.toString(),
                "--pidfile", CACHE.resolve("dockerd.pid").toString(), "--host", host(),
                // Where the system's containerd runs (a Debian host with systemd starts one with docker.io),
                // dockerd uses it: a namespace of our own keeps this engine's containers apart from the system engine's.
                "--containerd-namespace", "atoll-its", "--containerd-plugins-namespace", "atoll-its-plugins")
                .redirectErrorStream(true)
                .redirectOutput(CACHE.resolve("dockerd.log").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.destroy();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    /** Imports the base image from the cached root file system, building that with debootstrap the first time. */
    private static void ensureBaseImage(DockerImagePublisher docker) throws Exception {
        try {
            docker.client().inspectImageCmd(BASE_IMAGE).exec();
            return;
        } catch (NotFoundException missing) {
            // imported below
        }
        Path tarball = CACHE.resolve("python-base-bookworm.tar");
        if (!Files.isRegularFile(tarball)) {
            debootstrap(tarball);
        }
        // The CLI streams the tarball to the engine; docker-java's import cuts large uploads short here.
        cli(Duration.ofMinutes(10), "import", tarball.toString(), BASE_IMAGE);
        docker.client().inspectImageCmd(BASE_IMAGE).exec();
    }

    private static void debootstrap(Path tarball) throws Exception {
        Path rootfs = CACHE.resolve("python-base-rootfs");
        deleteTree(rootfs);
        String mirror = debianMirror();
        run(List.of("debootstrap", "--variant=minbase", "--include=python3", "bookworm", rootfs.toString(), mirror), Duration.ofMinutes(20));
        Path partial = CACHE.resolve("python-base-bookworm.tar.partial");
        run(List.of("tar", "-C", rootfs.toString(), "--exclude=./dev/*", "--exclude=./proc/*", "--exclude=./sys/*",
                "-cf", partial.toString(), "."), Duration.ofMinutes(5));
        Files.move(partial, tarball, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(rootfs);
    }

    /** The Debian mirror apt is configured with (deb822 sources or sources.list), so debootstrap works where apt works. */
    static String debianMirror() throws IOException {
        Pattern deb822 = Pattern.compile("(?m)^URIs:\\s*(\\S+)");
        Pattern legacy = Pattern.compile("(?m)^deb\\s+(?:\\[[^]]*]\\s+)?(\\S+)\\s+bookworm\\s");
        List<Path> sources = Stream.concat(Stream.of(Path.of("/etc/apt/sources.list")),
                Files.isDirectory(Path.of("/etc/apt/sources.list.d")) ? Files.list(Path.of("/etc/apt/sources.list.d")) : Stream.empty())
                .filter(Files::isRegularFile).toList();
        for (Path source : sources) {
            String text = Files.readString(source);
            Matcher m = (source.toString().endsWith(".sources") ? deb822 : legacy).matcher(text);
            while (m.find()) {
                if (!m.group(1).contains("security")) {
                    return m.group(1);
                }
            }
        }
        return "http://deb.debian.org/debian";
    }

    /** Debian's docker CLI (not whatever else is on PATH) against this engine. */
    public static String cli(Duration timeout, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/docker", "-H", host()));
        command.addAll(List.of(args));
        return run(command, timeout);
    }

    static String run(List<String> command, Duration timeout) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " took longer than " + timeout);
        }
        String text = new String(output, java.nio.charset.StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed with exit code " + process.exitValue() + ":\n" + text);
        }
        return text;
    }

    /**
     * Deletes a debootstrap root, staying on its file system: a debootstrap that died mid-way can
     * leave the host's /proc, /sys or /dev mounted inside it, and deleting through such a mount
     * would delete the host's device nodes.
     */
    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Object device = Files.getAttribute(dir, "unix:dev", LinkOption.NOFOLLOW_LINKS);
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path path, BasicFileAttributes attributes) throws IOException {
                    if (!device.equals(Files.getAttribute(path, "unix:dev", LinkOption.NOFOLLOW_LINKS))) {
                        throw new IOException(path + " is a mount point inside " + dir + "; unmount it (umount -R) first");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) throws IOException {
                    Files.delete(path);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path path, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(path);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
