package dev.atoll.cli;

import dev.atoll.diff.DataDiff;
import dev.atoll.diff.DataDiffer;
import dev.atoll.diff.TableFileDiffer;
import dev.atoll.errors.AtollException;
import dev.atoll.report.DataDiffReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code atoll diff OLD NEW}: two table files (CSV/TSV, JSON Lines) or two directories;
 * {@code atoll diff --repo DIR REV1 REV2 [PATH...]}: two revisions of a git repository.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, description = {
        "Compare two tables (CSV/TSV, dialect sniffed, or JSON Lines): schema changes, added/removed/modified rows,",
        "per-column statistics with a distribution-shift flag, and samples; or two directories (added, removed,",
        "modified, renamed files, counts per folder, image dimensions); or, with --repo, two git revisions",
        "(Git LFS objects resolved). Inputs larger than memory are spilled to disk. See docs/diff.md."})
public final class DiffCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "ARG",
            description = "OLD NEW (files or directories); with --repo: REV1 REV2 [PATH...] (paths relative to the repository's root).")
    List<String> arguments;

    @Option(names = "--repo", paramLabel = "DIR", description = "Compare two revisions of the git repository in DIR.")
    Path repo;

    @Option(names = "--key", paramLabel = "COLUMN",
            description = "Column identifying a row on both sides; inferred when omitted (else rows are compared as a multiset).")
    String key;

    @Option(names = "--format", defaultValue = "markdown", paramLabel = "FORMAT",
            description = "markdown (GitLab, capped at the note limit), html (self-contained) or json (docs/diff.md). Default: ${DEFAULT-VALUE}.")
    ReportFormat format;

    @Mixin
    ReportOutput output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Runs the diff, the report to {@code out} (or --output), progress to {@code err}; returns the exit code. */
    int run(PrintWriter out, PrintWriter err) {
        ProgressLine progress = ProgressLine.onStandardError(err);
        TableFileDiffer.Limits limits = TableFileDiffer.Limits.ofRuntime();
        DataDiff diff;
        try {
            if (repo != null) {
                diff = DataDiffer.revisions(repo, arguments.get(0), arguments.get(1), arguments.subList(2, arguments.size()), key,
                        limits, progress);
            } else {
                if (arguments.size() != 2) {
                    throw AtollException.invalidParameter("atoll diff compares two paths, OLD and NEW, but got " + arguments.size()
                            + " — give two files or two directories, or --repo DIR REV1 REV2 [PATH...] for git revisions");
                }
                diff = DataDiffer.paths(Path.of(arguments.get(0)), Path.of(arguments.get(1)), key, limits, progress);
            }
        } finally {
            progress.finish();
        }
        String report = DataDiffReport.render(diff, DataDiffReport.Format.valueOf(format.name().toUpperCase(Locale.ROOT)));
        output.write(report, out);
        return ExitCodes.OK;
    }
}
