package dev.atoll.modules.docker;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Debian's {@code docker-registry} (distribution) on a free loopback port, its storage in a temp directory. */
public final class DockerRegistry implements AutoCloseable {
    private final Process process;
    private final int port;

    public DockerRegistry(Path dir) throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("registry.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: 127.0.0.1:%d
                """.formatted(dir.resolve("storage"), port));
        if (!Files.isExecutable(Path.of("/usr/bin/docker-registry"))) {
            throw new IllegalStateException("/usr/bin/docker-registry is missing — run scripts/install-prereqs (Debian package docker-registry)");
        }
        process = new ProcessBuilder("/usr/bin/docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    close();
                    throw new IllegalStateException("docker-registry did not start on " + address() + ": " + Files.readString(dir.resolve("registry.log")));
                }
            }
            Thread.sleep(100);
        }
    }

    /** {@code 127.0.0.1:port}; Docker treats loopback registries as insecure (plain HTTP) by default. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** The digest the registry serves for {@code name:tag}, from its manifest endpoint. */
    public String manifestDigest(String name, String tag) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/" + name + "/manifests/" + tag))
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            return null;
        }
        return response.headers().firstValue("Docker-Content-Digest").orElse(null);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
