package dev.atoll.registry.store.jdbc;

import dev.atoll.registry.RegistryStore;
import dev.atoll.registry.RegistryTransaction;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The registry on SQLite or PostgreSQL, in the schema of {@code db/migration/<dialect>/V20__model_registry.sql}
 * (applied by the store's migration runner). Each {@link #inTransaction} is one JDBC transaction.
 *
 * <p>On SQLite, registry transactions of this process run one at a time: SQLite allows one writer,
 * and a transaction that reads and then writes would otherwise fail with SQLITE_BUSY when another
 * one upgraded its lock first.
 */
public final class JdbcRegistryStore implements RegistryStore {
    private final DataSource dataSource;
    private final ReentrantLock sqliteWriter = new ReentrantLock();
    private final boolean sqlite;

    public JdbcRegistryStore(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection()) {
            this.sqlite = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("sqlite");
        } catch (SQLException e) {
            throw new JdbcRegistryException("cannot connect to the registry database", e);
        }
    }

    @Override
    public <T> T inTransaction(Function<RegistryTransaction, T> work) {
        if (sqlite) {
            sqliteWriter.lock();
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.apply(new JdbcRegistryTransaction(connection));
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new JdbcRegistryException("registry transaction failed", e);
        } finally {
            if (sqlite) {
                sqliteWriter.unlock();
            }
        }
    }
}
