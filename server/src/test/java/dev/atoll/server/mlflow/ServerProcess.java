package dev.atoll.server.mlflow;

import dev.atoll.cli.AtollCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code atoll server --port 0 --data <dir>} in a child JVM on this test's class path, as a user
 * starts it: for tests that kill it, cap its heap, or prove what the product wires together. The
 * bound port is read from the line the server prints when it is ready; stdout and stderr go to files
 * in the data directory and are quoted when the server does not start.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Atoll server on (http://[^\\s:]+:\\d+)");
    private static final AtomicInteger STARTS = new AtomicInteger();
    private final Process process;
    private final String trackingUri;
    private final Path stderr;

    private ServerProcess(Process process, String trackingUri, Path stderr) {
        this.process = process;
        this.trackingUri = trackingUri;
        this.stderr = stderr;
    }

    /** Starts the server on {@code data} with extra {@code atoll server} options, and waits until it listens. */
    public static ServerProcess start(Path data, List<String> options) throws IOException, InterruptedException {
        return start(data, options, Map.of(), null);
    }

    /**
     * Starts the server with extra environment variables (secrets, S3 keys) and, unless
     * {@code maxHeap} is null, the JVM's heap capped at it ({@code "256m"}).
     */
    public static ServerProcess start(Path data, List<String> options, Map<String, String> environment, String maxHeap)
            throws IOException, InterruptedException {
        int start = STARTS.incrementAndGet();
        Files.createDirectories(data);
        Path stdout = data.resolve("server-" + start + ".out");
        Path stderr = data.resolve("server-" + start + ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (maxHeap != null) {
            command.add("-Xmx" + maxHeap);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AtollCommand.class.getName(),
                "server", "--host", "127.0.0.1", "--port", "0", "--data", data.toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher ready = READY.matcher(Files.readString(stdout));
            if (ready.find()) {
                return new ServerProcess(process, ready.group(1), stderr);
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new IllegalStateException("atoll server did not start (exit " + (process.isAlive() ? "none" : process.exitValue())
                + ") with " + String.join(" ", command) + "\nstdout:\n" + Files.readString(stdout)
                + "\nstderr:\n" + Files.readString(stderr));
    }

    /** {@code http://127.0.0.1:<port>}: the tracking URI of MLflow clients and the base of every endpoint. */
    public String trackingUri() {
        return trackingUri;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the server has written to stderr: its log (access lines, warnings, errors). */
    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** SIGTERM, as an operator or Ctrl-C sends it, and the exit code once the server has drained and stopped. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("atoll server (pid " + process.pid() + ") did not stop within 40 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook, no draining, no closing of the store. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("atoll server (pid " + process.pid() + ") survived SIGKILL for 30 s");
        }
    }

    /** Stops a server still running the way an operator does (SIGTERM), forcibly if it hangs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
