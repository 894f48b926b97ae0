package dev.atoll.modules;

/**
 * One thing wrong with a code module, located like a compiler message so editors can jump to it.
 * Line and column start at 1; 0 means the problem concerns the whole file.
 */
public record Problem(String file, int line, int column, String message) {

    public static Problem ofFile(String file, String message) {
        return new Problem(file, 0, 0, message);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":" + line + ":" + column + ": " + message;
    }
}
