package dev.atoll.diff.bench;

import dev.atoll.diff.TableDiff;
import dev.atoll.diff.TableFileDiffer;
import dev.atoll.report.JsonReport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code atoll diff OLD NEW --key K --format json --output F} does, without the CLI module, so
 * scripts/bench/diff-bench.sh can run it from core's classes when the shaded jar is not built.
 * Also prints the phase times to stderr.
 */
public final class DiffBench {
    private DiffBench() {
    }

    public static void main(String[] args) throws Exception {
        String key = null;
        Path output = null;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--key" -> key = args[++i];
                case "--output" -> output = Path.of(args[++i]);
                case "--format" -> i++; // JSON only
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        long[] compareFrom = new long[1];
        TableDiff diff = TableFileDiffer.diff(Path.of(args[0]), Path.of(args[1]), key, (phase, done, total) -> {
            if (phase.equals("comparing")) {
                compareFrom[0] = System.nanoTime();
            }
        });
        long t1 = compareFrom[0];
        long t2 = System.nanoTime();
        String json = JsonReport.render(diff);
        if (output != null) {
            Files.writeString(output, json);
        } else {
            System.out.print(json);
        }
        long t3 = System.nanoTime();
        System.err.printf("read and profile %d ms, compare %d ms, render %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }
}
