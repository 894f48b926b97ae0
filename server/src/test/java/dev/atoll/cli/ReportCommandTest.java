package dev.atoll.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atoll.diff.run.RunFinder;
import dev.atoll.errors.AtollException;
import dev.atoll.tracking.Metric;
import dev.atoll.tracking.Param;
import dev.atoll.tracking.RunStatus;
import dev.atoll.tracking.Tag;
import dev.atoll.tracking.TrackingService;
import dev.atoll.tracking.TrackingStore;
import dev.atoll.tracking.store.jdbc.JdbcTrackingStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {
    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = AtollCommand.commandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("error: " + e.getMessage());
            return e instanceof AtollException ? ExitCodes.USER_ERROR : ExitCodes.INTERNAL_ERROR;
        });
        return cli.execute(args);
    }

    @BeforeEach
    void trackTwoBranches() {
        try (TrackingStore store = JdbcTrackingStores.open("jdbc:sqlite:" + data.resolve("atoll.db"))) {
            TrackingService tracking = new TrackingService(store, Clock.systemUTC());
            String experiment = tracking.createExperiment("churn", null, List.of());
            track(tracking, experiment, "main", 100, new double[]{0.9, 0.6, 0.5}, "0.01");
            track(tracking, experiment, "feature", 200, new double[]{0.8, 0.5, 0.4, 0.35}, "0.02");
        }
    }

    private static void track(TrackingService tracking, String experiment, String branch, long start, double[] losses, String lr) {
        String id = tracking.createRun(experiment, "ann", null, start, List.of(new Tag(RunFinder.BRANCH_TAG, branch))).info().runId();
        for (int step = 0; step < losses.length; step++) {
            tracking.logMetric(id, "val_loss", losses[step], start + step, (long) step);
        }
        tracking.logMetric(id, "score", 10.0 * losses.length, start, 0L);
        tracking.logParam(id, "lr", lr);
        tracking.updateRun(id, RunStatus.FINISHED, start + 100, null);
    }

    @Test
    void comparesTheLatestRunsOfTwoBranchesWithGoalsAndCurves() throws Exception {
        assertThat(run("report", "branch:main", "branch:feature", "--experiment", "churn", "--data", data.toString(),
                "--goal", "score=min", "--format", "json")).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("kind").asText()).isEqualTo("run_comparison");
        assertThat(json.at("/metrics/0/key").asText()).isEqualTo("score");
        assertThat(json.at("/metrics/0/verdict").asText()).isEqualTo("worse");
        assertThat(json.at("/metrics/1/key").asText()).isEqualTo("val_loss");
        assertThat(json.at("/metrics/1/after").asDouble()).isEqualTo(0.35);
        assertThat(json.at("/metrics/1/verdict").asText()).isEqualTo("better");
        assertThat(json.at("/params/0/change").asText()).isEqualTo("changed");

        out.getBuffer().setLength(0);
        assertThat(run("report", "branch:main", "branch:feature", "--experiment", "churn", "--data", data.toString(), "--format", "html"))
                .isZero();
        assertThat(out.toString()).contains("<svg").contains("aria-label=\"val_loss by step\"").contains("<polyline")
                .contains("step 3: 0.35");
    }

    @Test
    void aMissingDatabaseABadGoalAndAnUnknownBranchAreUserErrors() {
        assertThat(run("report", "a", "b", "--data", data.resolve("nowhere").toString())).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("no tracking database at").contains("--db");
        assertThat(run("report", "branch:main", "branch:x", "--experiment", "churn", "--data", data.toString(), "--goal", "score=up"))
                .isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("--goal score=up is neither max nor min");
        assertThat(run("report", "branch:main", "branch:x", "--experiment", "churn", "--data", data.toString()))
                .isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("no finished run of branch 'x'");
    }
}
