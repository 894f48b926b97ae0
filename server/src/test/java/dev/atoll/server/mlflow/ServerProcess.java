package dev.atoll.server.mlflow;

import dev.atoll.cli.AtollCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code atoll server --port 0 --data <dir>} in a child JVM on this test's class path, for tests
 * that kill it. The bound port is read from the line the server prints when it is ready; stdout and
 * stderr go to files in the data directory and are quoted when the server does not start.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Atoll tracking server on (http://[^\\s:]+:\\d+)");
    private static final AtomicInteger STARTS = new AtomicInteger();
    private final Process process;
    private final String trackingUri;

    private ServerProcess(Process process, String trackingUri) {
        this.process = process;
        this.trackingUri = trackingUri;
    }

    /** Starts the server on {@code data} with extra {@code atoll server} options, and waits until it listens. */
    static ServerProcess start(Path data, List<String> options) throws IOException, InterruptedException {
        int start = STARTS.incrementAndGet();
        Files.createDirectories(data);
        Path stdout = data.resolve("server-" + start + ".out");
        Path stderr = data.resolve("server-" + start + ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AtollCommand.class.getName(),
                "server", "--host", "127.0.0.1", "--port", "0", "--data", data.toString()));
        command.addAll(options);
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher ready = READY.matcher(Files.readString(stdout));
            if (ready.find()) {
                return new ServerProcess(process, ready.group(1));
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

    String trackingUri() {
        return trackingUri;
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook, no draining, no closing of the store. */
    void kill() throws InterruptedException {
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
