package dev.atoll.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atoll.diff.GeneratedCsvPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's memory promise, end to end: {@code atoll diff} on two 10-million-row CSVs (about 580 MiB
 * each) in a JVM limited to a 256 MiB heap reports the exact counts. The files are generated here.
 */
class DiffLargeFilesIT {
    private static final int ROWS = 10_000_000;

    @TempDir
    Path dir;

    @Test
    void twoTenMillionRowFilesDiffWithinA256MegabyteHeap() throws Exception {
        Path old = dir.resolve("old.csv");
        Path fresh = dir.resolve("new.csv");
        GeneratedCsvPair.Expected expected = GeneratedCsvPair.write(old, fresh, ROWS);
        Path report = dir.resolve("report.json");
        Path log = dir.resolve("stderr.txt");

        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"),
                AtollCommand.class.getName(), "diff", old.toString(), fresh.toString(), "--format", "json", "--output", report.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile())
                .start();
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }

        assertThat(done).as("finished within 5 minutes").isTrue();
        assertThat(process.exitValue()).as("exit code; stderr: %s", Files.readString(log)).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("key").asText()).isEqualTo("id");
        assertThat(json.at("/rows/unchanged").asLong()).isEqualTo(expected.unchanged());
        assertThat(json.at("/rows/added").asLong()).isEqualTo(expected.added());
        assertThat(json.at("/rows/removed").asLong()).isEqualTo(expected.removed());
        assertThat(json.at("/rows/modified").asLong()).isEqualTo(expected.modified());
        assertThat(json.at("/before/rows").asLong()).isEqualTo(ROWS);
        assertThat(json.get("notes").get(0).asText()).startsWith("Spilled to disk");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("spill folder removed")
                    .containsExactlyInAnyOrder("old.csv", "new.csv", "report.json", "stderr.txt");
        }
    }
}
