package dev.atoll.search;

/**
 * A syntax error at a token of the input. Internal: {@link SearchFilter} and {@link SearchOrder}
 * turn it into an {@code AtollException} whose wording depends on what was being parsed and on
 * {@link #problem()}, so that MLflow's distinct messages survive.
 */
final class FilterSyntaxException extends RuntimeException {

    enum Problem {
        /** Anything that does not fit the grammar. */
        SYNTAX,
        /** A ';' makes several statements; MLflow asks for an AND-ed list instead. */
        MULTIPLE_STATEMENTS,
        /** An order_by direction that is neither ASC nor DESC. */
        ORDERING_KEY
    }

    private final FilterToken token;
    private final Problem problem;

    FilterSyntaxException(FilterToken token, String rule) {
        this(token, rule, Problem.SYNTAX);
    }

    FilterSyntaxException(FilterToken token, String rule, Problem problem) {
        super(rule, null, false, false);
        this.token = token;
        this.problem = problem;
    }

    FilterToken token() {
        return token;
    }

    String rule() {
        return getMessage();
    }

    Problem problem() {
        return problem;
    }
}
