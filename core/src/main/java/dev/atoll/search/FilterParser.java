package dev.atoll.search;

import dev.atoll.errors.AtollException;
import dev.atoll.search.FilterSyntaxException.Problem;
import dev.atoll.search.FilterToken.Kind;
import dev.atoll.search.SearchFields.Field;
import dev.atoll.search.SearchFields.ValueKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for MLflow's search grammar:
 *
 * <pre>
 * filter     := clause (AND clause)* END
 * clause     := identifier comparator value
 *             | identifier [NOT] IN '(' string (',' string)* ')'
 * identifier := name | name '.' key          -- no whitespace around the dot
 * key        := name | word ('.' word)*      -- tags.mlflow.runName has key mlflow.runName
 * name       := word | `backquoted` | "double quoted"
 * value      := number | 'string' | "string"
 * order_by   := identifier [ASC | DESC] END
 * </pre>
 *
 * Syntax errors surface as {@link FilterSyntaxException}; errors about what a clause means (unknown
 * entity, wrong comparator, wrong value type) as {@link AtollException} with MLflow's wording.
 */
final class FilterParser {
    private final SearchFields fields;
    private final List<FilterToken> tokens;
    private int index;

    private FilterParser(SearchFields fields, String input) {
        this.fields = fields;
        this.tokens = FilterLexer.tokenize(input);
    }

    static List<Comparison> parseFilter(SearchFields fields, String input) {
        return new FilterParser(fields, input).filter();
    }

    static OrderBy parseOrderBy(SearchFields fields, String input) {
        return new FilterParser(fields, input).orderBy();
    }

    private List<Comparison> filter() {
        List<Comparison> clauses = new ArrayList<>();
        if (peek().is(Kind.END)) {
            return clauses;
        }
        clauses.add(clause());
        while (true) {
            FilterToken token = next();
            if (token.is(Kind.END)) {
                return clauses;
            }
            if (token.is(Kind.SEMICOLON)) {
                throw new FilterSyntaxException(token, "one filter is one statement", Problem.MULTIPLE_STATEMENTS);
            }
            if (!token.isKeyword("AND")) {
                throw new FilterSyntaxException(token, "clauses can only be joined by AND"
                        + (token.isKeyword("OR") ? " (OR is not supported)" : ""));
            }
            if (peek().is(Kind.END)) {
                throw new FilterSyntaxException(peek(), "expected a clause after AND");
            }
            clauses.add(clause());
        }
    }

    private Comparison clause() {
        FilterToken first = peek();
        if (first.is(Kind.LEFT_PAREN)) {
            throw new FilterSyntaxException(first, "parentheses are not supported; write clauses joined by AND");
        }
        if (first.isKeyword("AND") || first.isKeyword("OR") || first.isKeyword("NOT")) {
            throw new FilterSyntaxException(first, "expected a clause such as metrics.acc > 0.9, found the keyword "
                    + first.text().toUpperCase() + "; quote a key named like a keyword: `" + first.text() + "`");
        }
        if (!isNameStart(first)) {
            if (first.is(Kind.NUMBER) || first.is(Kind.SINGLE_QUOTED)) {
                throw AtollException.invalidParameter("Invalid comparison clause at position " + first.start()
                        + ". Expected 'Identifier' found '" + first.text()
                        + "'. A clause reads <identifier> <comparator> <value>, e.g. metrics.acc > 0.9");
            }
            throw new FilterSyntaxException(first, "expected an identifier such as metrics.acc or params.lr");
        }
        Identifier identifier = identifier();
        Field field = fields.filterField(identifier.prefix(), identifier.key());
        FilterToken comparatorToken = peek();
        Comparator comparator = comparator(identifier);
        if (!field.comparators().contains(comparator)) {
            throw invalidComparator(comparator, field);
        }
        if (comparator == Comparator.IN || comparator == Comparator.NOT_IN) {
            return new Comparison(field.type(), field.key(), comparator, list(comparator));
        }
        return new Comparison(field.type(), field.key(), comparator, value(field, comparatorToken));
    }

