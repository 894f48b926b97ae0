package dev.atoll.tracking;

import dev.atoll.search.Comparison;
import dev.atoll.search.OrderBy;

import java.util.List;

/**
 * A parsed, validated runs search as a store runs it: the service has turned MLflow's filter string,
 * order_by and page token into these fields. The store returns at most {@code limit} runs starting at
 * {@code offset}, ordered by {@code orderBy} then by start_time DESC and run_id as MLflow does.
 */
public record RunQuery(
        List<String> experimentIds,
        List<Comparison> filter,
        List<OrderBy> orderBy,
        ViewType viewType,
        int offset,
        int limit) {
    public RunQuery {
        experimentIds = List.copyOf(experimentIds);
        filter = List.copyOf(filter);
        orderBy = List.copyOf(orderBy);
    }
}
