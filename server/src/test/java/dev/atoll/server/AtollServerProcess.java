package dev.atoll.server;

import dev.atoll.cli.AtollCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code atoll server} as a user starts it, in a child JVM with a heap cap of the test's choosing:
 * the same command line, the same assembly, the same shutdown (SIGTERM). For the tests that prove
 * the product's wiring and streaming, and for the transfer benchmark.
 */
public final class AtollServerProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Atoll server on (http://\\S+?:(\\d+)) ");
    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final String baseUrl;

    private AtollServerProcess(Process process, Path stdout, Path stderr, String baseUrl) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.baseUrl = baseUrl;
    }

    /**
     * Runs {@code atoll server --port 0 --data <data> <arguments...>} with {@code -Xmx<maxHeap>} and
     * the given extra environment, and waits until it listens.
     */
    public static AtollServerProcess start(Path data, String maxHeap, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        Files.createDirectories(data);
        Path stdout = Files.createTempFile(data.getParent(), "server-", ".out");
        Path stderr = Files.createTempFile(data.getParent(), "server-", ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"), AtollCommand.class.getName(),
                "server", "--host", "127.0.0.1", "--port", "0", "--data", data.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            Matcher ready = READY.matcher(Files.readString(stdout));
            if (ready.find()) {
                return new AtollServerProcess(process, stdout, stderr, ready.group(1));
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("atoll server did not start (exit " + (process.isAlive() ? "-" : process.exitValue())
                + ")\nstdout:\n" + tail(stdout) + "\nstderr:\n" + tail(stderr));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the server wrote to stderr so far (its log: access lines, warnings, errors). */
    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** Sends SIGTERM, as a service manager or Ctrl-C would, and returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("atoll server did not stop within 40 s of SIGTERM\n" + tail(stderr));
        }
        return process.exitValue();
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            stop();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
