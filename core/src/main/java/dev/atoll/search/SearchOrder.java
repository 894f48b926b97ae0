package dev.atoll.search;

import dev.atoll.errors.AtollException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the {@code order_by} terms of {@code runs/search} and {@code experiments/search}: each term
 * is {@code <identifier> [ASC|DESC]} (case-insensitive direction, ascending by default), e.g.
 * {@code metrics.`Mean Square Error` DESC} or {@code attributes.start_time}. Keys come out canonical
 * ({@code created} becomes {@code start_time}).
 */
public final class SearchOrder {

    private SearchOrder() {
    }

    /** Terms for {@code runs/search}: metrics, params, tags and run attributes; null means none. */
    public static List<OrderBy> parseRunOrderBy(List<String> orderBy) {
        return parse(SearchFields.RUNS, orderBy);
    }

    /** Terms for {@code experiments/search}: name, experiment_id, creation_time, last_update_time. */
    public static List<OrderBy> parseExperimentOrderBy(List<String> orderBy) {
        return parse(SearchFields.EXPERIMENTS, orderBy);
    }

    private static List<OrderBy> parse(SearchFields fields, List<String> orderBy) {
        if (orderBy == null) {
            return List.of();
        }
        List<OrderBy> terms = new ArrayList<>(orderBy.size());
        for (String term : orderBy) {
            terms.add(parseTerm(fields, term == null ? "" : term));
        }
        return List.copyOf(terms);
    }

    private static OrderBy parseTerm(SearchFields fields, String term) {
        try {
            return FilterParser.parseOrderBy(fields, term);
        } catch (FilterSyntaxException e) {
            if (e.problem() == FilterSyntaxException.Problem.ORDERING_KEY) {
                throw AtollException.invalidParameter("Invalid ordering key in order_by clause '" + term + "': '"
                        + e.token().text() + "' at position " + e.token().start() + ". Use ASC or DESC.");
            }
            throw AtollException.invalidParameter("Invalid order_by clause '" + term + "'. Could not be parsed: "
                    + e.token().describe() + " at position " + e.token().start() + ": " + e.rule());
        }
    }
}
