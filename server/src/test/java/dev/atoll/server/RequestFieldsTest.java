package dev.atoll.server;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import dev.atoll.tracking.Param;
import dev.atoll.tracking.Tag;
import dev.atoll.tracking.ViewType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one request parser: MLflow's types, names and messages, from a body or a query string alike. */
class RequestFieldsTest {
    private static final String SEE_DOCS = " See the API docs for more information about request parameters.";

    private static RequestFields body(String json) {
        return RequestFields.fromBody(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'a': 1", "{'a': 1} trailing", "[1, 2]", "'text'", "{}{}"})
    void aBodyThatIsNotOneJsonObjectIsMalformed(String json) {
        assertThatThrownBy(() -> body(json))
                .isInstanceOfSatisfying(AtollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST))
                .hasMessageStartingWith("Malformed request body");
    }

    @Test
    void anEmptyOrBlankBodyHasNoFields() {
        assertThat(RequestFields.fromBody(new byte[0]).string("name")).isNull();
        assertThat(body(" \r\n\t").string("name")).isNull();
    }

    @Test
    void integersAreNumbersOrStringsAsProtobufsJsonWritesThem() {
        RequestFields in = body("{'a': 5, 'b': '6', 'c': ' 7 ', 'big': 3000000000}");
        assertThat(in.int64("a")).isEqualTo(5L);
        assertThat(in.int64("b")).isEqualTo(6L);
        assertThat(in.int32("c")).isEqualTo(7);
        assertThat(in.int64("big")).isEqualTo(3_000_000_000L);
        assertThatThrownBy(() -> in.int32("big"))
                .hasMessage("Invalid value 3000000000 for parameter 'big' supplied: expected a 32-bit integer.");
        assertThatThrownBy(() -> body("{'n': 'ten'}").int32("n"))
                .hasMessage("Invalid value \"ten\" for parameter 'n' supplied: expected a 32-bit integer.");
        assertThatThrownBy(() -> body("{'n': 1.5}").int64("n"))
                .hasMessage("Invalid value 1.5 for parameter 'n' supplied: expected a 64-bit integer.");
        assertThatThrownBy(() -> RequestFields.fromQuery(Map.of("n", List.of(""))).int32("n"))
                .as("an empty value is not an absent one").hasMessageContaining("'n'");
    }

    @Test
    void doublesTakeProtobufsNamesForNanAndInfinity() {
        RequestFields in = body("{'a': 'NaN', 'b': '-Infinity', 'c': 0.25, 'd': '1e3'}");
        assertThat(in.float64("a")).isNaN();
        assertThat(in.float64("b")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(in.float64("c")).isEqualTo(0.25);
        assertThat(in.float64("d")).isEqualTo(1000.0);
        assertThatThrownBy(() -> body("{'v': 'high'}").float64("v")).hasMessageContaining("'v'").hasMessageContaining("a number");
    }

    @Test
    void stringsAreStringsNotNumbers() {
        assertThatThrownBy(() -> body("{'version': 1}").string("version"))
                .hasMessage("Invalid value 1 for parameter 'version' supplied: expected a string.");
        assertThat(body("{'name': null}").string("name")).as("null is absent").isNull();
    }

    @Test
    void boolsAreJsonBooleansOrTheirTextInAnyCase() {
        assertThat(body("{'a': true}").bool("a")).isTrue();
        assertThat(RequestFields.fromQuery(Map.of("a", List.of("TRUE"))).bool("a")).isTrue();
        assertThat(body("{'a': 'false'}").bool("a")).isFalse();
        assertThatThrownBy(() -> body("{'a': 'maybe'}").bool("a"))
                .hasMessage("Invalid value \"maybe\" for parameter 'a' supplied: expected true or false.");
    }

    @Test
    void enumsAreTheirNameInAnyCaseOrTheirProtoNumber() {
        assertThat(body("{'v': 'all'}").enumValue("v", ViewType.class)).isEqualTo(ViewType.ALL);
        assertThat(body("{'v': 2}").enumValue("v", ViewType.class)).isEqualTo(ViewType.DELETED_ONLY);
        assertThat(RequestFields.fromQuery(Map.of("v", List.of("3"))).enumValue("v", ViewType.class)).isEqualTo(ViewType.ALL);
        assertThatThrownBy(() -> body("{'v': 4}").enumValue("v", ViewType.class))
                .hasMessage("Invalid value 4 for parameter 'v' supplied. It must be one of [ACTIVE_ONLY, DELETED_ONLY, ALL].");
    }

    @Test
    void aRequiredFieldIsNeitherAbsentNorEmpty() {
        RequestFields in = body("{'name': '', 'ids': []}");
        assertThatThrownBy(() -> in.requiredString("name")).hasMessage("Missing value for required parameter 'name'." + SEE_DOCS);
        assertThatThrownBy(() -> in.requiredString("other")).hasMessage("Missing value for required parameter 'other'." + SEE_DOCS);
        assertThatThrownBy(() -> in.required(in.objects("ids"), "ids")).hasMessageContaining("'ids'");
    }

    @Test
    void nestedFieldsAreNamedByTheirPathInMessages() {
        RequestFields in = body("{'tags': [{'key': 'a', 'value': 'b'}, {'value': 'no key'}], 'dataset': {'digest': 5}}");
        assertThatThrownBy(() -> in.tags("tags")).hasMessage("Missing value for required parameter 'tags[1].key'." + SEE_DOCS);
        assertThatThrownBy(() -> in.object("dataset").string("digest"))
                .hasMessage("Invalid value 5 for parameter 'dataset.digest' supplied: expected a string.");
        assertThatThrownBy(() -> body("{'tags': {'key': 'a'}}").tags("tags")).hasMessageContaining("'tags'").hasMessageContaining("a list of objects");
        assertThatThrownBy(() -> body("{'ids': ['1', 2]}").strings("ids")).hasMessageContaining("'ids[1]'");
    }

    @Test
    void tagAndParamValuesAreEmptyWhenAbsentAsProto2ReadsThem() {
        RequestFields in = body("{'tags': [{'key': 'a'}], 'params': [{'key': 'p', 'value': '1'}]}");
        assertThat(in.tags("tags")).containsExactly(new Tag("a", ""));
        assertThat(in.params("params")).containsExactly(new Param("p", "1"));
        assertThat(in.tags("absent")).isEmpty();
    }

    @Test
    void aRunIsNamedByRunIdOrItsOlderNameRunUuid() {
        assertThat(body("{'run_uuid': 'r1'}").runId()).isEqualTo("r1");
        assertThat(body("{'run_id': 'r2', 'run_uuid': 'r1'}").runId()).isEqualTo("r2");
        assertThatThrownBy(() -> body("{}").runId()).hasMessage("Missing value for required parameter 'run_id'." + SEE_DOCS);
    }

    @Test
    void aQueryParameterGivenTwiceIsAList() {
        RequestFields in = RequestFields.fromQuery(Map.of("order_by", List.of("a", "b"), "stages", List.of("Production")));
        assertThat(in.strings("order_by")).containsExactly("a", "b");
        assertThat(in.strings("stages")).containsExactly("Production");
    }

    @Test
    void longValuesAreShortenedInMessages() {
        String value = "x".repeat(500);
        assertThatThrownBy(() -> body("{'n': '" + value + "'}").int64("n"))
                .hasMessage("Invalid value \"" + "x".repeat(99) + "... for parameter 'n' supplied: expected a 64-bit integer.");
    }
}
