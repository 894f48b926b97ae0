package dev.atoll.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Seeded random inputs: well-formed filters rendered in every allowed spelling must parse to the
 * clauses they were rendered from, and garbage must fail only with INVALID_PARAMETER_VALUE (never a
 * NullPointerException, IndexOutOfBoundsException or NumberFormatException).
 */
class SearchFilterFuzzTest {
    private static final long SEED = 20261123L;
    private static final List<String> FRAGMENTS = List.of(
            "metrics", "params", "tags", "attributes", "datasets", "run", ".", "acc", "mlflow.runName", "`", "\"",
            "'", "=", "!=", ">=", "<", "<>", "~", "LIKE", "ilike", "IN", "NOT", "AND", "and", "OR", "(", ")", ",",
            "1", "-1.5e3", ".5", "5.", "-", "'x'", "\"y\"", "`k k`", " ", ";", "IS", "NULL", "run_id", "start_time",
            "created", "`run name`", "name", "digest", "@", "\\", "é", "\t", "''", "ASC", "desc", "e", "0x1");

    private final Random random = new Random(SEED);

    @Test
    void renderedClausesParseBackToTheirAst() {
        for (int i = 0; i < 3000; i++) {
            List<Comparison> expected = new ArrayList<>();
            StringBuilder filter = new StringBuilder(spaces(0));
            int clauses = 1 + random.nextInt(4);
            for (int c = 0; c < clauses; c++) {
                if (c > 0) {
                    filter.append(spaces(1)).append(pick("AND", "and", "And")).append(spaces(1));
                }
                filter.append(randomClause(expected));
            }
            filter.append(spaces(0));
            String input = filter.toString();
            List<Comparison> parsed;
            try {
                parsed = SearchFilter.parseRunFilter(input);
            } catch (AtollException e) {
                throw new AssertionError("rejected well-formed filter <" + input + ">: " + e.getMessage(), e);
            }
            assertThat(parsed).as(input).isEqualTo(expected);
        }
    }

    @Test
    void garbageFailsOnlyWithInvalidParameterValue() {
        for (int i = 0; i < 20000; i++) {
            String input = garbage();
            expectCleanOutcome(input, SearchFilter::parseRunFilter);
            expectCleanOutcome(input, SearchFilter::parseExperimentFilter);
            expectCleanOutcome(input, text -> SearchOrder.parseRunOrderBy(List.of(text)));
            expectCleanOutcome(input, text -> SearchOrder.parseExperimentOrderBy(List.of(text)));
            expectCleanOutcome(input, PageToken::decode);
        }
    }

    private static void expectCleanOutcome(String input, Consumer<String> parser) {
        try {
            parser.accept(input);
        } catch (AtollException e) {
            assertThat(e.code()).as(input).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
            assertThat(e.getMessage()).as(input).isNotBlank();
        } catch (RuntimeException e) {
            fail("<" + input + "> failed with " + e, e);
        }
    }

    private String garbage() {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(9);
        for (int i = 0; i < parts; i++) {
            if (random.nextInt(6) == 0) {
                text.append((char) (32 + random.nextInt(95)));
            } else {
                text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            }
            if (random.nextBoolean()) {
                text.append(' ');
            }
        }
        return text.toString();
    }

