package dev.atoll.diff.table;

/**
 * How a delimited file is written: the delimiter, whether fields are quoted ({@code "} per RFC 4180),
 * whether the first record is a header, and the encoding it was read with.
 */
public record Dialect(byte delimiter, boolean quoted, boolean header, String encoding) {

    public String describe() {
        String name = switch (delimiter) {
            case '\t' -> "TAB";
            case ',' -> "','";
            case ';' -> "';'";
            case '|' -> "'|'";
            default -> "'" + (char) delimiter + "'";
        };
        return "delimiter " + name + ", " + (quoted ? "quoted fields" : "no quoting") + ", "
                + (header ? "header" : "no header") + ", " + encoding;
    }
}
