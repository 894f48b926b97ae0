package dev.atoll.search;

/**
 * One lexical token of a filter or order_by string. {@code text} is the exact source slice (for
 * error messages), {@code value} the content with quotes removed and escapes resolved.
 */
record FilterToken(Kind kind, String text, String value, int start, int end) {

    enum Kind {
        WORD, NUMBER, BACKQUOTED, DOUBLE_QUOTED, SINGLE_QUOTED,
        DOT, COMMA, LEFT_PAREN, RIGHT_PAREN, OPERATOR, SEMICOLON, OTHER, END
    }

    boolean is(Kind wanted) {
        return kind == wanted;
    }

    /** Keywords (AND, IN, NOT, LIKE, ...) are unquoted words, matched case-insensitively as in SQL. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isQuotedName() {
        return kind == Kind.BACKQUOTED || kind == Kind.DOUBLE_QUOTED;
    }

    /** True when this token starts exactly where {@code previous} ends, with no whitespace between. */
    boolean touches(FilterToken previous) {
        return previous.end == start;
    }

    String describe() {
        return kind == Kind.END ? "end of input" : "'" + text + "'";
    }
}
