package dev.atoll.tracking.store.jdbc;

import dev.atoll.errors.AtollException;
import dev.atoll.jdbc.SqlDialect;
import dev.atoll.jdbc.SqlQuery;
import dev.atoll.search.Comparison;
import dev.atoll.search.OrderBy;
import dev.atoll.tracking.ExperimentQuery;
import dev.atoll.tracking.LifecycleStage;
import dev.atoll.tracking.ViewType;

import java.util.Map;

/** Turns a parsed experiments search into SQL; default order creation_time DESC, experiment_id ASC, as MLflow. */
final class ExperimentSearchSql {
    private static final Map<String, String> COLUMNS = Map.of(
            "name", "e.name",
            "experiment_id", "e.experiment_id",
            "creation_time", "e.creation_time",
            "last_update_time", "e.last_update_time");

    private final SqlDialect dialect;

    ExperimentSearchSql(SqlDialect dialect) {
        this.dialect = dialect;
    }

    SqlQuery page(ExperimentQuery query) {
        SqlQuery sql = new SqlQuery().sql("SELECT e.experiment_id FROM experiments e WHERE 1 = 1");
        if (query.viewType() != ViewType.ALL) {
            LifecycleStage stage = query.viewType() == ViewType.ACTIVE_ONLY ? LifecycleStage.ACTIVE : LifecycleStage.DELETED;
            sql.sql(" AND e.lifecycle_stage = ?", stage.wireName());
        }
        for (Comparison clause : query.filter()) {
            sql.sql(" AND ");
            switch (clause.type()) {
                case ATTRIBUTE -> sql.append(compare(column(clause.key()), clause));
                case TAG -> sql.sql("e.experiment_id IN (SELECT experiment_id FROM experiment_tags WHERE key = ? AND ", clause.key())
                        .append(compare("value", clause)).sql(")");
                default -> throw AtollException.invalidParameter("Invalid entity type '" + clause.type()
                        + "' in an experiments filter. Valid values are ['attribute', 'tag']");
            }
        }
        sql.sql(" ORDER BY ");
        boolean orderedById = false;
        for (OrderBy term : query.orderBy()) {
            if (term.type() != dev.atoll.search.EntityType.ATTRIBUTE) {
                throw AtollException.invalidParameter("Cannot order experiments by " + term.type() + " '" + term.key() + "'");
            }
            String column = column(term.key());
            orderedById |= term.key().equals("experiment_id");
            sql.sql(column + (term.ascending() ? " ASC" : " DESC") + ", ");
        }
        if (query.orderBy().isEmpty()) {
            sql.sql("e.creation_time DESC, ");
        }
        sql.sql(orderedById ? "e.name ASC" : "e.experiment_id ASC");
        return sql.sql(" LIMIT ? OFFSET ?", query.limit(), query.offset());
    }

    private SqlQuery compare(String column, Comparison clause) {
        return switch (clause.comparator()) {
            case ILIKE -> new SqlQuery().sql(dialect.ilike(column, "?"), clause.value());
            case IN -> new SqlQuery().sql(column + " IN ").list(clause.listValue());
            case NOT_IN -> new SqlQuery().sql(column + " NOT IN ").list(clause.listValue());
            default -> new SqlQuery().sql(column + " " + clause.comparator().symbol() + " ?", clause.value());
        };
    }

    private static String column(String key) {
        String column = COLUMNS.get(key);
        if (column == null) {
            throw AtollException.invalidParameter("Invalid attribute key '" + key + "'. Valid values are "
                    + COLUMNS.keySet().stream().sorted().toList());
        }
        return column;
    }
}
