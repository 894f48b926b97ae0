package dev.atoll.server.artifacts;

import dev.atoll.artifacts.ArtifactService;
import dev.atoll.artifacts.local.LocalArtifactStore;

import java.nio.file.Path;

/**
 * Serves the artifact routes over a local store in a JVM of its own, so a test can cap its heap
 * ({@code -Xmx256m}) and push gigabytes through it. Prints {@code PORT=<n>} when ready and stops
 * when its standard input closes.
 */
public final class ArtifactServerMain {
    private ArtifactServerMain() {
    }

    public static void main(String[] args) throws Exception {
        LocalArtifactStore store = new LocalArtifactStore(Path.of(args[0]));
        ArtifactService service = new ArtifactService(store, runId -> {
            throw new IllegalStateException("no runs in this server");
        });
        try (RoutesFixture server = RoutesFixture.start(app -> new ArtifactRoutes(service).addTo(app))) {
            System.out.println("PORT=" + server.port() + " MAXHEAP=" + Runtime.getRuntime().maxMemory());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
