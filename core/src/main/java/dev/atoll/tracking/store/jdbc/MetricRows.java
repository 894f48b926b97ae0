package dev.atoll.tracking.store.jdbc;

import dev.atoll.tracking.Metric;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How a metric point is stored. SQLite turns NaN into NULL, so NaN is stored as MLflow stores it:
 * value 0 with {@code is_nan = 1}.
 */
final class MetricRows {
    private MetricRows() {
    }

    /** Reads key, value, is_nan, timestamp, step from consecutive columns starting at {@code first}. */
    static Metric metric(ResultSet row, int first) throws SQLException {
        boolean nan = row.getInt(first + 2) != 0;
        return new Metric(row.getString(first), nan ? Double.NaN : row.getDouble(first + 1),
                row.getLong(first + 3), row.getLong(first + 4));
    }

    /** Binds value and is_nan at {@code index} and {@code index + 1}. */
    static void bindValue(PreparedStatement statement, int index, double value) throws SQLException {
        boolean nan = Double.isNaN(value);
        statement.setDouble(index, nan ? 0 : value);
        statement.setInt(index + 1, nan ? 1 : 0);
    }

    /** MLflow's "latest": highest step, then latest timestamp, then largest value (NaN lowest). */
    static boolean isLater(Metric candidate, Metric current) {
        if (candidate.step() != current.step()) {
            return candidate.step() > current.step();
        }
        if (candidate.timestamp() != current.timestamp()) {
            return candidate.timestamp() > current.timestamp();
        }
        double a = Double.isNaN(candidate.value()) ? Double.NEGATIVE_INFINITY : candidate.value();
        double b = Double.isNaN(current.value()) ? Double.NEGATIVE_INFINITY : current.value();
        return a > b;
    }
}