    private String randomClause(List<Comparison> expected) {
        switch (random.nextInt(5)) {
            case 0: {
                String key = pick("acc", "val loss", "a.b.c", "x-y", "1st", "Mean Square Error", "q\"uote", "b`tick");
                Comparator comparator = pick(Comparator.EQ, Comparator.NE, Comparator.LT, Comparator.LE, Comparator.GT,
                        Comparator.GE);
                double value = randomNumber();
                expected.add(new Comparison(EntityType.METRIC, key, comparator, value));
                return pick("metric", "metrics", "`metrics`") + "." + renderKey(key) + spaces(0) + comparator.symbol()
                        + spaces(0) + renderNumber(value);
            }
            case 1: {
                EntityType type = random.nextBoolean() ? EntityType.PARAM : EntityType.TAG;
                String key = pick("lr", "model class", "mlflow.source.git.commit", "x/y", "it's");
                Comparator comparator = pick(Comparator.EQ, Comparator.NE, Comparator.LIKE, Comparator.ILIKE);
                String value = randomString();
                expected.add(new Comparison(type, key, comparator, value));
                String prefix = type == EntityType.PARAM
                        ? pick("param", "params", "parameter", "parameters")
                        : pick("tag", "tags");
                return prefix + "." + renderKey(key) + spaces(1) + renderComparator(comparator) + spaces(1)
                        + renderString(value);
            }
            case 2: {
                String[][] attributes = {
                    {"status", "status"}, {"run_name", "run_name"}, {"`run name`", "run_name"},
                    {"\"Run Name\"", "run_name"}, {"user_id", "user_id"}, {"artifact_uri", "artifact_uri"},
                };
                String[] attribute = attributes[random.nextInt(attributes.length)];
                Comparator comparator = pick(Comparator.EQ, Comparator.NE, Comparator.LIKE, Comparator.ILIKE);
                String value = randomString();
                expected.add(new Comparison(EntityType.ATTRIBUTE, attribute[1], comparator, value));
                return pick("", "attribute.", "attributes.", "attr.", "run.") + attribute[0] + spaces(1)
                        + renderComparator(comparator) + spaces(1) + renderString(value);
            }
            case 3: {
                String[][] attributes = {{"start_time", "start_time"}, {"end_time", "end_time"}, {"created", "start_time"},
                    {"Created", "start_time"}};
                String[] attribute = attributes[random.nextInt(attributes.length)];
                Comparator comparator = pick(Comparator.EQ, Comparator.NE, Comparator.LT, Comparator.GE);
                double value = random.nextInt(2_000_000_000);
                expected.add(new Comparison(EntityType.ATTRIBUTE, attribute[1], comparator, value));
                return pick("", "attributes.") + attribute[0] + spaces(0) + comparator.symbol() + spaces(0)
                        + renderNumber(value);
            }
            default: {
                boolean attribute = random.nextBoolean();
                EntityType type = attribute ? EntityType.ATTRIBUTE : EntityType.DATASET;
                String key = attribute ? "run_id" : pick("name", "digest", "context");
                Comparator comparator = pick(Comparator.IN, Comparator.NOT_IN);
                List<String> values = new ArrayList<>();
                StringBuilder list = new StringBuilder("(").append(spaces(0));
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    String value = randomString();
                    values.add(value);
                    list.append(i > 0 ? spaces(0) + "," + spaces(0) : "").append(renderString(value));
                }
                list.append(spaces(0)).append(")");
                expected.add(new Comparison(type, key, comparator, List.copyOf(values)));
                String prefix = attribute ? pick("", "attributes.", "run.") : pick("dataset.", "datasets.");
                return prefix + key + spaces(1) + renderComparator(comparator) + spaces(0) + list;
            }
        }
    }

    private String renderKey(String key) {
        if (key.matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*") && random.nextBoolean()) {
            return key;
        }
        return random.nextBoolean() ? quote(key, '`') : quote(key, '"');
    }

    private String renderString(String value) {
        return random.nextBoolean() ? quote(value, '\'') : quote(value, '"');
    }

    private String quote(String text, char quote) {
        if (quote == '`') {
            return quote + text.replace("`", "``") + quote;
        }
        String escape = random.nextBoolean() ? "" + quote + quote : "\\" + quote;
        return quote + text.replace("\\", "\\\\").replace(String.valueOf(quote), escape) + quote;
    }

    private String renderComparator(Comparator comparator) {
        String symbol = comparator.symbol();
        return random.nextBoolean() ? symbol : symbol.toLowerCase();
    }

    private String renderNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15 && random.nextBoolean()) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private double randomNumber() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(1000) - 500;
            case 1 -> random.nextDouble();
            case 2 -> -random.nextDouble() * 1e-7;
            default -> random.nextGaussian() * 1e12;
        };
    }

    private String randomString() {
        String alphabet = "abcXYZ019 _-%'\"`.,()=<>;\\éπ";
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = random.nextInt(8); i < n; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private String spaces(int minimum) {
        return " ".repeat(minimum + random.nextInt(3));
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
