package dev.atoll.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {
    private final StringWriter out = new StringWriter();
    private final AtomicLong now = new AtomicLong();

    private ProgressLine line(boolean terminal) {
        return new ProgressLine(new PrintWriter(out, true), terminal, now::get);
    }

    @Test
    void staysQuietForTheFirstSecond() {
        ProgressLine progress = line(false);
        progress.update("reading a.csv", 10, 100);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void logsEachPhaseWhenItStartsAndEveryTenSeconds() {
        ProgressLine progress = line(false);
        now.set(2_000_000_000L);
        progress.update("reading a.csv", 1 << 20, 4 << 20);
        progress.update("reading b.csv", 2 << 20, 4 << 20);
        progress.update("reading a.csv", 3 << 20, 4 << 20);
        now.addAndGet(10_000_000_000L);
        progress.update("comparing partitions", 3, 10);
        progress.update("reading a.csv", 4 << 20, 4 << 20);
        assertThat(out.toString().lines()).containsExactly(
                "reading a.csv: 25% (1 of 4 MiB)",
                "reading b.csv: 50% (2 of 4 MiB)",
                "comparing partitions: 30% (3 of 10)",
                "reading a.csv: 100% (4 of 4 MiB)");
    }

    @Test
    void aTerminalLineIsRewrittenInPlaceAndClearedAtTheEnd() {
        ProgressLine progress = line(true);
        now.set(2_000_000_000L);
        progress.update("comparing partitions", 1, 10);
        now.addAndGet(300_000_000L);
        progress.update("comparing partitions", 2, 10);
        progress.finish();
        assertThat(out.toString()).isEqualTo("\rcomparing partitions: 10% (1 of 10)\rcomparing partitions: 20% (2 of 10)"
                + "\r" + " ".repeat(35) + "\r");
    }
}
