package dev.atoll.cli;

/** The documented exit codes of the {@code atoll} command (see docs/cli.md). */
public final class ExitCodes {
    public static final int OK = 0;
    /** Bad input or a refused request: the message says what to change. */
    public static final int USER_ERROR = 1;
    /** Unknown command or option (picocli's usage error). */
    public static final int USAGE = 2;
    /** A bug or an unexpected environment failure. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
