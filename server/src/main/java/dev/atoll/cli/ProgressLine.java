package dev.atoll.cli;

import dev.atoll.diff.DiffProgress;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Shows a long command's progress on standard error: nothing for the first second (short runs stay
 * quiet); then on a terminal one line rewritten in place a few times a second, elsewhere (CI logs)
 * a line per phase when it starts and every ten seconds while it lasts (phases may run side by side).
 */
final class ProgressLine implements DiffProgress {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long start;
    private final Map<String, Long> lastByPhase = new HashMap<>();
    private long last = Long.MIN_VALUE;
    private int width;

    ProgressLine(PrintWriter err, boolean terminal, LongSupplier nanoTime) {
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    static ProgressLine onStandardError(PrintWriter err) {
        return new ProgressLine(err, System.console() != null, System::nanoTime);
    }

    @Override
    public synchronized void update(String phase, long done, long total) {
        long now = nanoTime.getAsLong();
        if (now - start < QUIET_NANOS) {
            return;
        }
        if (terminal) {
            if (last != Long.MIN_VALUE && now - last < TERMINAL_EVERY_NANOS) {
                return;
            }
            last = now;
        } else {
            Long before = lastByPhase.get(phase);
            if (before != null && now - before < LOG_EVERY_NANOS) {
                return;
            }
            lastByPhase.put(phase, now);
        }
        String text = text(phase, done, total);
        if (terminal) {
            err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
            width = text.length();
        } else {
            err.println(text);
        }
        err.flush();
    }

    /** Clears the terminal line, so that what follows starts clean. */
    synchronized void finish() {
        if (terminal && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    static String text(String phase, long done, long total) {
        if (total <= 0) {
            return phase + " …";
        }
        int percent = (int) Math.min(100, 100 * done / total);
        boolean bytes = phase.startsWith("reading") || phase.startsWith("scanning");
        if (bytes) {
            return String.format("%s: %d%% (%,d of %,d MiB)", phase, percent, done >> 20, total >> 20);
        }
        return String.format("%s: %d%% (%,d of %,d)", phase, percent, done, total);
    }
}