    private OrderBy orderBy() {
        if (peek().is(Kind.END)) {
            throw new FilterSyntaxException(peek(), "expected '<identifier> [ASC|DESC]'");
        }
        if (!isNameStart(peek())) {
            throw new FilterSyntaxException(peek(), "expected an identifier such as metrics.acc or attributes.start_time");
        }
        Identifier identifier = identifier();
        boolean ascending = true;
        FilterToken direction = next();
        if (direction.is(Kind.WORD)) {
            if (direction.isKeyword("ASC") || direction.isKeyword("DESC")) {
                ascending = direction.isKeyword("ASC");
                direction = next();
            } else {
                throw new FilterSyntaxException(direction, "use ASC or DESC", Problem.ORDERING_KEY);
            }
        }
        if (!direction.is(Kind.END)) {
            throw new FilterSyntaxException(direction, "expected '<identifier> [ASC|DESC]' and nothing after it");
        }
        Field field = fields.orderField(identifier.prefix(), identifier.key());
        return new OrderBy(field.type(), field.key(), ascending);
    }

    /** {@code prefix} is null when the identifier has no dot ({@code status}, {@code `run name`}). */
    private record Identifier(String prefix, String key, String text, int end) {
    }

    private Identifier identifier() {
        FilterToken first = next();
        if (!(peek().is(Kind.DOT) && peek().touches(first))) {
            return new Identifier(null, first.value(), first.text(), first.end());
        }
        FilterToken dot = next();
        FilterToken keyStart = peek();
        if (!keyStart.touches(dot) || !isNameStart(keyStart)) {
            throw new FilterSyntaxException(keyStart, "expected a key right after '" + first.text()
                    + ".'; quote keys with spaces or special characters: " + first.text() + ".`my key`");
        }
        next();
        if (keyStart.isQuotedName()) {
            return new Identifier(first.value(), keyStart.value(), source(first, keyStart), keyStart.end());
        }
        StringBuilder key = new StringBuilder(keyStart.value());
        FilterToken last = keyStart;
        while (peek().is(Kind.DOT) && peek().touches(last) && tokens.get(index + 1).is(Kind.WORD)
                && tokens.get(index + 1).touches(peek())) {
            next();
            last = next();
            key.append('.').append(last.value());
        }
        return new Identifier(first.value(), key.toString(), source(first, last), last.end());
    }

    private Comparator comparator(Identifier identifier) {
        FilterToken token = next();
        if (token.is(Kind.OPERATOR)) {
            return switch (token.text()) {
                case "=" -> Comparator.EQ;
                case "!=" -> Comparator.NE;
                case "<" -> Comparator.LT;
                case "<=" -> Comparator.LE;
                case ">" -> Comparator.GT;
                case ">=" -> Comparator.GE;
                default -> throw AtollException.invalidParameter("Invalid comparator '" + token.text()
                        + "' at position " + token.start() + ". Valid comparators are =, !=, <, <=, >, >=, LIKE, ILIKE,"
                        + " IN, NOT IN");
            };
        }
        if (token.isKeyword("LIKE")) {
            return Comparator.LIKE;
        }
        if (token.isKeyword("ILIKE")) {
            return Comparator.ILIKE;
        }
        if (token.isKeyword("IN")) {
            return Comparator.IN;
        }
        if (token.isKeyword("NOT")) {
            FilterToken in = next();
            if (in.isKeyword("IN")) {
                return Comparator.NOT_IN;
            }
            throw new FilterSyntaxException(in, "expected IN after NOT; NOT only appears in NOT IN");
        }
        if (token.isKeyword("IS")) {
            throw AtollException.invalidParameter("Invalid comparator 'IS' at position " + token.start()
                    + ": IS NULL / IS NOT NULL is not supported by Atoll yet");
        }
        String hint = identifier.prefix() != null && token.is(Kind.OTHER) && token.start() == identifier.end()
                ? "; quote keys with spaces or special characters: " + identifier.prefix() + ".`my-key`"
                : "";
        throw new FilterSyntaxException(token, "expected a comparator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN)"
                + " after '" + identifier.text() + "'" + hint);
    }

    private Object value(Field field, FilterToken comparatorToken) {
        FilterToken token = next();
        switch (token.kind()) {
            case NUMBER:
                if (field.valueKind() == ValueKind.NUMBER) {
                    return Double.valueOf(token.text());
                }
                throw AtollException.invalidParameter(expectedString(field) + ". Got value " + token.text());
            case SINGLE_QUOTED:
            case DOUBLE_QUOTED:
                if (field.valueKind() == ValueKind.STRING) {
                    return token.value();
                }
                throw expectedNumber(field, token.text());
            case WORD:
            case BACKQUOTED:
                String text = restOfName(token);
                if (field.valueKind() == ValueKind.NUMBER) {
                    throw expectedNumber(field, text);
                }
                throw AtollException.invalidParameter(capitalized(field.label()) + " value is either not quoted or"
                        + " unidentified quote types used for string value " + text
                        + ". Use either single or double quotes.");
            case LEFT_PAREN:
                throw AtollException.invalidParameter("A list of values at position " + token.start()
                        + " needs IN or NOT IN, not '" + comparatorToken.text() + "'");
            default:
                throw new FilterSyntaxException(token, "expected a value after '" + comparatorToken.text() + "'");
        }
    }

