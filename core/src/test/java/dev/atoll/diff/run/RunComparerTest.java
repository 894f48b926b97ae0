package dev.atoll.diff.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atoll.diff.run.RunComparison.Change;
import dev.atoll.diff.run.RunComparison.MetricChange;
import dev.atoll.diff.run.RunComparison.Verdict;
import dev.atoll.report.RunComparisonReport;
import dev.atoll.tracking.LifecycleStage;
import dev.atoll.tracking.Metric;
import dev.atoll.tracking.Param;
import dev.atoll.tracking.Run;
import dev.atoll.tracking.RunData;
import dev.atoll.tracking.RunInfo;
import dev.atoll.tracking.RunStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunComparerTest {

    private static Run run(String id, List<Metric> metrics, List<Param> params) {
        RunInfo info = new RunInfo(id, "0", id, "ann", RunStatus.FINISHED, 1L, 2L, "file:///a", LifecycleStage.ACTIVE);
        return new Run(info, new RunData(metrics, params, List.of()), List.of());
    }

    private final Run before = run("r1",
            List.of(new Metric("val_loss", 0.50, 1, 0), new Metric("val_loss", 0.40, 2, 1), new Metric("accuracy", 0.80, 2, 1),
                    new Metric("widgets", 7, 1, 0), new Metric("gone", 1, 1, 0)),
            List.of(new Param("lr", "0.01"), new Param("epochs", "10"), new Param("old", "x")));
    private final Run after = run("r2",
            List.of(new Metric("val_loss", 0.30, 5, 3), new Metric("val_loss", 0.90, 9, 2), new Metric("accuracy", 0.70, 2, 1),
                    new Metric("widgets", 9, 1, 0), new Metric("new", 2, 1, 0)),
            List.of(new Param("lr", "0.02"), new Param("epochs", "10"), new Param("seed", "1")));

    @Test
    void comparesLatestMetricsByGoalAndParamsByValue() {
        RunComparison c = RunComparer.compare(before, after, Map.of("widgets", MetricGoal.MAXIMIZE));
        assertThat(c.metrics()).extracting(MetricChange::key).containsExactly("accuracy", "gone", "new", "val_loss", "widgets");
        MetricChange loss = c.metrics().get(3);
        assertThat(loss.before()).isEqualTo(0.40);
        assertThat(loss.after()).isEqualTo(0.30); // step 3 beats step 2 although logged earlier
        assertThat(loss.goal()).isEqualTo(MetricGoal.MINIMIZE);
        assertThat(loss.verdict()).isEqualTo(Verdict.BETTER);
        assertThat(loss.relative()).isCloseTo(-0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.metrics().get(0).verdict()).isEqualTo(Verdict.WORSE);
        assertThat(c.metrics().get(1).verdict()).isEqualTo(Verdict.ONLY_BEFORE);
        assertThat(c.metrics().get(2).verdict()).isEqualTo(Verdict.ONLY_AFTER);
        assertThat(c.metrics().get(4).verdict()).isEqualTo(Verdict.BETTER);
        assertThat(c.params()).extracting(p -> p.key() + ":" + p.change())
                .containsExactly("epochs:" + Change.UNCHANGED, "lr:" + Change.CHANGED, "old:" + Change.REMOVED, "seed:" + Change.ADDED);
    }

    @Test
    void aMetricWithoutGoalIsOnlyChanged() {
        RunComparison c = RunComparer.compare(before, after, Map.of());
        assertThat(c.metrics().get(4).goal()).isNull();
        assertThat(c.metrics().get(4).verdict()).isEqualTo(Verdict.NO_GOAL);
    }

    @Test
    void goalsAreGuessedFromCommonNames() {
        assertThat(MetricGoal.guess("val_loss")).isEqualTo(MetricGoal.MINIMIZE);
        assertThat(MetricGoal.guess("test/rmse")).isEqualTo(MetricGoal.MINIMIZE);
        assertThat(MetricGoal.guess("f1")).isEqualTo(MetricGoal.MAXIMIZE);
        assertThat(MetricGoal.guess("val_accuracy")).isEqualTo(MetricGoal.MAXIMIZE);
        assertThat(MetricGoal.guess("epoch")).isNull();
    }

    @Test
    void rendersMarkdownAndJson() throws Exception {
        RunComparison c = RunComparer.compare(before, after, Map.of());
        String md = RunComparisonReport.markdown(c);
        assertThat(md).contains("**1 metrics better, 1 worse, 0 unchanged; 3 params changed.**")
                .contains("| val\\_loss | ↓ | 0.4 | 0.3 | -0.1 (-25.0%) | ✅ better |")
                .contains("| lr | 0.01 | 0.02 | changed |");
        JsonNode json = new ObjectMapper().readTree(RunComparisonReport.json(c));
        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
        assertThat(json.at("/metrics/3/verdict").asText()).isEqualTo("better");
        assertThat(json.at("/metrics/1/after").isNull()).isTrue();
        assertThat(json.at("/params/1/before").asText()).isEqualTo("0.01");
    }
}
