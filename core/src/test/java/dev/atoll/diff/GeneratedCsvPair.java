package dev.atoll.diff;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes two large CSVs with known changes, in constant memory, for tests of diffs bigger than the
 * heap: {@code id} plus 8 mixed columns (about 70 bytes a row); the new file has 1 % of rows modified
 * (score), 0.5 % deleted, 0.5 % inserted, and its rows in another order (a fixed permutation).
 */
public final class GeneratedCsvPair {
    private static final String HEADER = "id,name,city,category,score,amount,count,flag,day\n";
    private static final String[] CITIES = {"Oslo", "Lima", "Pune", "Kyiv", "Quito", "Accra", "Perth", "Dakar"};
    private static final String[] CATEGORIES = {"a", "b", "c", "d"};

    /** What a correct diff of the two files reports. */
    public record Expected(long unchanged, long added, long removed, long modified) {
    }

    private GeneratedCsvPair() {
    }

    public static Expected write(Path old, Path fresh, int rows) throws IOException {
        long modified = 0;
        long removed = 0;
        int inserted = rows / 200;
        try (Writer out = writer(old)) {
            out.write(HEADER);
            for (int i = 1; i <= rows; i++) {
                out.write(row(i, false));
            }
        }
        // The new file visits ids in the order j -> (a*j + b) mod n, a permutation because a and n are coprime.
        long n = rows + inserted;
        long a = coprimeNear(n, (long) (n * 0.618));
        try (Writer out = writer(fresh)) {
            out.write(HEADER);
            for (long j = 0; j < n; j++) {
                int i = (int) ((a * j + 7) % n) + 1;
                if (i > rows) {
                    out.write(row(i, false));
                    continue;
                }
                switch (fate(i)) {
                    case 0 -> {
                        modified++;
                        out.write(row(i, true));
                    }
                    case 1 -> removed++;
                    default -> out.write(row(i, false));
                }
            }
        }
        return new Expected(rows - modified - removed, inserted, removed, modified);
    }

    /** 0 modified (1 %), 1 deleted (0.5 %), 2 kept. */
    private static int fate(int id) {
        long h = mix(id) % 1000;
        return h < 10 ? 0 : h < 15 ? 1 : 2;
    }

    private static String row(int id, boolean modified) {
        long r = mix(id * 31L + 17);
        long scoreMilli = modified ? (1000 + id % 7) * 1000L : (r & 0xFFFFF) * 100_000 / 0x100000; // 0 … 99.999
        long amountCents = ((r >>> 20) & 0x3FFFF) - 100_000; // -1000.00 … 1621.43
        return id + ",user" + id + "," + CITIES[(int) ((r >>> 38) & 7)] + "," + CATEGORIES[(int) ((r >>> 41) & 3)] + ","
                + fixed(scoreMilli, 3) + "," + fixed(amountCents, 2) + "," + ((r >>> 43) & 1023) + "," + (((r >>> 53) & 1) == 0)
                + ",2024-" + (1 + (r >>> 54) % 12) + "-" + (1 + (r >>> 58) % 28) + "\n";
    }

    /** A fixed-point number as text: {@code fixed(-1234, 2)} is {@code -12.34}. */
    private static String fixed(long units, int decimals) {
        long scale = decimals == 3 ? 1000 : 100;
        String fraction = Long.toString(Math.abs(units) % scale);
        return (units < 0 ? "-" : "") + Math.abs(units) / scale + "." + "0".repeat(decimals - fraction.length()) + fraction;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    private static long coprimeNear(long n, long start) {
        for (long a = Math.max(2, start); ; a++) {
            if (gcd(a, n) == 1) {
                return a;
            }
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }
}
