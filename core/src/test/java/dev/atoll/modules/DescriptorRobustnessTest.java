package dev.atoll.modules;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThatCode;

/** MLproject and requirements.txt: random damage gives problems, never an exception. */
class DescriptorRobustnessTest {
    private static final String MLPROJECT = """
            name: normalise
            entry_points:
              main:
                parameters:
                  input: path
                  scale: {type: float, default: 1.0}
                command: "python main.py --input {input} --scale {scale}"
            """;
    private static final String REQUIREMENTS = "numpy==1.26.4\nrequests[socks] == 2.32.3  # c\ntomli==2.0.1 ; python_version < \"3.11\"\n";

    private static String mutate(String text, Random random, String alphabet) {
        StringBuilder mutated = new StringBuilder(text);
        for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(3)) {
                case 0 -> mutated.deleteCharAt(at);
                case 1 -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return mutated.toString();
    }

    @Test
    void damagedMlProjectFilesGiveProblemsNotExceptions() {
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            String text = mutate(MLPROJECT, random, "{}[]:,-&*!|>'\"#\n\t ?%@`abc1");
            assertThatCode(() -> MlProjectParser.parse("MLproject", text)).as(text).doesNotThrowAnyException();
        }
    }

    @Test
    void damagedRequirementsGiveProblemsNotExceptions() {
        Random random = new Random(8);
        for (int i = 0; i < 3000; i++) {
            String text = mutate(REQUIREMENTS, random, "=<>!~[];,#*.-_ \n\tab1");
            assertThatCode(() -> RequirementsParser.parse("requirements.txt", text)).as(text).doesNotThrowAnyException();
        }
    }
}
