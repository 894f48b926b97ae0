package dev.atoll.modules;

/** A token of Python source; line and column start at 1. {@code text} of a STRING is its decoded value. */
record PythonToken(Kind kind, String text, int line, int column) {

    enum Kind { NAME, NUMBER, STRING, OPERATOR, NEWLINE, END }

    boolean is(String operator) {
        return kind == Kind.OPERATOR && text.equals(operator);
    }

    String describe() {
        return switch (kind) {
            case NEWLINE -> "end of line";
            case END -> "end of file";
            case STRING -> "string \"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}
