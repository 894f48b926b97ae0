package dev.atoll.registry;

import dev.atoll.errors.AtollException;
import dev.atoll.search.PageToken;
import dev.atoll.tracking.Page;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code order_by}, {@code max_results} and paging of the registry's two searches, with MLflow's keys and defaults. */
final class RegistrySearch {
    private static final Map<String, Comparator<RegisteredModel>> MODEL_KEYS = Map.of(
            "name", Comparator.comparing(RegisteredModel::name),
            "creation_timestamp", Comparator.comparingLong(RegisteredModel::creationTime),
            "last_updated_timestamp", Comparator.comparingLong(RegisteredModel::lastUpdatedTime),
            "timestamp", Comparator.comparingLong(RegisteredModel::lastUpdatedTime));
    private static final Map<String, Comparator<ModelVersion>> VERSION_KEYS = Map.of(
            "name", Comparator.comparing(ModelVersion::name),
            "version_number", Comparator.comparingLong(ModelVersion::version),
            "creation_timestamp", Comparator.comparingLong(ModelVersion::creationTime),
            "last_updated_timestamp", Comparator.comparingLong(ModelVersion::lastUpdatedTime),
            "timestamp", Comparator.comparingLong(ModelVersion::lastUpdatedTime));

    private RegistrySearch() {
    }

    static int maxResults(Integer maxResults, int defaultValue, int limit, String what) {
        if (maxResults == null) {
            return defaultValue;
        }
        if (maxResults < 1 || maxResults > limit) {
            throw AtollException.invalidParameter("Invalid value " + maxResults + " for parameter 'max_results' supplied. "
                    + "It must be at least 1 and at most " + limit + " when searching " + what + ".");
        }
        return maxResults;
    }

    /** Ordered by the given terms, then by name ascending (MLflow's tie-breaker). */
    static Comparator<RegisteredModel> modelOrder(List<String> orderBy) {
        return order(orderBy, MODEL_KEYS, "registered models").thenComparing(RegisteredModel::name);
    }

    /** Ordered by the given terms, then by name ascending and version descending. */
    static Comparator<ModelVersion> versionOrder(List<String> orderBy) {
        return order(orderBy, VERSION_KEYS, "model versions")
                .thenComparing(ModelVersion::name)
                .thenComparing(Comparator.comparingLong(ModelVersion::version).reversed());
    }

    private static <T> Comparator<T> order(List<String> orderBy, Map<String, Comparator<T>> keys, String what) {
        Comparator<T> order = (a, b) -> 0;
        if (orderBy == null) {
            return order;
        }
        for (String term : orderBy) {
            String[] parts = term == null ? new String[0] : term.strip().split("\\s+");
            if (parts.length == 0 || parts.length > 2 || parts[0].isEmpty()) {
                throw AtollException.invalidParameter("Invalid order_by clause '" + term + "': expected '<key> [ASC|DESC]'.");
            }
            String key = parts[0].toLowerCase(Locale.ROOT).replaceFirst("^attributes?\\.", "");
            Comparator<T> comparator = keys.get(key);
            if (comparator == null) {
                throw AtollException.invalidParameter("Invalid order by key '" + parts[0] + "' specified for " + what
                        + ". Valid keys are " + keys.keySet().stream().sorted().toList() + ".");
            }
            if (parts.length == 2) {
                String direction = parts[1].toUpperCase(Locale.ROOT);
                if (!direction.equals("ASC") && !direction.equals("DESC")) {
                    throw AtollException.invalidParameter("Invalid ordering key in order_by clause '" + term + "'. Use ASC or DESC.");
                }
                if (direction.equals("DESC")) {
                    comparator = comparator.reversed();
                }
            }
            order = order.thenComparing(comparator);
        }
        return order;
    }

    static <T> Page<T> page(List<T> all, int limit, String pageToken) {
        int offset = PageToken.decode(pageToken);
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return new Page<>(all.subList(from, to), to < all.size() ? PageToken.encode(to) : null);
    }

}