    private List<String> list(Comparator comparator) {
        FilterToken open = next();
        if (!open.is(Kind.LEFT_PAREN)) {
            throw new FilterSyntaxException(open, "expected a parenthesised list of quoted strings after "
                    + comparator.symbol() + ", e.g. ('a', 'b')");
        }
        List<String> values = new ArrayList<>();
        if (peek().is(Kind.RIGHT_PAREN)) {
            throw AtollException.invalidParameter("While parsing a list in the query, expected a non-empty list of"
                    + " string values, but got empty list at position " + open.start());
        }
        while (true) {
            FilterToken item = next();
            if (item.is(Kind.SINGLE_QUOTED) || item.is(Kind.DOUBLE_QUOTED)) {
                values.add(item.value());
            } else if (item.is(Kind.NUMBER) || item.is(Kind.WORD) || item.is(Kind.BACKQUOTED)) {
                throw AtollException.invalidParameter("While parsing a list in the query, expected string value,"
                        + " punctuation, or whitespace, but got different type in list: " + item.text()
                        + " at position " + item.start() + ". Quote every value, e.g. ('a', 'b')");
            } else {
                throw illFormedList(item);
            }
            FilterToken separator = next();
            if (separator.is(Kind.RIGHT_PAREN)) {
                return List.copyOf(values);
            }
            if (!separator.is(Kind.COMMA)) {
                throw illFormedList(separator);
            }
        }
    }

    private static AtollException illFormedList(FilterToken token) {
        return AtollException.invalidParameter("While parsing a list in the query, expected a non-empty list of"
                + " string values, but got ill-formed list: " + token.describe() + " at position " + token.start()
                + ". Write ('a', 'b')");
    }

    private AtollException invalidComparator(Comparator comparator, Field field) {
        if (fields == SearchFields.RUNS && field.type() == EntityType.ATTRIBUTE
                && (comparator == Comparator.IN || comparator == Comparator.NOT_IN) && field.valueKind() == ValueKind.STRING) {
            return AtollException.invalidParameter("Invalid comparator '" + comparator + "' for attribute '"
                    + field.key() + "': only the 'run_id' attribute supports comparison with a list of quoted string"
                    + " values.");
        }
        return AtollException.invalidParameter("Invalid comparator '" + comparator + "' for " + field.label() + " '"
                + field.key() + "': not one of " + ordered(field));
    }

    private static String ordered(Field field) {
        return field.comparators().stream().map(Comparator::symbol).toList().toString();
    }

    private static String expectedString(Field field) {
        return switch (field.type()) {
            case ATTRIBUTE -> "Expected a quoted string value for attributes (attribute '" + field.key() + "')";
            case DATASET -> "Expected a quoted string value for dataset attributes (dataset '" + field.key() + "')";
            default -> "Expected a quoted string value for " + field.label() + " (e.g. 'my-value')";
        };
    }

    private static AtollException expectedNumber(Field field, String found) {
        String what = field.type() == EntityType.METRIC ? "metric" : "numeric attribute: " + field.key();
        return AtollException.invalidParameter("Expected numeric value type for " + what + ". Found " + found);
    }

    /** For messages: an unquoted value such as {@code metrics.acc} shown whole, not just its first word. */
    private String restOfName(FilterToken first) {
        FilterToken last = first;
        while (peek().touches(last) && (peek().is(Kind.DOT) || peek().is(Kind.WORD) || peek().isQuotedName())) {
            last = next();
        }
        return source(first, last);
    }

    private String source(FilterToken from, FilterToken to) {
        StringBuilder text = new StringBuilder();
        for (int i = tokens.indexOf(from); i <= tokens.indexOf(to); i++) {
            text.append(tokens.get(i).text());
        }
        return text.toString();
    }

    private static boolean isNameStart(FilterToken token) {
        return token.is(Kind.WORD) || token.isQuotedName();
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private FilterToken peek() {
        return tokens.get(index);
    }

    private FilterToken next() {
        FilterToken token = tokens.get(index);
        if (!token.is(Kind.END)) {
            index++;
        }
        return token;
    }
}
