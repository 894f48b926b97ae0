package dev.atoll.report;

/**
 * A text builder with a hard size cap, for targets such as GitLab notes (1,000,000 characters). Text
 * is added in whole blocks (a table row, a heading); the first block that does not fit ends the text
 * with the open {@code <details>} sections closed and an explicit truncation line.
 */
final class CappedText {
    private static final String TRUNCATED = "\n\n**Report truncated**: it exceeds %,d characters; the rest was left out — "
            + "run `atoll diff` with `--format html` or `--format json` for the full report.\n";
    private static final String CLOSE = "\n</details>\n";

    private final int limit;
    private final StringBuilder text = new StringBuilder(8192);
    private int openDetails;
    private boolean truncated;

    CappedText(int limit) {
        this.limit = limit;
    }

    /** Appends a block; false (and nothing appended) once the cap is reached. */
    boolean add(String block) {
        if (truncated) {
            return false;
        }
        int reserve = String.format(TRUNCATED, limit).length() + openDetails * CLOSE.length() + CLOSE.length();
        if (text.length() + block.length() + reserve > limit) {
            truncated = true;
            for (; openDetails > 0; openDetails--) {
                text.append(CLOSE);
            }
            text.append(String.format(TRUNCATED, limit));
            return false;
        }
        text.append(block);
        return true;
    }

    boolean openDetails(String summary) {
        // The reserve above counts one more close, so an opened section can always be closed.
        if (add("\n<details><summary>" + summary + "</summary>\n\n")) {
            openDetails++;
            return true;
        }
        return false;
    }

    void closeDetails() {
        if (!truncated && openDetails > 0) {
            openDetails--;
            text.append(CLOSE);
        }
    }

    boolean truncated() {
        return truncated;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
