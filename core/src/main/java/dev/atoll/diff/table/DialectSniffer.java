package dev.atoll.diff.table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * Guesses the dialect from the first 64 KiB. Delimiter: of {@code , ; TAB |}, the one that splits
 * the sampled records into the same number (&gt; 1) of fields most often, more fields breaking ties.
 * Header: the first record is a header unless one of its cells is empty, repeated or a number, or
 * more columns vote against it than for it: a column votes against when its first cell recurs in its
 * data, for when its data is numeric (the first cell is not) or of other lengths than the first cell.
 */
final class DialectSniffer {
    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final int SAMPLE_RECORDS = 50;
    private static final byte[] CANDIDATES = {',', ';', '\t', '|'};

    private DialectSniffer() {
    }

    static Dialect sniff(byte[] data, int offset, String encoding) {
        int to = Math.min(data.length, offset + SAMPLE_BYTES);
        byte bestDelimiter = ',';
        double bestScore = 0;
        List<String[]> bestRecords = null;
        boolean quoted = false;
        for (byte delimiter : CANDIDATES) {
            List<String[]> records = sample(data, offset, to, delimiter);
            if (to < data.length && records.size() > 1) {
                records.remove(records.size() - 1); // probably cut by the sample boundary
            }
            int[] widths = records.stream().mapToInt(r -> r.length).toArray();
            int mode = mode(widths);
            if (mode < 2) {
                continue;
            }
            long agreeing = Arrays.stream(widths).filter(w -> w == mode).count();
            double score = (double) agreeing / widths.length + mode * 1e-4;
            if (score > bestScore) {
                bestScore = score;
                bestDelimiter = delimiter;
                bestRecords = records;
            }
        }
        if (bestRecords == null) {
            bestRecords = sample(data, offset, to, bestDelimiter);
        }
        for (int i = offset; i < to; i++) {
            if (data[i] == '"') {
                quoted = true;
                break;
            }
        }
        return new Dialect(bestDelimiter, quoted, hasHeader(bestRecords), encoding);
    }

    private static List<String[]> sample(byte[] data, int from, int to, byte delimiter) {
        byte[] copy = Arrays.copyOfRange(data, from, to); // the parser unescapes in place
        List<String[]> records = new ArrayList<>();
        CsvParser.parse(copy, 0, copy.length, delimiter, (starts, ends, count, line) -> {
            String[] record = new String[count];
            for (int i = 0; i < count; i++) {
                record[i] = new String(copy, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
            }
            records.add(record);
            return records.size() < SAMPLE_RECORDS;
        });
        return records;
    }

    private static int mode(int[] values) {
        int best = 0;
        int bestCount = 0;
        for (int v : values) {
            int c = 0;
            for (int w : values) {
                if (w == v) {
                    c++;
                }
            }
            if (c > bestCount || (c == bestCount && v > best)) {
                best = v;
                bestCount = c;
            }
        }
        return best;
    }

    static boolean hasHeader(List<String[]> records) {
        if (records.isEmpty()) {
            return false;
        }
        String[] first = records.get(0);
        var seen = new HashSet<String>();
        for (String cell : first) {
            if (cell.isBlank() || !seen.add(cell) || isNumber(cell)) {
                return false;
            }
        }
        if (records.size() == 1) {
            return true;
        }
        int votes = 0;
        for (int col = 0; col < first.length; col++) {
            boolean numeric = true;
            boolean lengthSeen = false;
            boolean valueSeen = false;
            int rows = 0;
            for (int r = 1; r < records.size(); r++) {
                String[] rec = records.get(r);
                if (col >= rec.length || rec[col].isEmpty()) {
                    continue;
                }
                rows++;
                numeric &= isNumber(rec[col]);
                lengthSeen |= rec[col].length() == first[col].length();
                valueSeen |= rec[col].equals(first[col]);
            }
            if (rows == 0) {
                continue;
            }
            if (valueSeen) {
                votes--; // the first cell repeats in the data: it is data
            } else if (numeric || !lengthSeen) {
                votes++;
            }
        }
        // With no evidence either way a first row of distinct, non-numeric names is taken as a header.
        return votes >= 0;
    }

    private static boolean isNumber(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return !Double.isNaN(Numbers.parse(b, 0, b.length));
    }
}
