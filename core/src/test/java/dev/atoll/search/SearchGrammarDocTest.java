package dev.atoll.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atoll.errors.AtollException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/search.md true: every field of the comparator tables is parsed with every comparator
 * and must be accepted exactly where the table has a ✓; every example of the error table must fail
 * with the message shown (its "..." standing for omitted text).
 */
class SearchGrammarDocTest {
    private static final Path DOC = Path.of("..", "docs", "search.md");
    private static final List<List<Comparator>> COLUMNS = List.of(
            List.of(Comparator.EQ, Comparator.NE),
            List.of(Comparator.LT, Comparator.LE, Comparator.GT, Comparator.GE),
            List.of(Comparator.LIKE, Comparator.ILIKE),
            List.of(Comparator.IN, Comparator.NOT_IN));
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void runTableMatchesParser() throws IOException {
        int checked = checkTable("### What each field accepts (runs)", SearchFilter::parseRunFilter);
        assertThat(checked).as("fields x comparators checked").isEqualTo(13 * 10);
    }

    @Test
    void experimentTableMatchesParser() throws IOException {
        int checked = checkTable("### What each field accepts (experiments)", SearchFilter::parseExperimentFilter);
        assertThat(checked).isEqualTo(4 * 10);
    }

    @Test
    void errorTableMatchesParser() throws IOException {
        List<String> rows = tableRowsAfter("## Errors");
        assertThat(rows).hasSizeGreaterThan(15);
        for (String row : rows) {
            String[] cells = row.split("\\|", -1);
            String input = unquote(cells[1].replaceFirst("^\\s*(order_by|page_token) ", ""));
            Runnable parse;
            if (cells[1].trim().startsWith("order_by ")) {
                parse = () -> SearchOrder.parseRunOrderBy(List.of(input));
            } else if (cells[1].trim().startsWith("page_token ")) {
                parse = () -> PageToken.decode(input);
            } else {
                parse = () -> SearchFilter.parseRunFilter(input);
            }
            String[] fragments = unquote(cells[2]).split("\\.\\.\\.");
            assertThatThrownBy(parse::run).as(input).isInstanceOf(AtollException.class)
                    .satisfies(e -> {
                        for (String fragment : fragments) {
                            assertThat(e.getMessage()).as(input).contains(fragment.strip());
                        }
                    });
        }
    }

    private static String unquote(String cell) {
        return cell.strip().replaceAll("^`+ ?", "").replaceAll(" ?`+$", "");
    }

    private static int checkTable(String heading, Function<String, List<Comparison>> parser) throws IOException {
        List<String> rows = tableRowsAfter(heading);
        assertThat(rows).as("rows of the table under " + heading).isNotEmpty();
        int checked = 0;
        for (String row : rows) {
            String[] cells = row.split("\\|", -1);
            // cells: "", field, value, col1..col4, ""
            boolean numeric = cells[2].trim().startsWith("number");
            Matcher fields = CODE.matcher(cells[1]);
            while (fields.find()) {
                String field = fields.group(1).replace("<key>", "k");
                for (int column = 0; column < COLUMNS.size(); column++) {
                    boolean allowed = cells[3 + column].contains("✓");
                    for (Comparator comparator : COLUMNS.get(column)) {
                        check(parser, field, comparator, numeric, allowed);
                        checked++;
                    }
                }
            }
        }
        return checked;
    }

    private static void check(Function<String, List<Comparison>> parser, String field, Comparator comparator,
            boolean numeric, boolean allowed) {
        String value = comparator == Comparator.IN || comparator == Comparator.NOT_IN ? "('v')" : numeric ? "1" : "'v'";
        String filter = field + " " + comparator.symbol() + " " + value;
        if (allowed) {
            List<Comparison> parsed = parser.apply(filter);
            assertThat(parsed).as(filter).singleElement()
                    .satisfies(clause -> assertThat(clause.comparator()).isEqualTo(comparator));
        } else {
            assertThatThrownBy(() -> parser.apply(filter)).as(filter)
                    .isInstanceOf(AtollException.class)
                    .hasMessageContaining("Invalid comparator '" + comparator.symbol() + "'");
        }
    }

    private static List<String> tableRowsAfter(String heading) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf(heading);
        assertThat(start).as(heading + " in " + DOC).isNotNegative();
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("|")) {
                inTable = true;
                if (!line.startsWith("| field") && !line.startsWith("| input") && !line.startsWith("|---")) {
                    rows.add(line);
                }
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }
}
