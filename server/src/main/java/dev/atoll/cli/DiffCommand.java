package dev.atoll.cli;

import dev.atoll.diff.TableDiff;
import dev.atoll.diff.TableFileDiffer;
import dev.atoll.errors.AtollException;
import dev.atoll.report.HtmlReport;
import dev.atoll.report.JsonReport;
import dev.atoll.report.MarkdownReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/** {@code atoll diff OLD NEW}: compares two CSV/TSV or JSON Lines files and prints a report. */
@Command(name = "diff", description = {
        "Compare two tables (CSV/TSV, dialect sniffed, or JSON Lines): schema changes, added/removed/modified rows,",
        "per-column statistics with a distribution-shift flag, and samples. See docs/diff.md."})
public final class DiffCommand implements Callable<Integer> {
    enum Format { markdown, html, json }

    @Parameters(index = "0", paramLabel = "OLD", description = "The old file.")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new file.")
    Path after;

    @Option(names = "--key", paramLabel = "COLUMN",
            description = "Column identifying a row on both sides; inferred when omitted (else rows are compared as a multiset).")
    String key;

    @Option(names = "--format", defaultValue = "markdown", paramLabel = "FORMAT",
            description = "markdown (GitLab, capped at the note limit), html (self-contained) or json (docs/diff.md). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProgressLine progress = ProgressLine.onStandardError(spec.commandLine().getErr());
        TableDiff diff;
        try {
            diff = TableFileDiffer.diff(before, after, key, progress);
        } finally {
            progress.finish();
        }
        String report = switch (format) {
            case markdown -> MarkdownReport.render(diff);
            case html -> HtmlReport.render(diff);
            case json -> JsonReport.render(diff);
        };
        if (output == null) {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        } else {
            write(output, report);
        }
        return ExitCodes.OK;
    }

    /** Writes beside the target and moves into place, so a failed write never leaves half a report. */
    private static void write(Path target, String report) {
        Path absolute = target.toAbsolutePath();
        try {
            Path temp = Files.createTempFile(absolute.getParent(), ".atoll-diff-", ".tmp");
            try {
                Files.writeString(temp, report, StandardCharsets.UTF_8);
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
