package dev.atoll.modules;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Whatever the input, the parser answers with problems, never with an exception. */
class AnnotationParserRobustnessTest {
    private static final String SOURCE = """
            from atoll_helper import model, parameter
            @model(name="t", author='a', description=\"\"\"multi
            line\"\"\", visibility="PUBLIC", input_type="X", output_type=r"Y\\n")
            @parameter(name="lr", type="FLOAT", default_value=-0.5e-3, description='x')
            @parameter("grid", "DICTIONARY", False, {"a": [1, 2.0, (3,)], 'b': {None: True}})
            def init_params():  # trailing comment
                return 0x1F + 0o7 + 0b1 + 1_000
            """;

    @Test
    void everyPrefixOfAValidFileParsesWithoutThrowing() {
        for (int end = 0; end <= SOURCE.length(); end++) {
            String prefix = SOURCE.substring(0, end);
            assertThatCode(() -> AnnotationParser.parse("p.py", prefix)).as("prefix of length %d", end).doesNotThrowAnyException();
        }
        AnnotationScan full = AnnotationParser.parse("p.py", SOURCE);
        assertThat(full.problems()).isEmpty();
        assertThat(full.annotations().orElseThrow().outputType()).isEqualTo("Y\\n");
        assertThat(full.annotations().orElseThrow().parameters().get(1).defaultValue())
                .isEqualTo("{\"a\": [1, 2.0, [3]], \"b\": {None: True}}");
    }

    @Test
    void randomMutationsParseWithoutThrowingAndReportPositionsInsideTheFile() {
        Random random = new Random(42);
        String alphabet = "@()[]{},:=\"'\\#\n -.0123456789abcTrueNone";
        for (int i = 0; i < 3000; i++) {
            StringBuilder mutated = new StringBuilder(SOURCE);
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(mutated.length());
                switch (random.nextInt(3)) {
                    case 0 -> mutated.deleteCharAt(at);
                    case 1 -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String text = mutated.toString();
            long lines = text.lines().count() + 1;
            AnnotationScan scan = AnnotationParser.parse("m.py", text);
            assertThat(scan.problems()).allSatisfy(problem -> assertThat(problem.line()).as(text).isBetween(0, (int) lines));
        }
    }
}
