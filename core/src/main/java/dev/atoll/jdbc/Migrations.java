package dev.atoll.jdbc;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Versioned schema migrations: every {@code db/migration/<dialect>/V<n>__<description>.sql} on the
 * class path is applied once, in version order, each in its own transaction together with its row in
 * {@code schema_version}. Features own version ranges (tracking 1–19, registry 20–29, modules
 * 30–39), so a feature adds its files without touching anyone else's. A database that has a version
 * this build does not know was written by a newer Atoll, and is refused rather than misread.
 */
final class Migrations {
    private static final Pattern FILE = Pattern.compile("V(\\d+)__([\\w-]+)\\.sql");
    private final Database database;

    Migrations(Database database) {
        this.database = database;
    }

    void apply() {
        TreeMap<Integer, String> known = discover(database.dialect().migrationDirectory());
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_time BIGINT NOT NULL)");
            }
            return null;
        });
        Set<Integer> applied = database.read(Migrations::appliedVersions);
        for (int version : applied) {
            if (!known.containsKey(version)) {
                throw new AtollException(ErrorCode.INVALID_STATE, "The database has schema version " + version
                        + ", which this Atoll does not know (it knows " + known.keySet() + "): it was written by a newer"
                        + " Atoll. Run that version, or point --db at another database.");
            }
        }
        known.forEach((version, file) -> {
            if (!applied.contains(version)) {
                applyOne(version, file);
            }
        });
    }

    private void applyOne(int version, String resource) {
        String sql = read(resource);
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String part : statements(sql)) {
                    statement.execute(part);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_time) VALUES (?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, resource.substring(resource.lastIndexOf('/') + 1));
                insert.setLong(3, System.currentTimeMillis());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Splits a migration into statements; migrations keep semicolons out of literals and comments. */
    static List<String> statements(String sql) {
        List<String> result = new ArrayList<>();
        for (String part : sql.replaceAll("(?m)--.*$", "").split(";")) {
            if (!part.isBlank()) {
                result.add(part.strip());
            }
        }
        return result;
    }

    private static Set<Integer> appliedVersions(Connection connection) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM schema_version")) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }

    /** All migration resources of a dialect, from class-path directories and jars alike. */
    static TreeMap<Integer, String> discover(String dialectDirectory) {
        String folder = "db/migration/" + dialectDirectory + "/";
        TreeMap<Integer, String> found = new TreeMap<>();
        try {
            Enumeration<URL> roots = Migrations.class.getClassLoader().getResources(folder);
            while (roots.hasMoreElements()) {
                for (String name : list(roots.nextElement(), folder)) {
                    Matcher matcher = FILE.matcher(name);
                    if (matcher.matches()) {
                        String previous = found.put(Integer.parseInt(matcher.group(1)), folder + name);
                        if (previous != null && !previous.equals(folder + name)) {
                            throw new IllegalStateException("Two migrations with version " + matcher.group(1) + ": "
                                    + previous + " and " + folder + name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the migrations in " + folder, e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("No migrations found under " + folder + " on the class path");
        }
        return found;
    }

    private static List<String> list(URL root, String folder) throws IOException {
        List<String> names = new ArrayList<>();
        if ("jar".equals(root.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String entry = entries.nextElement().getName();
                    if (entry.startsWith(folder) && entry.indexOf('/', folder.length()) < 0 && entry.length() > folder.length()) {
                        names.add(entry.substring(folder.length()));
                    }
                }
            }
        } else {
            try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                files.forEach(file -> names.add(file.getFileName().toString()));
            } catch (URISyntaxException e) {
                throw new IOException("Cannot read migrations at " + root, e);
            }
        }
        return names;
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Migration " + resource + " disappeared from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
