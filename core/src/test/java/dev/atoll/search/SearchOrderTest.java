package dev.atoll.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases ported from MLflow's tests/utils/test_search_utils.py (sorting and order_by errors). */
class SearchOrderTest {

    static Stream<Arguments> validRunOrderBy() {
        return Stream.of(
                // test_correct_sorting
                arguments(List.of("tags.noSuchTag"), List.of(tag("noSuchTag", true))),
                arguments(List.of("attributes.status"), List.of(attr("status", true))),
                arguments(List.of("attributes.start_time"), List.of(attr("start_time", true))),
                arguments(List.of("metrics.key1 asc"), List.of(metric("key1", true))),
                arguments(List.of("metrics.\"key1\"  desc"), List.of(metric("key1", false))),
                arguments(List.of("params.my_param"), List.of(param("my_param", true))),
                arguments(List.of("params.my_param aSc", "attributes.status  ASC"),
                        List.of(param("my_param", true), attr("status", true))),
                arguments(List.of("params.my_param", "attributes.status DESC"),
                        List.of(param("my_param", true), attr("status", false))),
                arguments(List.of("params.`my_param` DESC", "attributes.status DESC"),
                        List.of(param("my_param", false), attr("status", false))),
                arguments(List.of("tags.tag1    DESC"), List.of(tag("tag1", false))),
                // test_space_order_by_search_runs
                arguments(List.of("metrics.`Mean Square Error`"), List.of(metric("Mean Square Error", true))),
                arguments(List.of("metrics.`Mean Square Error` ASC"), List.of(metric("Mean Square Error", true))),
                arguments(List.of("metrics.`Mean Square Error` DESC"), List.of(metric("Mean Square Error", false))),
                // aliases and bare attribute keys
                arguments(List.of("attributes.created DESC"), List.of(attr("start_time", false))),
                arguments(List.of("Created"), List.of(attr("start_time", true))),
                arguments(List.of("start_time DESC", "run_id"), List.of(attr("start_time", false), attr("run_id", true))),
                arguments(List.of("attr.end_time", "run.run_name desc", "attribute.user_id", "artifact_uri"),
                        List.of(attr("end_time", true), attr("run_name", false), attr("user_id", true),
                                attr("artifact_uri", true))),
                arguments(List.of("tags.mlflow.runName DESC"), List.of(tag("mlflow.runName", false))),
                // MLflow rejects a trailing space ("params.my_param "); Atoll trims it.
                arguments(List.of("  params.my_param  "), List.of(param("my_param", true))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validRunOrderBy")
    void parsesRunOrderBy(List<String> orderBy, List<OrderBy> expected) {
        assertThat(SearchOrder.parseRunOrderBy(orderBy)).isEqualTo(expected);
    }

    @Test
    void noOrderByMeansNoTerms() {
        assertThat(SearchOrder.parseRunOrderBy(null)).isEmpty();
        assertThat(SearchOrder.parseRunOrderBy(List.of())).isEmpty();
        assertThat(SearchOrder.parseExperimentOrderBy(null)).isEmpty();
    }

    static Stream<Arguments> invalidRunOrderBy() {
        return Stream.of(
                // test_invalid_order_by_search_runs
                arguments("m.acc", "Invalid entity type 'm'"),
                arguments("acc", "Invalid attribute key 'acc'"),
                arguments("attri.x", "Invalid entity type 'attri'"),
                arguments("`metrics.A", "Invalid order_by clause '`metrics.A'. Could not be parsed"),
                // MLflow splits the raw text on '.' and reports the entity; Atoll reads one quoted name.
                arguments("`metrics.A`", "Invalid attribute key 'metrics.A'"),
                arguments("attribute.start", "Invalid attribute key 'start'"),
                arguments("attribute.experiment_id", "Invalid attribute key 'experiment_id'"),
                arguments("metrics.A != 1", "Invalid order_by clause 'metrics.A != 1'. Could not be parsed: '!=' at position 10"),
                arguments("attribute.run_id ACS", "Invalid ordering key in order_by clause 'attribute.run_id ACS': 'ACS'"),
                arguments("attribute.run_id decs", "Invalid ordering key in order_by clause"),
                // registered-model cases that apply to runs too
                arguments("", "Invalid order_by clause ''. Could not be parsed"),
                arguments("   ", "Invalid order_by clause '   '. Could not be parsed"),
                arguments("metrics.a DESC blah", "Could not be parsed: 'blah' at position 15"),
                arguments("metrics.a ASC DESC", "Could not be parsed: 'DESC'"),
                // Atoll's own
                arguments("datasets.name", "Invalid order_by entity: 'datasets'"),
                arguments("attributes.`run name`", "Invalid attribute key 'run name'"),
                arguments("attributes.lifecycle_stage", "Invalid attribute key 'lifecycle_stage'"),
                arguments("metrics.", "expected a key right after 'metrics.'"),
                arguments("metrics.a, metrics.b", "Could not be parsed: ',' at position 9"),
                arguments("metrics.'a'", "expected a key right after 'metrics.'"),
                arguments("'metrics.a'", "expected an identifier"),
                arguments("metrics.a;", "Could not be parsed: ';'"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidRunOrderBy")
    void rejectsInvalidRunOrderBy(String term, String messageFragment) {
        assertThatThrownBy(() -> SearchOrder.parseRunOrderBy(List.of(term)))
                .isInstanceOfSatisfying(AtollException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE))
                .hasMessageContaining(messageFragment);
    }

    @Test
    void nullTermIsReportedAsEmpty() {
        assertThatThrownBy(() -> SearchOrder.parseRunOrderBy(Arrays.asList("metrics.a", null)))
                .hasMessageContaining("Invalid order_by clause ''");
    }

    static Stream<Arguments> validExperimentOrderBy() {
        return Stream.of(
                arguments(List.of("name"), List.of(attr("name", true))),
                arguments(List.of("experiment_id DESC"), List.of(attr("experiment_id", false))),
                arguments(List.of("attribute.creation_time desc", "attributes.last_update_time ASC"),
                        List.of(attr("creation_time", false), attr("last_update_time", true))),
                arguments(List.of("`name` DESC"), List.of(attr("name", false))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validExperimentOrderBy")
    void parsesExperimentOrderBy(List<String> orderBy, List<OrderBy> expected) {
        assertThat(SearchOrder.parseExperimentOrderBy(orderBy)).isEqualTo(expected);
    }

    static Stream<Arguments> invalidExperimentOrderBy() {
        return Stream.of(
                arguments("tags.a", "Invalid order_by entity: 'tags'. Order experiments by one of [attribute]"),
                arguments("metrics.a", "Invalid entity type 'metrics'"),
                arguments("start_time", "Invalid attribute key 'start_time' specified. Valid keys are '[name, experiment_id, creation_time, last_update_time]'"),
                arguments("name ACS", "Invalid ordering key"),
                arguments("name DESC x", "Invalid order_by clause 'name DESC x'. Could not be parsed"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidExperimentOrderBy")
    void rejectsInvalidExperimentOrderBy(String term, String messageFragment) {
        assertThatThrownBy(() -> SearchOrder.parseExperimentOrderBy(List.of(term)))
                .isInstanceOf(AtollException.class)
                .hasMessageContaining(messageFragment);
    }

    private static OrderBy metric(String key, boolean ascending) {
        return new OrderBy(EntityType.METRIC, key, ascending);
    }

    private static OrderBy param(String key, boolean ascending) {
        return new OrderBy(EntityType.PARAM, key, ascending);
    }

    private static OrderBy tag(String key, boolean ascending) {
        return new OrderBy(EntityType.TAG, key, ascending);
    }

    private static OrderBy attr(String key, boolean ascending) {
        return new OrderBy(EntityType.ATTRIBUTE, key, ascending);
    }
}
