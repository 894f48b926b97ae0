package dev.atoll.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jgit.api.Git;
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
        CommandLine cli = AtollCommand.commandLine(args);
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

    @Test
    void twoDirectoriesGiveADirectoryDiff() throws Exception {
        Files.createDirectories(dir.resolve("a/cat"));
        Files.createDirectories(dir.resolve("b/dog"));
        Files.writeString(dir.resolve("a/cat/1.txt"), "x");
        Files.writeString(dir.resolve("b/dog/1.txt"), "x");
        assertThat(run("diff", dir.resolve("a").toString(), dir.resolve("b").toString(), "--format", "json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("kind").asText()).isEqualTo("directory_diff");
        assertThat(json.at("/counts/renamed").asInt()).isEqualTo(1);
        assertThat(json.at("/folders/dog/renamed_in").asInt()).isEqualTo(1);
    }

    @Test
    void aDirectoryAgainstAFileAndAThirdPathAreUserErrors() throws Exception {
        Path file = file("a.csv", "id\n1\n");
        assertThat(run("diff", dir.toString(), file.toString())).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("is a directory and").contains("is not");
        assertThat(run("diff", file.toString(), file.toString(), file.toString())).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("compares two paths, OLD and NEW, but got 3").contains("--repo");
    }

    @Test
    void twoRevisionsOfARepositoryGiveATableDiffForOneTableAndADirectoryDiffOtherwise() throws Exception {
        Path repo = dir.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(repo.resolve("data"));
            Files.writeString(repo.resolve("data/train.csv"), "id,v\n1,a\n2,b\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("one").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call();
            git.branchCreate().setName("before").call();
            Files.writeString(repo.resolve("data/train.csv"), "id,v\n1,a\n2,c\n3,d\n");
            Files.writeString(repo.resolve("data/notes.txt"), "new");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("two").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call();
        }
        assertThat(run("diff", "--repo", repo.toString(), "before", "main", "data/train.csv", "--format", "json")).isZero();
        JsonNode table = new ObjectMapper().readTree(out.toString());
        assertThat(table.get("kind").asText()).isEqualTo("table_diff");
        assertThat(table.at("/before/path").asText()).isEqualTo("before:data/train.csv");
        assertThat(table.at("/rows/added").asInt()).isEqualTo(1);
        assertThat(table.at("/rows/modified").asInt()).isEqualTo(1);

        out.getBuffer().setLength(0);
        assertThat(run("diff", "--repo", repo.toString(), "before", "main")).isZero();
        assertThat(out.toString()).contains("### Directory diff: `before` → `main`").contains("1 added, 0 removed, 1 modified")
                .contains("### Data diff: `before:data/train.csv` → `main:data/train.csv`");

        out.getBuffer().setLength(0);
        assertThat(run("diff", "--repo", repo.toString(), "before", "main", "data", "--format", "json")).isZero();
        JsonNode directory = new ObjectMapper().readTree(out.toString());
        assertThat(directory.get("kind").asText()).isEqualTo("directory_diff");
        assertThat(directory.at("/tables/0/rows/modified").asInt()).isEqualTo(1);
        assertThat(directory.at("/tables/0/after/path").asText()).isEqualTo("main:data/train.csv");

        out.getBuffer().setLength(0);
        assertThat(run("diff", "--repo", repo.toString(), "before", "main", "--format", "html")).isZero();
        assertThat(out.toString()).startsWith("<!DOCTYPE html>").contains("<h2>before:data/train.csv → main:data/train.csv</h2>")
                .containsOnlyOnce("</html>");

        assertThat(run("diff", "--repo", repo.toString(), "before", "nope")).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("revision 'nope' is not in the git repository");
    }
}
