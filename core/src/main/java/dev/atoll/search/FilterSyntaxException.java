package dev.atoll.search;

/**
 * A syntax error at a position of the input. Internal: {@link SearchFilter} and {@link SearchOrder}
 * turn it into an {@code AtollException} whose wording depends on what was being parsed.
 */
final class FilterSyntaxException extends RuntimeException {
    private final FilterToken token;

    FilterSyntaxException(FilterToken token, String rule) {
        super(rule, null, false, false);
        this.token = token;
    }

    FilterToken token() {
        return token;
    }

    String rule() {
        return getMessage();
    }
}
