package dev.atoll.modules.store.jdbc;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import dev.atoll.jdbc.Database;
import dev.atoll.modules.ModuleCatalogue;
import dev.atoll.modules.ModuleParameter;
import dev.atoll.modules.ModuleQuery;
import dev.atoll.modules.ModuleType;
import dev.atoll.modules.ModuleVersion;
import dev.atoll.modules.ModuleVersions;
import dev.atoll.modules.ParameterType;
import dev.atoll.modules.Visibility;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The module catalogue on SQLite (embedded) or PostgreSQL (scaled out), in the schema of
 * {@code db/migration/<dialect>/V30__module_catalogue.sql} (applied by {@link Database#open}). It shares
 * the server's {@link Database}: one pool, and on SQLite one writer lock with tracking.
 */
public final class JdbcModuleCatalogue implements ModuleCatalogue {
    private static final String COLUMNS = "v.name, v.version, v.module_type, v.visibility, v.owner, v.display_name, v.description,"
            + " v.input_type, v.output_type, v.git_commit, v.image, v.image_digest, v.content_digest, v.published_at";

    private final Database database;

    public JdbcModuleCatalogue(Database database) {
        this.database = database;
    }

    @Override
    public Recorded record(ModuleVersion version) {
        ModuleVersions.checkVersion(version.version());
        try {
            return database.write(connection -> {
                Optional<ModuleVersion> existing = get(connection, version.name(), version.version());
                if (existing.isPresent()) {
                    return sameOrConflict(existing.get(), version);
                }
                insert(connection, version);
                return Recorded.CREATED;
            });
        } catch (AtollException e) {
            if (!(e.getCause() instanceof SQLException)) {
                throw e;
            }
            if (e.code() == ErrorCode.RESOURCE_ALREADY_EXISTS) {
                // Another publisher recorded the same version between our read and our insert.
                Optional<ModuleVersion> winner = get(version.name(), version.version());
                if (winner.isPresent()) {
                    return sameOrConflict(winner.get(), version);
                }
            }
            throw new AtollException(e.code(), "Cannot record module " + version.coordinates() + ": " + e.getMessage(), e);
        }
    }

    private static Recorded sameOrConflict(ModuleVersion existing, ModuleVersion candidate) {
        if (existing.contentDigest().equals(candidate.contentDigest())) {
            return Recorded.UNCHANGED;
        }
        throw ModuleVersions.conflict(existing);
    }

    private static void insert(Connection connection, ModuleVersion v) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO module_versions (name, version, module_type, visibility, owner,"
                + " display_name, description, input_type, output_type, git_commit, image, image_digest, content_digest, published_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            statement.setString(++i, v.name());
            statement.setString(++i, v.version());
            statement.setString(++i, v.type().name());
            statement.setString(++i, v.visibility().name());
            statement.setString(++i, v.owner());
            statement.setString(++i, v.displayName());
            statement.setString(++i, v.description());
            statement.setString(++i, v.inputType());
            statement.setString(++i, v.outputType());
            statement.setString(++i, v.gitCommit());
            statement.setString(++i, v.image());
            statement.setString(++i, v.imageDigest());
            statement.setString(++i, v.contentDigest());
            statement.setLong(++i, v.publishedAt().toEpochMilli());
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO module_parameters (name, version, position, param_name,"
                + " param_type, required, default_value, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (ModuleParameter p : v.parameters()) {
                statement.setString(1, v.name());
                statement.setString(2, v.version());
                statement.setInt(3, position++);
                statement.setString(4, p.name());
                statement.setString(5, p.type().name());
                statement.setInt(6, p.required() ? 1 : 0);
                statement.setString(7, p.defaultValue());
                statement.setString(8, p.description());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    public Optional<ModuleVersion> get(String name, String version) {
        return database.read(connection -> get(connection, name, version));
    }

    private static Optional<ModuleVersion> get(Connection connection, String name, String version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM module_versions v WHERE v.name = ? AND v.version = ?")) {
            statement.setString(1, name);
            statement.setString(2, version);
            List<ModuleVersion> found = read(connection, statement);
            return found.stream().findFirst();
        }
    }

    @Override
    public List<ModuleVersion> search(ModuleQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM module_versions v WHERE (v.visibility = 'PUBLIC' OR v.owner = ?)");
        List<String> args = new ArrayList<>();
        args.add(query.viewer() == null ? "" : query.viewer());
        query.name().ifPresent(name -> {
            sql.append(" AND LOWER(v.name) LIKE ? ESCAPE '\\'");
            args.add("%" + name.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        });
        if (query.type() != null) {
            sql.append(" AND v.module_type = ?");
            args.add(query.type().name());
        }
        query.parameterName().ifPresent(parameter -> {
            sql.append(" AND EXISTS (SELECT 1 FROM module_parameters p WHERE p.name = v.name AND p.version = v.version AND p.param_name = ?)");
            args.add(parameter);
        });
        sql.append(" ORDER BY v.name, v.published_at DESC, v.version DESC");
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    statement.setString(i + 1, args.get(i));
                }
                return read(connection, statement);
            }
        });
    }

    private static List<ModuleVersion> read(Connection connection, PreparedStatement statement) throws SQLException {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Object[] row = new Object[14];
                for (int i = 0; i < 14; i++) {
                    row[i] = i == 13 ? rs.getLong(i + 1) : rs.getString(i + 1);
                }
                rows.put(row[0] + "\u0000" + row[1], row);
            }
        }
        List<ModuleVersion> versions = new ArrayList<>();
        for (Object[] r : rows.values()) {
            versions.add(new ModuleVersion((String) r[0], (String) r[1], ModuleType.valueOf((String) r[2]), Visibility.valueOf((String) r[3]),
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10], (String) r[11],
                    (String) r[12], parameters(connection, (String) r[0], (String) r[1]), Instant.ofEpochMilli((Long) r[13])));
        }
        return versions;
    }

    private static List<ModuleParameter> parameters(Connection connection, String name, String version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT param_name, param_type, required, default_value, description"
                + " FROM module_parameters WHERE name = ? AND version = ? ORDER BY position")) {
            statement.setString(1, name);
            statement.setString(2, version);
            List<ModuleParameter> parameters = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    parameters.add(new ModuleParameter(rs.getString(1), ParameterType.valueOf(rs.getString(2)), rs.getInt(3) != 0,
                            rs.getString(4), rs.getString(5)));
                }
            }
            return parameters;
        }
    }
}
