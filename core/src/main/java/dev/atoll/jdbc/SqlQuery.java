package dev.atoll.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** SQL text built together with its bind values, so that user values never become SQL. */
public final class SqlQuery {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> binds = new ArrayList<>();

    public SqlQuery sql(String text) {
        sql.append(text);
        return this;
    }

    /** Appends text containing one {@code ?} per value. */
    public SqlQuery sql(String text, Object... values) {
        sql.append(text);
        binds.addAll(List.of(values));
        return this;
    }

    public SqlQuery append(SqlQuery other) {
        sql.append(other.sql);
        binds.addAll(other.binds);
        return this;
    }

    /** Appends {@code (?, ?, ...)} for the values. */
    public SqlQuery list(Collection<?> values) {
        sql.append('(');
        int i = 0;
        for (Object value : values) {
            sql.append(i++ == 0 ? "?" : ", ?");
            binds.add(value);
        }
        sql.append(')');
        return this;
    }

    public boolean isEmpty() {
        return sql.length() == 0;
    }

    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        for (int i = 0; i < binds.size(); i++) {
            statement.setObject(i + 1, binds.get(i));
        }
        return statement;
    }

    @Override
    public String toString() {
        return sql + " " + binds;
    }
}
