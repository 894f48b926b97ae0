package dev.atoll.server.artifacts;

import dev.atoll.artifacts.ArtifactService;
import dev.atoll.artifacts.local.LocalArtifactStore;
import dev.atoll.server.AtollServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Serves the artifact routes over a local store in a JVM of its own, so a test can cap its heap
 * ({@code -Xmx256m}) and push gigabytes through it. Prints {@code PORT=<n>} when ready and stops
 * when its standard input closes.
 */
public final class ArtifactServerMain {
    private ArtifactServerMain() {
    }

    public static void main(String[] args) throws Exception {
        LocalArtifactStore store = new LocalArtifactStore(Path.of(args[0]).resolve("artifacts"));
        ArtifactService service = new ArtifactService(store, runId -> {
            throw new IllegalStateException("no runs in this server");
        });
        try (AtollServer server = new AtollServer(List.of(new ArtifactRoutes(service)), null, Duration.ofSeconds(5))) {
            System.out.println("PORT=" + server.start("127.0.0.1", 0) + " MAXHEAP=" + Runtime.getRuntime().maxMemory());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
