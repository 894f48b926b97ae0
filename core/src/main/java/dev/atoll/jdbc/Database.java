package dev.atoll.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection pool with transactions. On SQLite, writers are serialised here in Java: SQLite
 * allows one writer at a time, and queueing on a lock is far cheaper than retrying SQLITE_BUSY.
 * Readers run in parallel (WAL).
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final SqlDialect dialect;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private Database(HikariDataSource pool, SqlDialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /** Opens the database at a JDBC URL and brings its schema up to date. */
    public static Database open(String jdbcUrl) {
        SqlDialect dialect;
        try {
            dialect = SqlDialect.of(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new AtollException(ErrorCode.INVALID_PARAMETER_VALUE, e.getMessage());
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("atoll-" + dialect.migrationDirectory());
        config.setAutoCommit(true);
        if (dialect == SqlDialect.SQLITE) {
            createParentDirectory(jdbcUrl);
            config.setDataSource(sqliteDataSource(jdbcUrl));
            config.setMaximumPoolSize(4);
        } else {
            config.setJdbcUrl(jdbcUrl);
            config.setMaximumPoolSize(8);
            // Searches are built per request and their best plan depends on the keys asked for: a
            // generic plan of a reused statement walks the wrong index. Planning costs ~1 ms.
            config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
            // A 1000-point log-batch becomes a few multi-row INSERTs instead of 1000 statements.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new AtollException(ErrorCode.TEMPORARILY_UNAVAILABLE,
                    "Cannot open the database at " + jdbcUrl + ": " + rootMessage(e) + " — check the URL and that the database is running", e);
        }
        Database database = new Database(pool, dialect);
        try {
            new Migrations(database).apply();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return database;
    }

    private static DataSource sqliteDataSource(String jdbcUrl) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode: a committed transaction survives a crash of the process (the test
        // kills the server with SIGKILL); only an OS crash or power loss can lose the last commits.
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setBusyTimeout(30_000);
        sqlite.enforceForeignKeys(true);
        // MLflow's LIKE is case-sensitive (it is on PostgreSQL and MySQL); SQLite's is not by default.
        sqlite.enableCaseSensitiveLike(true);
        sqlite.setTempStore(SQLiteConfig.TempStore.MEMORY);
        sqlite.setCacheSize(-65536);
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl(jdbcUrl);
        return dataSource;
    }

    private static void createParentDirectory(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new AtollException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "Cannot create the directory " + parent + " for the database: " + e.getMessage());
        }
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** Work that reads and writes in one transaction: all of it commits, or none of it. */
    public <T> T write(SqlWork<T> work) {
        boolean serialise = dialect == SqlDialect.SQLITE;
        if (serialise) {
            writeLock.lock();
        }
        try {
            return inTransaction(work);
        } finally {
            if (serialise) {
                writeLock.unlock();
            }
        }
    }

    /**
     * Work that only reads, in one transaction: its queries see one snapshot (a run and its metrics
     * agree), and PostgreSQL streams large results by the fetch size instead of buffering them whole.
     */
    public <T> T read(SqlWork<T> work) {
        return inTransaction(work);
    }

    private <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private AtollException failure(SQLException e) {
        if (dialect.isUniqueViolation(e)) {
            return new AtollException(ErrorCode.RESOURCE_ALREADY_EXISTS, "Already exists: " + rootMessage(e), e);
        }
        return new AtollException(ErrorCode.INTERNAL_ERROR, "Database error: " + rootMessage(e), e);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
