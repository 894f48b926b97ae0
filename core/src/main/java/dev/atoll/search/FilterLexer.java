package dev.atoll.search;

import dev.atoll.search.FilterToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a filter or order_by string into tokens, the way MLflow's SQL-ish grammar does: bare
 * words, numbers, {@code `backquoted`} and {@code "double-quoted"} names, {@code 'single-quoted'}
 * strings, punctuation and comparison operators. A quote inside quotes is written twice
 * ({@code 'it''s'}); in strings also with a backslash ({@code 'it\'s'}), and {@code \\} is one backslash.
 * Any other backslash is kept as written.
 */
final class FilterLexer {
    private final String input;
    private final List<FilterToken> tokens = new ArrayList<>();
    private int pos;

    private FilterLexer(String input) {
        this.input = input;
    }

    static List<FilterToken> tokenize(String input) {
        FilterLexer lexer = new FilterLexer(input);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
                pos++;
            }
            if (pos >= input.length()) {
                tokens.add(new FilterToken(Kind.END, "", "", pos, pos));
                return;
            }
            tokens.add(next());
        }
    }

    private FilterToken next() {
        char c = input.charAt(pos);
        int start = pos;
        switch (c) {
            case '`':
                return quoted(Kind.BACKQUOTED, '`');
            case '"':
                return quoted(Kind.DOUBLE_QUOTED, '"');
            case '\'':
                return quoted(Kind.SINGLE_QUOTED, '\'');
            case '.':
                if (followsName() || !numberMayStartHere()) {
                    return single(Kind.DOT);
                }
                break;
            case ',':
                return single(Kind.COMMA);
            case '(':
                return single(Kind.LEFT_PAREN);
            case ')':
                return single(Kind.RIGHT_PAREN);
            case ';':
                return single(Kind.SEMICOLON);
            default:
                break;
        }
        if (isOperatorChar(c)) {
            while (pos < input.length() && isOperatorChar(input.charAt(pos))) {
                pos++;
            }
            return token(Kind.OPERATOR, start);
        }
        if (numberMayStartHere()) {
            int numberEnd = numberEnd(start);
            if (numberEnd > start && (numberEnd == input.length() || !isWordChar(input.charAt(numberEnd)))) {
                pos = numberEnd;
                return token(Kind.NUMBER, start);
            }
        }
        if (isWordChar(c)) {
            while (pos < input.length() && isWordChar(input.charAt(pos))) {
                pos++;
            }
            return token(Kind.WORD, start);
        }
        return single(Kind.OTHER);
    }

    /** A '.' right after a name separates the entity from the key, as in {@code metrics.1}. */
    private boolean followsName() {
        if (tokens.isEmpty()) {
            return false;
        }
        FilterToken last = tokens.get(tokens.size() - 1);
        return last.end() == pos && (last.is(Kind.WORD) || last.isQuotedName());
    }

    /**
     * A number may start at a digit, a '.' or '-' followed by a digit, but never right after a dot:
     * in {@code metrics.1st} or {@code tags.v.2} the part after the dot is a name.
     */
    private boolean numberMayStartHere() {
        if (!tokens.isEmpty()) {
            FilterToken last = tokens.get(tokens.size() - 1);
            if (last.is(Kind.DOT) && last.end() == pos) {
                return false;
            }
        }
        int i = input.charAt(pos) == '-' ? pos + 1 : pos;
        if (i < input.length() && input.charAt(i) == '.') {
            i++;
        }
        return i < input.length() && Character.isDigit(input.charAt(i));
    }

    /** End of the longest match of {@code -?(digits[.digits*] | .digits)([eE][+-]?digits)?}, or start if none. */
    private int numberEnd(int start) {
        int i = start;
        if (i < input.length() && input.charAt(i) == '-') {
            i++;
        }
        int digitsBefore = skipDigits(i);
        boolean hasMantissa = digitsBefore > i;
        i = digitsBefore;
        if (i < input.length() && input.charAt(i) == '.') {
            int afterDot = skipDigits(i + 1);
            if (hasMantissa || afterDot > i + 1) {
                hasMantissa = true;
                i = afterDot;
            }
        }
        if (!hasMantissa) {
            return start;
        }
        if (i < input.length() && (input.charAt(i) == 'e' || input.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < input.length() && (input.charAt(j) == '+' || input.charAt(j) == '-')) {
                j++;
            }
            int expEnd = skipDigits(j);
            if (expEnd > j) {
                i = expEnd;
            }
        }
        return i;
    }

    private int skipDigits(int i) {
        while (i < input.length() && Character.isDigit(input.charAt(i))) {
            i++;
        }
        return i;
    }

    private FilterToken quoted(Kind kind, char quote) {
        int start = pos;
        StringBuilder value = new StringBuilder();
        // As in SQL dialects (and sqlparse): strings know \' and \\, backquoted names only ``.
        boolean backslashEscapes = quote != '`';
        pos++;
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (backslashEscapes && c == '\\' && pos + 1 < input.length()
                    && (input.charAt(pos + 1) == quote || input.charAt(pos + 1) == '\\')) {
                value.append(input.charAt(pos + 1));
                pos += 2;
            } else if (c == quote && pos + 1 < input.length() && input.charAt(pos + 1) == quote) {
                value.append(quote);
                pos += 2;
            } else if (c == quote) {
                pos++;
                return new FilterToken(kind, input.substring(start, pos), value.toString(), start, pos);
            } else {
                value.append(c);
                pos++;
            }
        }
        FilterToken unclosed = new FilterToken(Kind.OTHER, input.substring(start), "", start, input.length());
        throw new FilterSyntaxException(unclosed, "the quote " + quote + " is never closed; close it with a matching " + quote);
    }

    private FilterToken single(Kind kind) {
        pos++;
        return token(kind, pos - 1);
    }

    private FilterToken token(Kind kind, int start) {
        String text = input.substring(start, pos);
        return new FilterToken(kind, text, text, start, pos);
    }

    private static boolean isOperatorChar(char c) {
        return c == '=' || c == '!' || c == '<' || c == '>' || c == '~';
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#';
    }
}
