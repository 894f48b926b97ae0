package dev.atoll.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code atoll server ...} exactly as a user runs it: {@link AtollCommand#main} in a child JVM on the
 * test class path, on a free loopback port. Stopped with SIGTERM, as a service manager stops it.
 */
final class AtollServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+) ");
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final int port;

    private AtollServerProcess(Process process, Path stdout, Path stderr, int port) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.port = port;
    }

    /** Starts {@code atoll server --host 127.0.0.1 --port 0 <options>}; logs go to files in {@code dir}. */
    static AtollServerProcess start(Path dir, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AtollCommand.class.getName(),
                "server", "--host", "127.0.0.1", "--port", "0"));
        command.addAll(List.of(options));
        Files.createDirectories(dir);
        Path stdout = dir.resolve("server.out");
        Path stderr = dir.resolve("server.err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Matcher listening = LISTENING.matcher(Files.readString(stdout, StandardCharsets.UTF_8));
            if (listening.find()) {
                return new AtollServerProcess(process, stdout, stderr, Integer.parseInt(listening.group(1)));
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("atoll server did not start (" + String.join(" ", command) + "):\n"
                        + Files.readString(stdout) + Files.readString(stderr));
            }
            Thread.sleep(50);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String output() throws IOException {
        return Files.readString(stdout) + Files.readString(stderr);
    }

    /** SIGTERM, then waits for the graceful stop; true if the process ended in time. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (!stop()) {
            process.destroyForcibly();
        }
    }
}
