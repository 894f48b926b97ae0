package dev.atoll.search;

import dev.atoll.errors.AtollException;
import java.util.List;

/**
 * Parses MLflow search filters ({@code filter} of {@code runs/search} and {@code experiments/search})
 * into {@link Comparison} clauses. A filter is clauses joined by AND, e.g.
 * {@code metrics.acc > 0.9 AND params.model = 'cnn' AND attributes.status = 'FINISHED'}. Every
 * malformed filter fails with {@code INVALID_PARAMETER_VALUE} and MLflow's message, naming the
 * offending token and the rule. See docs/search.md for the grammar.
 */
public final class SearchFilter {

    private SearchFilter() {
    }

    /** Clauses of a {@code runs/search} filter; null or blank means no filter (an empty list). */
    public static List<Comparison> parseRunFilter(String filter) {
        return parse(SearchFields.RUNS, filter);
    }

    /** Clauses of an {@code experiments/search} filter: {@code name}, {@code creation_time}, {@code last_update_time}, {@code tags.<key>}. */
    public static List<Comparison> parseExperimentFilter(String filter) {
        return parse(SearchFields.EXPERIMENTS, filter);
    }

    private static List<Comparison> parse(SearchFields fields, String filter) {
        if (filter == null || filter.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(FilterParser.parseFilter(fields, filter));
        } catch (FilterSyntaxException e) {
            if (e.problem() == FilterSyntaxException.Problem.MULTIPLE_STATEMENTS) {
                throw AtollException.invalidParameter("Search filter contained multiple expression '" + filter
                        + "'. Provide AND-ed expression list.");
            }
            throw AtollException.invalidParameter("Invalid clause(s) in filter string: " + e.token().describe()
                    + " at position " + e.token().start() + ": " + e.rule() + ". Filter: " + filter);
        }
    }
}
