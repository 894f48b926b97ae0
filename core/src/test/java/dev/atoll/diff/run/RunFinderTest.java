package dev.atoll.diff.run;

import dev.atoll.errors.AtollException;
import dev.atoll.tracking.Metric;
import dev.atoll.tracking.Param;
import dev.atoll.tracking.Run;
import dev.atoll.tracking.RunStatus;
import dev.atoll.tracking.Tag;
import dev.atoll.tracking.TrackingService;
import dev.atoll.tracking.TrackingStore;
import dev.atoll.tracking.store.jdbc.JdbcTrackingStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs found by branch and baseline on a real SQLite tracking store, then compared. */
class RunFinderTest {
    @TempDir
    Path directory;
    private TrackingStore store;
    private TrackingService tracking;
    private RunFinder finder;
    private String experiment;

    @BeforeEach
    void open() {
        store = JdbcTrackingStores.open("jdbc:sqlite:" + directory.resolve("atoll.db"));
        tracking = new TrackingService(store, Clock.fixed(Instant.ofEpochMilli(1_000_000), ZoneOffset.UTC));
        finder = new RunFinder(tracking);
        experiment = tracking.createExperiment("churn", null, List.of());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String run(String branch, long start, RunStatus status, double loss, String lr, boolean baseline) {
        List<Tag> tags = baseline ? List.of(new Tag(RunFinder.BRANCH_TAG, branch), new Tag(RunFinder.BASELINE_TAG, "true"))
                : List.of(new Tag(RunFinder.BRANCH_TAG, branch));
        Run run = tracking.createRun(experiment, "ann", null, start, tags);
        String id = run.info().runId();
        tracking.logBatch(id, List.of(new Metric("val_loss", loss, start, 0)), List.of(new Param("lr", lr)), List.of());
        tracking.updateRun(id, status, start + 10, null);
        return id;
    }

    @Test
    void comparesTheLatestFinishedRunsOfTwoBranches() {
        run("main", 100, RunStatus.FINISHED, 0.50, "0.01", false);
        String mainLatest = run("main", 200, RunStatus.FINISHED, 0.40, "0.01", false);
        run("main", 300, RunStatus.FAILED, 0.10, "0.01", false);      // not finished: ignored
        String feature = run("feature/o'brien", 250, RunStatus.FINISHED, 0.35, "0.02", false);

        Run before = finder.find("branch:main", List.of("churn"));
        Run after = finder.find("branch:feature/o'brien", List.of(experiment));
        assertThat(before.info().runId()).isEqualTo(mainLatest);
        assertThat(after.info().runId()).isEqualTo(feature);

        RunComparison comparison = RunComparer.compare(before, after, Map.of());
        assertThat(comparison.metrics()).singleElement().satisfies(m -> {
            assertThat(m.verdict()).isEqualTo(RunComparison.Verdict.BETTER);
            assertThat(m.delta()).isCloseTo(-0.05, org.assertj.core.data.Offset.offset(1e-12));
        });
        assertThat(comparison.params()).singleElement().satisfies(p -> assertThat(p.change()).isEqualTo(RunComparison.Change.CHANGED));
    }

    @Test
    void theBaselineIsTheLatestFinishedRunTaggedAsSuch() {
        run("main", 100, RunStatus.FINISHED, 0.5, "0.1", true);
        String baseline = run("main", 200, RunStatus.FINISHED, 0.45, "0.1", true);
        run("main", 300, RunStatus.FINISHED, 0.40, "0.1", false);
        assertThat(finder.find("baseline", List.of("churn")).info().runId()).isEqualTo(baseline);
        assertThat(finder.find(baseline, List.of()).info().runId()).isEqualTo(baseline);
    }

    @Test
    void whatIsMissingIsSaidWithWhatToDo() {
        assertThatThrownBy(() -> finder.find("branch:nope", List.of("churn"))).isInstanceOf(AtollException.class)
                .hasMessageContaining("no finished run of branch 'nope' in experiment(s) churn").hasMessageContaining(RunFinder.BRANCH_TAG);
        assertThatThrownBy(() -> finder.find("baseline", List.of("churn"))).isInstanceOf(AtollException.class)
                .hasMessageContaining("atoll.baseline=true").hasMessageContaining("set_tag");
        assertThatThrownBy(() -> finder.find("baseline", List.of())).isInstanceOf(AtollException.class)
                .hasMessageContaining("--experiment");
        assertThatThrownBy(() -> finder.find("branch:main", List.of("unknown"))).isInstanceOf(AtollException.class)
                .hasMessageContaining("Could not find experiment with name 'unknown'");
    }
}
