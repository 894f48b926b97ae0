package dev.atoll.search;

import static dev.atoll.search.Comparator.EQ;
import static dev.atoll.search.Comparator.GE;
import static dev.atoll.search.Comparator.GT;
import static dev.atoll.search.Comparator.ILIKE;
import static dev.atoll.search.Comparator.IN;
import static dev.atoll.search.Comparator.LE;
import static dev.atoll.search.Comparator.LIKE;
import static dev.atoll.search.Comparator.LT;
import static dev.atoll.search.Comparator.NE;
import static dev.atoll.search.Comparator.NOT_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases ported from MLflow's tests/utils/test_search_utils.py, plus Atoll's own edge cases. */
class SearchFilterTest {

    static Stream<Arguments> validRunFilters() {
        return Stream.of(
                // test_filter
                arguments("metric.acc >= 0.94", List.of(metric("acc", GE, 0.94))),
                arguments("metric.acc>=100", List.of(metric("acc", GE, 100))),
                arguments("params.m!='tf'", List.of(param("m", NE, "tf"))),
                arguments("params.\"m\"!=\"tf\"", List.of(param("m", NE, "tf"))),
                arguments("metric.\"legit name\" >= 0.243", List.of(metric("legit name", GE, 0.243))),
                arguments("metrics.XYZ = 3", List.of(metric("XYZ", EQ, 3))),
                arguments("params.\"cat dog\" = \"pets\"", List.of(param("cat dog", EQ, "pets"))),
                arguments("metrics.\"X-Y-Z\" = 3", List.of(metric("X-Y-Z", EQ, 3))),
                arguments("metrics.\"X//Y#$$@&Z\" = 3", List.of(metric("X//Y#$$@&Z", EQ, 3))),
                arguments("params.model = 'LinearRegression'", List.of(param("model", EQ, "LinearRegression"))),
                arguments("metrics.rmse < 1 and params.model_class = 'LR'",
                        List.of(metric("rmse", LT, 1), param("model_class", EQ, "LR"))),
                arguments("`metric`.a >= 0.1", List.of(metric("a", GE, 0.1))),
                arguments("tags.version = 'commit-hash'", List.of(tag("version", EQ, "commit-hash"))),
                arguments("`tags`.source_name = 'a notebook'", List.of(tag("source_name", EQ, "a notebook"))),
                arguments("metrics.\"accuracy.2.0\" > 5", List.of(metric("accuracy.2.0", GT, 5))),
                arguments("metrics.`spacey name` > 5", List.of(metric("spacey name", GT, 5))),
                arguments("params.\"p.a.r.a.m\" != \"a\"", List.of(param("p.a.r.a.m", NE, "a"))),
                arguments("tags.\"t.a.g\" = \"a\"", List.of(tag("t.a.g", EQ, "a"))),
                arguments("attribute.artifact_uri = '1/23/4'", List.of(attr("artifact_uri", EQ, "1/23/4"))),
                arguments("attribute.start_time >= 1234", List.of(attr("start_time", GE, 1234))),
                arguments("run.status = 'RUNNING'", List.of(attr("status", EQ, "RUNNING"))),
                arguments("dataset.name = 'my_dataset'", List.of(dataset("name", EQ, "my_dataset"))),
                // test_correct_quote_trimming
                arguments("params.m = 'LR'", List.of(param("m", EQ, "LR"))),
                arguments("params.m = \"LR\"", List.of(param("m", EQ, "LR"))),
                arguments("params.m = \"L'Hosp\"", List.of(param("m", EQ, "L'Hosp"))),
                // test_correct_filtering
                arguments("attributes.status = 'FAILED'", List.of(attr("status", EQ, "FAILED"))),
                arguments("metrics.key1 != 123", List.of(metric("key1", NE, 123))),
                arguments("params.my_param = 'A' AND attributes.status = 'FAILED'",
                        List.of(param("my_param", EQ, "A"), attr("status", EQ, "FAILED"))),
                arguments("datasets.name IN ('name1', 'name2')", List.of(dataset("name", IN, List.of("name1", "name2")))),
                arguments("datasets.digest IN ('digest1', 'digest2')",
                        List.of(dataset("digest", IN, List.of("digest1", "digest2")))),
                arguments("datasets.name = 'name1' AND datasets.context = 'train'",
                        List.of(dataset("name", EQ, "name1"), dataset("context", EQ, "train"))),
                arguments("attribute.user_id = 'user-id2'", List.of(attr("user_id", EQ, "user-id2"))),
                arguments("attribute.end_time > 1", List.of(attr("end_time", GT, 1))),
                // entity prefixes and their aliases
                arguments("parameter.a = 'x' AND parameters.b = 'y' AND param.c = 'z'",
                        List.of(param("a", EQ, "x"), param("b", EQ, "y"), param("c", EQ, "z"))),
                arguments("tag.a = 'x' AND attr.run_name = 'r' AND attributes.run_id = 'abc' AND datasets.digest = 'd'",
                        List.of(tag("a", EQ, "x"), attr("run_name", EQ, "r"), attr("run_id", EQ, "abc"),
                                dataset("digest", EQ, "d"))),
                // attributes without prefix, and aliases made canonical
                arguments("status = 'FINISHED'", List.of(attr("status", EQ, "FINISHED"))),
                arguments("created > 5", List.of(attr("start_time", GT, 5))),
                arguments("attributes.Created <= 5", List.of(attr("start_time", LE, 5))),
                arguments("attributes.`run name` = 'a'", List.of(attr("run_name", EQ, "a"))),
                arguments("`Run Name` LIKE 'a%'", List.of(attr("run_name", LIKE, "a%"))),
                arguments("\"Run name\" = 'a'", List.of(attr("run_name", EQ, "a"))),
                // keys with dots stay whole: mlflow.* system tags
                arguments("tags.mlflow.runName = 'x'", List.of(tag("mlflow.runName", EQ, "x"))),
                arguments("tags.mlflow.source.git.commit = 'abc'", List.of(tag("mlflow.source.git.commit", EQ, "abc"))),
                arguments("metrics.1st > 1", List.of(metric("1st", GT, 1))),
                arguments("metrics.acc.2 > 1", List.of(metric("acc.2", GT, 1))),
                // numbers
                arguments("metrics.a > -1", List.of(metric("a", GT, -1))),
                arguments("metrics.a>-1.5", List.of(metric("a", GT, -1.5))),
                arguments("metrics.a < 1e3", List.of(metric("a", LT, 1000))),
                arguments("metrics.a < 2.5E-3", List.of(metric("a", LT, 0.0025))),
                arguments("metrics.a < 1e+2", List.of(metric("a", LT, 100))),
                arguments("metrics.a >= .5", List.of(metric("a", GE, 0.5))),
                arguments("metrics.a >= -.5", List.of(metric("a", GE, -0.5))),
                arguments("metrics.a = 5.", List.of(metric("a", EQ, 5))),
                // case-insensitive keywords, comparators LIKE / ILIKE, IN / NOT IN
                arguments("params.a like '%x' AnD tags.b ILIKE 'Y%'", List.of(param("a", LIKE, "%x"), tag("b", ILIKE, "Y%"))),
                arguments("attributes.run_id IN ('a', \"b\",'c')", List.of(attr("run_id", IN, List.of("a", "b", "c")))),
                arguments("run_id not in ('a')", List.of(attr("run_id", NOT_IN, List.of("a")))),
                arguments("datasets.context NOT IN ('train','eval')",
                        List.of(dataset("context", NOT_IN, List.of("train", "eval")))),
                // quoting: escaped quotes inside strings, whitespace inside quotes kept
                arguments("params.m = 'it''s'", List.of(param("m", EQ, "it's"))),
                arguments("params.m = 'it\\'s'", List.of(param("m", EQ, "it's"))),
                arguments("params.m = \"say \"\"hi\"\"\"", List.of(param("m", EQ, "say \"hi\""))),
                arguments("params.m = '  padded  '", List.of(param("m", EQ, "  padded  "))),
                // backslashes: \' and \\ are escapes in strings, any other backslash is kept
                arguments("attributes.artifact_uri = 'C:\\dir'", List.of(attr("artifact_uri", EQ, "C:\\dir"))),
                arguments("attributes.artifact_uri = 'C:\\\\dir'", List.of(attr("artifact_uri", EQ, "C:\\dir"))),
                arguments("params.m = 'ends with \\\\' AND params.n = ''''",
                        List.of(param("m", EQ, "ends with \\"), param("n", EQ, "'"))),
                arguments("params.m LIKE 'a\\_b%'", List.of(param("m", LIKE, "a\\_b%"))),
                arguments("metrics.`a\\b` > 1", List.of(metric("a\\b", GT, 1))),
                arguments("metrics.`a\\` > 1", List.of(metric("a\\", GT, 1))),
                arguments("params.m = ''", List.of(param("m", EQ, ""))),
                arguments("params.m = 'a AND b'", List.of(param("m", EQ, "a AND b"))),
                arguments("metrics.`a``b` > 1", List.of(metric("a`b", GT, 1))),
                arguments("  metrics.a   >   1   AND   params.b='c'  ",
                        List.of(metric("a", GT, 1), param("b", EQ, "c"))),
                arguments("params.unicodé = 'π'", List.of(param("unicodé", EQ, "π"))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validRunFilters")
    void parsesRunFilter(String filter, List<Comparison> expected) {
        assertThat(SearchFilter.parseRunFilter(filter)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void emptyFilterMeansNoClauses(String filter) {
        assertThat(SearchFilter.parseRunFilter(filter)).isEmpty();
        assertThat(SearchFilter.parseExperimentFilter(filter)).isEmpty();
    }

    @Test
    void numericValuesAreDoublesAndStringsAreStrings() {
        List<Comparison> clauses = SearchFilter.parseRunFilter("metrics.a = 3 AND attributes.start_time > 10 AND params.p = '3'");
        assertThat(clauses.get(0).value()).isInstanceOf(Double.class);
        assertThat(clauses.get(0).numberValue()).isEqualTo(3.0);
        assertThat(clauses.get(1).value()).isEqualTo(10.0);
        assertThat(clauses.get(2).stringValue()).isEqualTo("3");
    }

    static Stream<Arguments> invalidRunFilters() {
        return Stream.of(
                // test_error_filter
                arguments("metric.acc >= 0.94; metrics.rmse < 1", "Search filter contained multiple expression"),
                arguments("m.acc >= 0.94", "Invalid entity type 'm'"),
                arguments("acc >= 0.94", "Invalid attribute key 'acc'"),
                arguments("p.model >= 'LR'", "Invalid entity type 'p'"),
                arguments("attri.x != 1", "Invalid entity type 'attri'"),
                arguments("a.x != 1", "Invalid entity type 'a'"),
                arguments("model >= 'LR'", "Invalid attribute key 'model'"),
                arguments("metrics.A > 0.1 OR params.B = 'LR'", "Invalid clause(s) in filter string: 'OR' at position 16"),
                arguments("metrics.A > 0.1 NAND params.B = 'LR'", "Invalid clause(s) in filter string: 'NAND'"),
                arguments("metrics.A > 0.1 AND (params.B = 'LR')", "Invalid clause(s) in filter string: '('"),
                arguments("`metrics.A > 0.1", "Invalid clause(s) in filter string: '`metrics.A > 0.1' at position 0"),
                arguments("param`.A > 0.1", "Invalid clause(s) in filter string"),
                arguments("`dummy.A > 0.1", "Invalid clause(s) in filter string"),
                arguments("dummy`.A > 0.1", "Invalid clause(s) in filter string"),
                arguments("attribute.start != 1", "Invalid attribute key 'start'"),
                arguments("attribute.experiment_id != 1", "Invalid attribute key 'experiment_id'"),
                arguments("attribute.lifecycle_stage = 'ACTIVE'", "Invalid attribute key 'lifecycle_stage'"),
                arguments("attribute.name != 1", "Invalid attribute key 'name'"),
                arguments("attribute.time != 1", "Invalid attribute key 'time'"),
                arguments("attribute._status != 'RUNNING'", "Invalid attribute key '_status'"),
                // MLflow reports this through sqlparse's keyword token; Atoll names the unquoted value.
                arguments("attribute.status = true", "value is either not quoted or unidentified quote types used for string value true"),
                arguments("dataset.status = 'true'", "Invalid dataset key 'status'"),
                arguments("dataset.profile = 'num_rows: 10'", "Invalid dataset key 'profile'"),
                arguments("metrics.acc IS NULL", "IS NULL / IS NOT NULL is not supported by Atoll yet"),
                // test_error_comparison_clauses
                arguments("metric.model = 'LR'", "Expected numeric value type for metric. Found 'LR'"),
                arguments("metric.model = '5'", "Expected numeric value type for metric. Found '5'"),
                arguments("params.acc = 5", "Expected a quoted string value for param (e.g. 'my-value'). Got value 5"),
                arguments("tags.acc = 5", "Expected a quoted string value for tag"),
                arguments("metrics.acc != metrics.acc", "Expected numeric value type for metric. Found metrics.acc"),
                arguments("1.0 > metrics.acc", "Expected 'Identifier' found '1.0'"),
                arguments("attribute.status = 1", "Expected a quoted string value for attributes"),
                arguments("attribute.start_time = 'x'", "Expected numeric value type for numeric attribute: start_time. Found 'x'"),
                arguments("datasets.name = 1", "Expected a quoted string value for dataset attributes"),
                // test_bad_quotes
                arguments("params.acc = LR", "Param value is either not quoted or unidentified quote types used for string value LR"),
                arguments("tags.acc = LR", "value is either not quoted or unidentified quote types"),
                arguments("params.acc = `LR`", "value is either not quoted or unidentified quote types"),
                arguments("params.'acc = LR", "Invalid clause(s) in filter string"),
                arguments("params.acc = 'LR", "Invalid clause(s) in filter string: ''LR' at position 13: the quote ' is never closed"),
                arguments("params.acc = LR'", "Invalid clause(s) in filter string"),
                arguments("params.acc = \"LR'", "Invalid clause(s) in filter string"),
                arguments("tags.acc = \"LR'", "Invalid clause(s) in filter string"),
                arguments("tags.acc = = 'LR'", "Invalid clause(s) in filter string: '=' at position 11: expected a value after '='"),
                arguments("attribute.status IS 'RUNNING'", "Invalid comparator 'IS'"),
                // test_invalid_clauses
                arguments("params.acc LR !=", "Invalid clause(s) in filter string: 'LR' at position 11: expected a comparator"),
                arguments("params.acc LR", "Invalid clause(s) in filter string"),
                arguments("metric.acc !=", "Invalid clause(s) in filter string: end of input at position 13: expected a value after '!='"),
                arguments("acc != 1.0", "Invalid attribute key 'acc'"),
                arguments("foo is null", "Invalid attribute key 'foo'"),
                arguments("1=1", "Expected 'Identifier' found '1'"),
                arguments("1==2", "Expected 'Identifier' found '1'"),
                // test_bad_comparators: checked while parsing, not later in the store
                arguments("metrics.abc ~ 1.0", "Invalid comparator '~'"),
                arguments("metrics.abc ~= 1.0", "Invalid comparator '~='"),
                arguments("metrics.abc LIKE 1.0", "Invalid comparator 'LIKE' for metric 'abc': not one of [=, !=, >, >=, <, <=]"),
                arguments("params.abc > 'x'", "Invalid comparator '>' for param 'abc'"),
                arguments("params.abc <= 'x'", "Invalid comparator '<=' for param 'abc'"),
                arguments("`params`.model >= 'LR'", "Invalid comparator '>=' for param 'model'"),
                arguments("tags.abc >= 'x'", "Invalid comparator '>=' for tag 'abc'"),
                arguments("attributes.status < 'x'", "Invalid comparator '<' for attribute 'status'"),
                arguments("attributes.start_time LIKE 1234", "Invalid comparator 'LIKE' for attribute 'start_time'"),
                arguments("attributes.start_time ILIKE 1234", "Invalid comparator 'ILIKE' for attribute 'start_time'"),
                arguments("datasets.name > 'x'", "Invalid comparator '>' for dataset 'name'"),
                arguments("params.a IN ('x')", "Invalid comparator 'IN' for param 'a'"),
                arguments("tags.a NOT IN ('x')", "Invalid comparator 'NOT IN' for tag 'a'"),
                arguments("attributes.status IN ('x')", "only the 'run_id' attribute supports comparison with a list"),
                arguments("metrics.a <> 1", "Invalid comparator '<>'"),
                // lists
                arguments("run_id IN ()", "expected a non-empty list of string values, but got empty list"),
                arguments("run_id IN (1, 2)", "but got different type in list: 1"),
                arguments("run_id IN ('a' 'b')", "but got ill-formed list: ''b''"),
                arguments("run_id IN ('a',)", "but got ill-formed list: ')'"),
                arguments("run_id IN ('a'", "but got ill-formed list: end of input"),
                arguments("run_id IN 'a'", "expected a parenthesised list of quoted strings after IN"),
                arguments("run_id not in 'a'", "expected a parenthesised list of quoted strings after NOT IN"),
                arguments("run_id = ('a')", "needs IN or NOT IN, not '='"),
                arguments("run_id NOT LIKE 'a'", "expected IN after NOT"),
                // structure
                arguments("metrics.a > 1 AND", "expected a clause after AND"),
                arguments("AND metrics.a > 1", "Invalid clause(s) in filter string: 'AND' at position 0: expected a clause"),
                arguments("metrics.a > 1 metrics.b > 2", "Invalid clause(s) in filter string: 'metrics' at position 14: clauses can only be joined by AND"),
                arguments("metrics. a > 1", "expected a key right after 'metrics.'"),
                arguments("metrics.X-Y-Z = 3", "quote keys with spaces or special characters: metrics.`my-key`"),
                arguments("metrics.`` > 1", "the key after 'metrics.' is empty"),
                arguments("metrics.a > 1;", "Search filter contained multiple expression"),
                arguments("metrics.a @ 1", "Invalid clause(s) in filter string: '@' at position 10"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidRunFilters")
    void rejectsInvalidRunFilter(String filter, String messageFragment) {
        assertThatThrownBy(() -> SearchFilter.parseRunFilter(filter))
                .isInstanceOfSatisfying(AtollException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE))
                .hasMessageContaining(messageFragment);
    }

    static Stream<Arguments> validExperimentFilters() {
        return Stream.of(
                arguments("name = 'exp'", List.of(attr("name", EQ, "exp"))),
                arguments("attribute.name LIKE 'a%'", List.of(attr("name", LIKE, "a%"))),
                arguments("attributes.name ILIKE \"%B\"", List.of(attr("name", ILIKE, "%B"))),
                arguments("name != 'x'", List.of(attr("name", NE, "x"))),
                arguments("creation_time > 123", List.of(attr("creation_time", GT, 123))),
                arguments("attribute.last_update_time <= 5", List.of(attr("last_update_time", LE, 5))),
                arguments("tags.team = 'ml' AND tag.`owner name` LIKE 'a%'",
                        List.of(tag("team", EQ, "ml"), tag("owner name", LIKE, "a%"))),
                arguments("tags.mlflow.note.content ILIKE '%x%'", List.of(tag("mlflow.note.content", ILIKE, "%x%"))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validExperimentFilters")
    void parsesExperimentFilter(String filter, List<Comparison> expected) {
        assertThat(SearchFilter.parseExperimentFilter(filter)).isEqualTo(expected);
    }

    static Stream<Arguments> invalidExperimentFilters() {
        return Stream.of(
                arguments("metrics.a > 1", "Invalid entity type 'metrics'. Valid values are [attribute, attributes, tag, tags]"),
                arguments("params.a = 'x'", "Invalid entity type 'params'"),
                arguments("run_id = 'x'", "Invalid attribute key 'run_id' specified. Valid keys are '[name, creation_time, last_update_time]'"),
                arguments("experiment_id = '1'", "Invalid attribute key 'experiment_id'"),
                arguments("name > 'x'", "Invalid comparator '>' for attribute 'name'"),
                arguments("name IN ('a', 'b')", "Invalid comparator 'IN' for attribute 'name': not one of [=, !=, LIKE, ILIKE]"),
                arguments("creation_time LIKE 5", "Invalid comparator 'LIKE' for attribute 'creation_time'"),
                arguments("creation_time > '5'", "Expected numeric value type for numeric attribute: creation_time. Found '5'"),
                arguments("name = 5", "Expected a quoted string value for attributes"),
                arguments("tags.a > 'x'", "Invalid comparator '>' for tag 'a'"),
                arguments("tags.a = 1", "Expected a quoted string value for tag"),
                arguments("name = 'a' OR name = 'b'", "Invalid clause(s) in filter string: 'OR'"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidExperimentFilters")
    void rejectsInvalidExperimentFilter(String filter, String messageFragment) {
        assertThatThrownBy(() -> SearchFilter.parseExperimentFilter(filter))
                .isInstanceOf(AtollException.class)
                .hasMessageContaining(messageFragment);
    }

    private static Comparison metric(String key, Comparator comparator, double value) {
        return new Comparison(EntityType.METRIC, key, comparator, value);
    }

    private static Comparison param(String key, Comparator comparator, String value) {
        return new Comparison(EntityType.PARAM, key, comparator, value);
    }

    private static Comparison tag(String key, Comparator comparator, String value) {
        return new Comparison(EntityType.TAG, key, comparator, value);
    }

    private static Comparison attr(String key, Comparator comparator, Object value) {
        Object normalized = value instanceof Integer number ? Double.valueOf(number) : value;
        return new Comparison(EntityType.ATTRIBUTE, key, comparator, normalized);
    }

    private static Comparison dataset(String key, Comparator comparator, Object value) {
        return new Comparison(EntityType.DATASET, key, comparator, value);
    }
}
