package dev.atoll.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReportOutputTest {
    @TempDir
    Path dir;

    private final PrintWriter out = new PrintWriter(new StringWriter());

    @Test
    void replacesARegularFileWhole() throws Exception {
        Path target = dir.resolve("report.md");
        Files.writeString(target, "an older and much longer report");
        ReportOutput.write("new", target, out);
        assertThat(target).hasContent("new");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(target);
        }
    }

    /** `--output /dev/null` once replaced the machine's /dev/null with a regular file. */
    @Test
    void writesIntoAPipeInsteadOfReplacingIt() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ReportOutput.write("through the pipe", fifo, out);
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("through the pipe");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void writesThroughASymbolicLinkAndKeepsTheLink() throws Exception {
        Path real = dir.resolve("real.md");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), real);
        ReportOutput.write("new", link, out);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
    }
}
