package dev.atoll.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new AtollCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // The same handler the real entry point installs, reached through execute's wiring.
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("error: " + e.getMessage());
            return e instanceof dev.atoll.errors.AtollException ? ExitCodes.USER_ERROR : ExitCodes.INTERNAL_ERROR;
        });
        return cli.execute(args);
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void printsMarkdownByDefaultAndWritesJsonToAFile() throws Exception {
        Path old = file("old.csv", "id,v\n1,a\n2,b\n");
        Path fresh = file("new.csv", "id,v\n1,a\n2,c\n3,d\n");
        assertThat(run("diff", old.toString(), fresh.toString())).isZero();
        assertThat(out.toString()).contains("| added | 1 |").contains("| modified | 1 |");

        Path report = dir.resolve("report.json");
        assertThat(run("diff", old.toString(), fresh.toString(), "--key", "id", "--format", "json", "--output", report.toString())).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.at("/rows/modified").asInt()).isEqualTo(1);
        assertThat(json.get("key_note").asText()).contains("given");
    }

    @Test
    void missingFileAndUnknownKeyAreUserErrorsNamingTheProblem() throws Exception {
        Path old = file("old.csv", "id,v\n1,a\n");
        assertThat(run("diff", old.toString(), dir.resolve("gone.csv").toString())).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("gone.csv does not exist");
        assertThat(run("diff", old.toString(), old.toString(), "--key", "nope")).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("key column 'nope' is not in").contains("id, v");
    }

    @Test
    void theRealEntryPointExitsWithUserErrorForBadInput() {
        assertThat(AtollCommand.execute("diff", dir.resolve("a.csv").toString(), dir.resolve("b.csv").toString()))
                .isEqualTo(ExitCodes.USER_ERROR);
    }
}
