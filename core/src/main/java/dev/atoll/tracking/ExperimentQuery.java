package dev.atoll.tracking;

import dev.atoll.search.Comparison;
import dev.atoll.search.OrderBy;

import java.util.List;

/**
 * A parsed experiments search. Default order, as in MLflow: creation_time DESC, then experiment_id
 * ASC.
 */
public record ExperimentQuery(List<Comparison> filter, List<OrderBy> orderBy, ViewType viewType, int offset, int limit) {
    public ExperimentQuery {
        filter = List.copyOf(filter);
        orderBy = List.copyOf(orderBy);
    }
}
