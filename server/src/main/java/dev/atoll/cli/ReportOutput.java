package dev.atoll.cli;

import dev.atoll.errors.AtollException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a command's report goes: standard output, or the {@code --output} file, written whole or
 * not at all. A picocli mixin, so every report command has the same option.
 */
final class ReportOutput {
    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path output;

    void write(String report, PrintWriter out) {
        write(report, output, out);
    }

    static void write(String report, Path target, PrintWriter out) {
        if (target == null) {
            out.print(report);
            out.flush();
            return;
        }
        try {
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                // A device or a pipe (/dev/null, /dev/stdout, a FIFO): written into, never replaced by a file.
                Files.writeString(target, report, StandardCharsets.UTF_8);
                return;
            }
            // Written beside the target (through a symbolic link, beside the file it names) and moved
            // into place, so a failed write never leaves half a report.
            Path absolute = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
            // Named by process and clock rather than by Files.createTempFile, whose SecureRandom costs
            // a short CLI run more than the write; CREATE_NEW still refuses a name that exists.
            Path temp = absolute.resolveSibling(".atoll-report-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
            try {
                Files.writeString(temp, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException failure) {
            throw AtollException.invalidParameter("--output " + target + " cannot be written (" + failure.getMessage()
                    + ") — check that its folder exists and is writable");
        }
    }
}
