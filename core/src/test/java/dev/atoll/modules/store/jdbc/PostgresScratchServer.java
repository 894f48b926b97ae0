package dev.atoll.modules.store.jdbc;

import org.postgresql.ds.PGSimpleDataSource;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's PostgreSQL 15 (scripts/prereqs.d/10-postgresql.sh) in a temp directory on a free loopback
 * port, run as {@code postgres} when the tests run as root (PostgreSQL refuses root). Stand-in until
 * the store's shared PostgreSQL fixture is on main; then the catalogue IT should use that one.
 */
final class PostgresScratchServer implements AutoCloseable {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private final Path dir;
    private final int port;
    private final boolean root = "root".equals(System.getProperty("user.name"));

    PostgresScratchServer() throws Exception {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException(BIN + "/initdb is missing — run scripts/install-prereqs (Debian package postgresql)");
        }
        dir = Files.createTempDirectory("atoll-modules-pg-");
        if (root) {
            exec(List.of("chown", "postgres:postgres", dir.toString()), false);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        exec(List.of(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "atoll", "--no-sync"), root);
        exec(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-l", dir.resolve("log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), root);
    }

    PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=atoll");
        return dataSource;
    }

    private static void exec(List<String> command, boolean asPostgres) throws Exception {
        List<String> full = new ArrayList<>(asPostgres ? List.of("runuser", "-u", "postgres", "--") : List.of());
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
        }
    }

    @Override
    public void close() throws Exception {
        exec(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"), root);
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
