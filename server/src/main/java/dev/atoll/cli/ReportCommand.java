package dev.atoll.cli;

import dev.atoll.diff.run.MetricGoal;
import dev.atoll.diff.run.RunComparison;
import dev.atoll.diff.run.RunComparisons;
import dev.atoll.diff.run.RunFinder;
import dev.atoll.errors.AtollException;
import dev.atoll.report.RunComparisonReport;
import dev.atoll.tracking.Run;
import dev.atoll.tracking.TrackingService;
import dev.atoll.tracking.TrackingStore;
import dev.atoll.tracking.store.jdbc.JdbcTrackingStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code atoll report BEFORE AFTER}: compares two tracked runs (by id, latest of a branch, or the baseline). */
@Command(name = "report", mixinStandardHelpOptions = true, description = {
        "Compare two tracked runs: params, and metrics with old, new, delta and better/worse by each metric's goal.",
        "BEFORE and AFTER are run ids, branch:NAME (the latest finished run whose mlflow.source.git.branch tag is NAME)",
        "or baseline (the latest finished run tagged atoll.baseline=true). See docs/diff.md."})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BEFORE", description = "Run id, branch:NAME or baseline.")
    String before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "Run id, branch:NAME or baseline.")
    String after;

    @Option(names = "--experiment", paramLabel = "NAME|ID", description = "Experiment to look for branch and baseline runs in (repeatable).")
    List<String> experiments = new ArrayList<>();

    @Option(names = "--goal", paramLabel = "METRIC=max|min",
            description = "Whether a higher (max) or lower (min) value of a metric is better; default: implied by its name (loss: min, accuracy: max, …).")
    Map<String, String> goals = new LinkedHashMap<>();

    @Option(names = "--data", defaultValue = "atoll-data", description = "Directory of the tracking database (default: ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", description = "JDBC URL of the tracking database (default: jdbc:sqlite:<data>/atoll.db).")
    String db;

    @Option(names = "--format", defaultValue = "markdown", paramLabel = "FORMAT",
            description = "markdown (GitLab), html (with metric curves) or json (docs/diff.md). Default: ${DEFAULT-VALUE}.")
    ReportFormat format;

    @Mixin
    ReportOutput output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, MetricGoal> metricGoals = new LinkedHashMap<>();
        goals.forEach((metric, goal) -> metricGoals.put(metric, goal(metric, goal)));
        String url = db;
        if (url == null) {
            Path file = data.resolve("atoll.db");
            if (!Files.isRegularFile(file)) {
                throw AtollException.notFound("no tracking database at " + file + " — pass --data the directory `atoll server` uses,"
                        + " or --db its JDBC URL");
            }
            url = "jdbc:sqlite:" + file;
        }
        RunComparison comparison;
        try (TrackingStore store = JdbcTrackingStores.open(url)) {
            TrackingService tracking = new TrackingService(store, Clock.systemUTC());
            RunFinder finder = new RunFinder(tracking);
            Run was = finder.find(before, experiments);
            Run is = finder.find(after, experiments);
            comparison = RunComparisons.compare(tracking, was, is, metricGoals);
        }
        String report = switch (format) {
            case markdown -> RunComparisonReport.markdown(comparison);
            case html -> RunComparisonReport.html(comparison);
            case json -> RunComparisonReport.json(comparison);
        };
        output.write(report, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private static MetricGoal goal(String metric, String goal) {
        return switch (goal.toLowerCase(Locale.ROOT)) {
            case "max", "maximize", "higher" -> MetricGoal.MAXIMIZE;
            case "min", "minimize", "lower" -> MetricGoal.MINIMIZE;
            default -> throw AtollException.invalidParameter("--goal " + metric + "=" + goal + " is neither max nor min"
                    + " — write --goal " + metric + "=max when higher is better, =min when lower is");
        };
    }
}
