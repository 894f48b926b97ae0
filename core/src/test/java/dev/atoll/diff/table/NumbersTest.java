package dev.atoll.diff.table;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    private static double parse(String text) {
        byte[] bytes = ("," + text + ",").getBytes(StandardCharsets.UTF_8); // a cell inside a buffer, as in a table
        return Numbers.parse(bytes, 1, bytes.length - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "-12.50", "+3", "1.", ".5", "-.25", "0007", "123456789012345678", "12345678901234567.5",
            "1e3", "-2.5E-4", "9007199254740993", "0.1", "99.999"})
    void numbersParseAsJavaParsesThem(String text) {
        assertThat(parse(text)).isEqualTo(Double.parseDouble(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "+", ".", "1.2.3", "12a", "a12", "NaN", "Infinity", "0x1p3", "1f", "1d", "2024-01-05", "1,5", " 1"})
    void otherTextIsNotANumber(String text) {
        assertThat(parse(text)).isNaN();
    }

    @ParameterizedTest
    @CsvSource({"'',true"})
    void anEmptyCellIsNotANumber(String text, boolean nan) {
        assertThat(Double.isNaN(parse(text))).isEqualTo(nan);
    }
}
