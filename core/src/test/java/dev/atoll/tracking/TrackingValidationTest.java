package dev.atoll.tracking;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingValidationTest {

    @ParameterizedTest
    @CsvSource({
            "a/b/c, a/b/c",
            "a//b, a/b",
            "a/./b, a/b",
            "a/../b, b",
            "../a, ../a",
            "/a/../../b, /b",
            "a/, a",
            "., .",
            "'', .",
            "//a, //a",
            "///a, /a"})
    void normalizesLikePythonPosixpath(String path, String expected) {
        assertThat(TrackingValidation.normalizePath(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"loss", "train/loss", "val loss", "a-b.c_d", "größe"})
    void acceptsMlflowKeys(String key) {
        assertThatCode(() -> TrackingValidation.key("metric", key)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc", "/abs", "a/../b", "a//b", "trailing/", ".", "bad\\slash", "semi;colon", "m:x"})
    void refusesKeysThatAreNotPathSafeOrHaveBadCharacters(String key) {
        assertThatThrownBy(() -> TrackingValidation.key("param", key))
                .isInstanceOf(AtollException.class)
                .hasMessageContaining("Invalid param name: '" + key + "'")
                .extracting(e -> ((AtollException) e).code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
    }

    @Test
    void refusesKeysOver250Characters() {
        String key = "k".repeat(251);
        assertThatThrownBy(() -> TrackingValidation.key("tag", key))
                .hasMessageContaining("had length 251, which exceeded length limit of 250");
        assertThatCode(() -> TrackingValidation.key("tag", "k".repeat(250))).doesNotThrowAnyException();
    }

    @Test
    void appliesMlflowBatchLimits() {
        List<Metric> metrics = Collections.nCopies(1001, new Metric("m", 1, 0, 0));
        assertThatThrownBy(() -> TrackingValidation.batchLimits(metrics, List.of(), List.of()))
                .hasMessageContaining("at most 1000 metrics. Got 1001 metrics");
        List<Param> params = Collections.nCopies(101, new Param("p", "v"));
        assertThatThrownBy(() -> TrackingValidation.batchLimits(List.of(), params, List.of()))
                .hasMessageContaining("at most 100 params. Got 101 params");
        List<Metric> thousand = Collections.nCopies(1000, new Metric("m", 1, 0, 0));
        List<Tag> tags = Collections.nCopies(1, new Tag("t", "v"));
        assertThatThrownBy(() -> TrackingValidation.batchLimits(thousand, List.of(), tags))
                .hasMessageContaining("at most 1000 metrics, params, and tags. Got 1001");
    }

    @Test
    void refusesDuplicateParamKeysInOneBatch() {
        assertThatThrownBy(() -> TrackingValidation.uniqueParamKeys(List.of(new Param("a", "1"), new Param("a", "2"))))
                .hasMessageContaining("Duplicate parameter keys have been submitted: [a]");
    }

    @Test
    void refusesNegativeMetricTimestamps() {
        assertThatThrownBy(() -> TrackingValidation.metric(new Metric("m", 1.0, -1, 0)))
                .hasMessageContaining("Got invalid timestamp -1 for metric 'm'");
        assertThatCode(() -> TrackingValidation.metric(new Metric("m", Double.NaN, 0, -5))).doesNotThrowAnyException();
    }

    @Test
    void namesTheMissingParameter() {
        assertThatThrownBy(() -> TrackingValidation.required(null, "run_id"))
                .hasMessage("Missing value for required parameter 'run_id'.");
        assertThatThrownBy(() -> TrackingValidation.required("", "name"))
                .hasMessage("Missing value for required parameter 'name'.");
    }

    /** A batch checks each distinct key once, yet every point's timestamp, and still names the first bad point. */
    @Test
    void batchMetricsCheckEachKeyOnceAndEveryTimestamp() {
        List<Metric> fine = List.of(new Metric("loss", 0.5, 1, 0), new Metric("loss", 0.4, 2, 1), new Metric("acc", 0.9, 2, 1));
        assertThatCode(() -> TrackingValidation.metrics(fine)).doesNotThrowAnyException();

        List<Metric> lateBadTime = List.of(new Metric("loss", 0.5, 1, 0), new Metric("loss", 0.4, -3, 1));
        assertThatThrownBy(() -> TrackingValidation.metrics(lateBadTime)).isInstanceOf(AtollException.class)
                .hasMessageContaining("Got invalid timestamp -3 for metric 'loss'");

        List<Metric> lateBadKey = List.of(new Metric("loss", 0.5, 1, 0), new Metric("../up", 0.4, 2, 1));
        assertThatThrownBy(() -> TrackingValidation.metrics(lateBadKey)).isInstanceOf(AtollException.class)
                .hasMessageContaining("Invalid metric name: '../up'");
    }
}
