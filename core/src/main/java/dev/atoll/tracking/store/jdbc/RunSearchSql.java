package dev.atoll.tracking.store.jdbc;

import dev.atoll.errors.AtollException;
import dev.atoll.jdbc.SqlDialect;
import dev.atoll.jdbc.SqlQuery;
import dev.atoll.search.Comparator;
import dev.atoll.search.Comparison;
import dev.atoll.search.EntityType;
import dev.atoll.search.OrderBy;
import dev.atoll.tracking.DatasetInput;
import dev.atoll.tracking.LifecycleStage;
import dev.atoll.tracking.RunQuery;
import dev.atoll.tracking.ViewType;

import java.util.List;
import java.util.Map;

/**
 * Turns a parsed runs search into SQL that returns the internal ids of a page, in order. Filter
 * clauses are correlated EXISTS probes on (run_id, key) primary keys, so that a page walks runs in
 * the order asked for (an index) and stops after {@code limit} matches: a page of 100 from 100,000
 * runs costs a few hundred probes, not a sort of every match.
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

    /**
     * The page in one query: runs lacking the first order key sort last. Correct for every query;
     * {@link #rankedByMetric} is the fast path for the common metric-ordered page.
     */
    SqlQuery pageIds(RunQuery query, List<Long> experimentIds) {
        return select("SELECT r.id FROM runs r", query, experimentIds, 0, null)
                .sql(" LIMIT ? OFFSET ?", query.limit(), query.offset());
    }

    /** Whether {@link #rankedByMetric} applies: the first order term is a metric. */
    static boolean firstOrderIsMetric(RunQuery query) {
        return !query.orderBy().isEmpty() && query.orderBy().get(0).type() == EntityType.METRIC;
    }

    /**
     * The runs that have a (non-NaN) value for the first order metric, walked along that metric's
     * (key, value) index so that a page stops after {@code limit} matches instead of sorting every
     * match. SQLite's CROSS JOIN keeps that join order; PostgreSQL plans it itself.
     */
    SqlQuery rankedByMetric(RunQuery query, List<Long> experimentIds, boolean count) {
        OrderBy first = query.orderBy().get(0);
        SqlQuery from = new SqlQuery().sql((count ? "SELECT COUNT(*)" : "SELECT r.id")
                + " FROM latest_metrics o0 CROSS JOIN runs r");
        SqlQuery sql = select(from, query, experimentIds, 1, new SqlQuery()
                .sql("r.id = o0.run_id AND o0.key = ? AND o0.is_nan = 0", first.key()), first, count);
        return count ? sql : sql.sql(" LIMIT ? OFFSET ?", query.limit(), query.offset());
    }

    /** The runs {@link #rankedByMetric} leaves out (first order metric NaN or missing), in order. */
    SqlQuery unrankedByMetric(RunQuery query, List<Long> experimentIds, int limit, int offset) {
        return select("SELECT r.id FROM runs r", query, experimentIds, 0, new SqlQuery().sql("(o0.run_id IS NULL OR o0.is_nan = 1)"))
                .sql(" LIMIT ? OFFSET ?", limit, offset);
    }

    private SqlQuery select(String head, RunQuery query, List<Long> experimentIds, int firstJoined, SqlQuery extra) {
        return select(new SqlQuery().sql(head), query, experimentIds, firstJoined, extra, null, false);
    }

    /**
     * Builds FROM ... WHERE ... ORDER BY: order terms from index {@code firstJoined} on get a LEFT
     * JOIN each; {@code driving} is an order term already joined as o0 by the caller.
     */
    private SqlQuery select(SqlQuery head, RunQuery query, List<Long> experimentIds, int firstJoined, SqlQuery extra,
            OrderBy driving, boolean count) {
        SqlQuery joins = new SqlQuery();
        SqlQuery order = new SqlQuery();
        if (driving != null) {
            order.sql("o0.value" + (driving.ascending() ? " ASC" : " DESC") + ", ");
        }
        List<OrderBy> terms = query.orderBy();
        for (int i = driving == null ? 0 : 1; i < terms.size(); i++) {
            OrderBy term = terms.get(i);
            String direction = term.ascending() ? " ASC" : " DESC";
            String o = "o" + i;
            switch (term.type()) {
                case METRIC -> {
                    if (i >= firstJoined) {
                        joins.sql(" LEFT JOIN latest_metrics " + o + " ON " + o + ".run_id = r.id AND " + o + ".key = ?", term.key());
                    }
                    // Runs without the metric last, NaN after numbers, whatever the direction (as MLflow).
                    order.sql(o + ".run_id IS NULL, " + o + ".is_nan, " + o + ".value" + direction + ", ");
                }
                case PARAM, TAG -> {
                    String table = term.type() == EntityType.PARAM ? "params" : "tags";
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
        if (extra != null) {
            where.sql(" AND ").append(extra);
        }
        if (query.viewType() != ViewType.ALL) {
            LifecycleStage stage = query.viewType() == ViewType.ACTIVE_ONLY ? LifecycleStage.ACTIVE : LifecycleStage.DELETED;
            where.sql(" AND r.lifecycle_stage = ?", stage.wireName());
        }
        for (Comparison clause : query.filter()) {
            where.sql(" AND ").append(condition(clause));
        }
        SqlQuery sql = head.append(count ? new SqlQuery() : joins).append(where);
        return count ? sql : sql.sql(" ORDER BY ").append(order).sql("r.start_time DESC, r.run_uuid ASC");
    }

    private SqlQuery condition(Comparison clause) {
        return switch (clause.type()) {
            case METRIC -> new SqlQuery().sql("EXISTS (SELECT 1 FROM latest_metrics f WHERE f.run_id = r.id AND f.key = ?"
                    + " AND f.is_nan = 0 AND ", clause.key()).append(compare("f.value", clause)).sql(")");
            case PARAM -> keyValue("params", clause);
            case TAG -> keyValue("tags", clause);
            case ATTRIBUTE -> compare(attributeColumn(clause.key()), clause);
            case DATASET -> dataset(clause);
        };
    }

    private SqlQuery keyValue(String table, Comparison clause) {
        return new SqlQuery().sql("EXISTS (SELECT 1 FROM " + table + " f WHERE f.run_id = r.id AND f.key = ? AND ", clause.key())
                .append(compare("f.value", clause)).sql(")");
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
