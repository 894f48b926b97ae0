package dev.atoll.server.artifacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link ArtifactServerMain} in a child JVM with a capped heap, for the large-transfer IT and benchmark. */
public final class ArtifactServerProcess implements AutoCloseable {
    private final Process process;
    private final Path stderr;
    private final int port;
    private final long maxHeap;

    private ArtifactServerProcess(Process process, Path stderr, int port, long maxHeap) {
        this.process = process;
        this.stderr = stderr;
        this.port = port;
        this.maxHeap = maxHeap;
    }

    public static ArtifactServerProcess start(Path dir, String maxHeap) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stderr = dir.resolve("server.err");
        Process process = new ProcessBuilder(javaBin, "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"),
                ArtifactServerMain.class.getName(), dir.toString())
                .redirectError(stderr.toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("PORT=")) {
            process.destroyForcibly();
            throw new IllegalStateException("artifact server did not start: " + ready + "\n" + tail(stderr));
        }
        int port = Integer.parseInt(ready.split("[= ]")[1]);
        long heap = Long.parseLong(ready.substring(ready.indexOf("MAXHEAP=") + 8));
        return new ArtifactServerProcess(process, stderr, port, heap);
    }

    public int port() {
        return port;
    }

    public long maxHeap() {
        return maxHeap;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String stderrTail() {
        return tail(stderr);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
