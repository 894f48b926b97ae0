package dev.atoll.tracking.store.jdbc;

import dev.atoll.errors.AtollException;
import dev.atoll.jdbc.SqlDialect;
import dev.atoll.jdbc.SqlQuery;
import dev.atoll.search.Comparator;
import dev.atoll.search.Comparison;
import dev.atoll.search.OrderBy;
import dev.atoll.tracking.DatasetInput;
import dev.atoll.tracking.LifecycleStage;
import dev.atoll.tracking.RunQuery;
import dev.atoll.tracking.ViewType;

import java.util.List;
import java.util.Map;

/**
 * Turns a parsed runs search into one SQL query that returns the internal ids of the page, in
 * order. Each filter clause becomes {@code r.id IN (subquery)} over an index on (key, value), which
 * both databases evaluate once per query, not once per run.
 */
final class RunSearchSql {
    /** Canonical attribute keys (see Comparison) and the runs columns that hold them. */
    static final Map<String, String> ATTRIBUTE_COLUMNS = Map.of(
            "run_id", "r.run_uuid",
            "run_name", "r.name",
            "status", "r.status",
            "user_id", "r.user_id",
            "artifact_uri", "r.artifact_uri",
            "start_time", "r.start_time",
            "end_time", "r.end_time",
            "lifecycle_stage", "r.lifecycle_stage");

    private final SqlDialect dialect;

    RunSearchSql(SqlDialect dialect) {
        this.dialect = dialect;
    }

    SqlQuery pageIds(RunQuery query, List<Long> experimentIds) {
        SqlQuery joins = new SqlQuery();
        SqlQuery order = new SqlQuery();
        int alias = 0;
        for (OrderBy term : query.orderBy()) {
            String direction = term.ascending() ? " ASC" : " DESC";
            String o = "o" + alias++;
            switch (term.type()) {
                case METRIC -> {
                    joins.sql(" LEFT JOIN latest_metrics " + o + " ON " + o + ".run_id = r.id AND " + o + ".key = ?", term.key());
                    // Runs without the metric last, NaN after numbers, whatever the direction (as MLflow).
                    order.sql(o + ".run_id IS NULL, " + o + ".is_nan, " + o + ".value" + direction + ", ");
                }
                case PARAM, TAG -> {
                    String table = term.type() == dev.atoll.search.EntityType.PARAM ? "params" : "tags";
                    joins.sql(" LEFT JOIN " + table + " " + o + " ON " + o + ".run_id = r.id AND " + o + ".key = ?", term.key());
                    order.sql(o + ".run_id IS NULL, " + o + ".value" + direction + ", ");
                }
                case ATTRIBUTE -> {
                    String column = attributeColumn(term.key());
                    order.sql(column + " IS NULL, " + column + direction + ", ");
                }
                case DATASET -> throw AtollException.invalidParameter(
                        "Cannot order by dataset attribute '" + term.key() + "'; order by metrics, params, tags or attributes.");
            }
        }
        SqlQuery where = new SqlQuery().sql(" WHERE r.experiment_id IN ").list(experimentIds);
        if (query.viewType() != ViewType.ALL) {
            LifecycleStage stage = query.viewType() == ViewType.ACTIVE_ONLY ? LifecycleStage.ACTIVE : LifecycleStage.DELETED;
            where.sql(" AND r.lifecycle_stage = ?", stage.wireName());
        }
        for (Comparison clause : query.filter()) {
            where.sql(" AND ").append(condition(clause));
        }
        return new SqlQuery().sql("SELECT r.id FROM runs r").append(joins).append(where)
                .sql(" ORDER BY ").append(order).sql("r.start_time DESC, r.run_uuid ASC")
                .sql(" LIMIT ? OFFSET ?", query.limit(), query.offset());
    }

    private SqlQuery condition(Comparison clause) {
        return switch (clause.type()) {
            case METRIC -> new SqlQuery().sql("r.id IN (SELECT run_id FROM latest_metrics WHERE key = ? AND is_nan = 0 AND ",
                    clause.key()).append(compare("value", clause)).sql(")");
            case PARAM -> keyValue("params", clause);
            case TAG -> keyValue("tags", clause);
            case ATTRIBUTE -> compare(attributeColumn(clause.key()), clause);
            case DATASET -> dataset(clause);
        };
    }

    private SqlQuery keyValue(String table, Comparison clause) {
        return new SqlQuery().sql("r.id IN (SELECT run_id FROM " + table + " WHERE key = ? AND ", clause.key())
                .append(compare("value", clause)).sql(")");
    }

    private SqlQuery dataset(Comparison clause) {
        return switch (clause.key()) {
            case "name", "digest" -> new SqlQuery()
                    .sql("r.id IN (SELECT i.run_id FROM inputs i JOIN datasets d ON d.id = i.dataset_id WHERE ")
                    .append(compare("d." + clause.key(), clause)).sql(")");
            case "context" -> new SqlQuery()
                    .sql("r.id IN (SELECT i.run_id FROM inputs i JOIN input_tags t ON t.input_id = i.id WHERE t.key = ? AND ",
                            DatasetInput.CONTEXT_TAG)
                    .append(compare("t.value", clause)).sql(")");
            default -> throw AtollException.invalidParameter("Invalid dataset attribute '" + clause.key()
                    + "'. Valid values are ['name', 'digest', 'context']");
        };
    }

    private SqlQuery compare(String column, Comparison clause) {
        Comparator comparator = clause.comparator();
        return switch (comparator) {
            case EQ, NE, GT, GE, LT, LE -> new SqlQuery().sql(column + " " + comparator.symbol() + " ?", clause.value());
            case LIKE -> new SqlQuery().sql(column + " LIKE ?", clause.value());
            case ILIKE -> new SqlQuery().sql(dialect.ilike(column, "?"), clause.value());
            case IN -> new SqlQuery().sql(column + " IN ").list(clause.listValue());
            case NOT_IN -> new SqlQuery().sql(column + " NOT IN ").list(clause.listValue());
        };
    }

    static String attributeColumn(String key) {
        String column = ATTRIBUTE_COLUMNS.get(key);
        if (column == null) {
            throw AtollException.invalidParameter("Invalid attribute key '" + key + "'. Valid values are "
                    + ATTRIBUTE_COLUMNS.keySet().stream().sorted().toList());
        }
        return column;
    }
}
