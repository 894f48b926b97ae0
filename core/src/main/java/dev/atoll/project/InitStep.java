package dev.atoll.project;

/** What {@code atoll init} did to one file or setting, and why when it left it alone. */
public record InitStep(String path, Outcome outcome, String note) {

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        /** The user's file differs from Atoll's template and was left as it is. */
        KEPT
    }

    @Override
    public String toString() {
        return String.format("%-9s %s%s", outcome.name().toLowerCase(java.util.Locale.ROOT), path, note.isEmpty() ? "" : " — " + note);
    }
}
