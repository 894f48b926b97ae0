package dev.atoll.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases from MLflow's test_pagination and test_invalid_page_tokens. */
class PageTokenTest {

    @Test
    void encodesExactlyAsMlflowDoes() {
        // base64.b64encode(json.dumps({"offset": 1}).encode("utf-8")) in Python
        assertThat(PageToken.encode(1)).isEqualTo("eyJvZmZzZXQiOiAxfQ==");
        assertThat(PageToken.encode(100)).isEqualTo("eyJvZmZzZXQiOiAxMDB9");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 999, 123456789, Integer.MAX_VALUE})
    void decodesWhatItEncodes(int offset) {
        assertThat(PageToken.decode(PageToken.encode(offset))).isEqualTo(offset);
    }

    @Test
    void noTokenMeansFirstPage() {
        assertThat(PageToken.decode(null)).isZero();
        assertThat(PageToken.decode("")).isZero();
    }

    @Test
    void readsTokensWrittenByOtherJsonEncoders() {
        assertThat(PageToken.decode(b64("{\"offset\":7}"))).isEqualTo(7);
        assertThat(PageToken.decode(b64("{ \"offset\" : \"12\" }"))).isEqualTo(12);
    }

    @Test
    void rejectsNegativeOffsetsWhenEncoding() {
        assertThatThrownBy(() -> PageToken.encode(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> corruptTokens() {
        return Stream.of(
                arguments(b64("{}"), "has no \"offset\""),
                arguments(b64("{\"offset\": \"a\"}"), "is not a whole number"),
                arguments(b64("{\"offsoot\": 7}"), "has no \"offset\""),
                arguments(b64("not json"), "decoded value=not json is not JSON"),
                arguments("not base64", "could not base64-decode"),
                arguments("eyJvZmZzZXQiOiAxfQ=", "could not base64-decode"),
                arguments("%%%%", "could not base64-decode"),
                arguments(b64("{\"offset\": -5}"), "offset -5 is out of range"),
                arguments(b64("{\"offset\": 1.5}"), "is not a whole number"),
                arguments(b64("{\"offset\": 99999999999}"), "is out of range"),
                arguments(b64("{\"offset\": null}"), "has no \"offset\""),
                arguments(b64("[1, 2]"), "has no \"offset\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptTokens")
    void rejectsCorruptTokens(String token, String why) {
        assertThatThrownBy(() -> PageToken.decode(token))
                .isInstanceOfSatisfying(AtollException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE))
                .hasMessageStartingWith("Invalid page token")
                .hasMessageContaining(why)
                .hasMessageContaining("Pass the next_page_token of the previous response unchanged");
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
