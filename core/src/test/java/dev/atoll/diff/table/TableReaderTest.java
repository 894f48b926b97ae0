package dev.atoll.diff.table;

import dev.atoll.errors.AtollException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableReaderTest {

    private static Table csv(String text) {
        return TableReader.readDelimited("t.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotedFieldsHoldDelimitersDoubledQuotesAndNewlines() {
        Table t = csv("id,text,n\r\n1,\"a, \"\"b\"\"\r\nc\",3\r\n2,plain,4\r\n");
        assertThat(t.columns()).containsExactly("id", "text", "n");
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.value(0, 1)).isEqualTo("a, \"b\"\r\nc");
        assertThat(t.value(1, 1)).isEqualTo("plain");
        assertThat(t.line(1)).isEqualTo(4);
        assertThat(t.problems()).isEmpty();
        assertThat(t.format()).contains("','", "quoted fields", "header", "UTF-8");
    }

    @Test
    void sniffsSemicolonTabAndPipe() {
        assertThat(csv("a;b;c\n1;2,5;3\n4;5,5;6\n").columns()).containsExactly("a", "b", "c");
        assertThat(csv("a\tb\n1\t2\n").columns()).containsExactly("a", "b");
        Table pipe = csv("a|b\n1|x,y\n");
        assertThat(pipe.columns()).containsExactly("a", "b");
        assertThat(pipe.value(0, 1)).isEqualTo("x,y");
    }

    @Test
    void numericFirstRowMeansNoHeader() {
        Table t = csv("1,2\n3,4\n");
        assertThat(t.columns()).containsExactly("column1", "column2");
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.format()).contains("no header");
    }

    @Test
    void bomIsSkipped() {
        byte[] body = "id,name\n1,é\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Table t = TableReader.readDelimited("bom.csv", withBom);
        assertThat(t.columns()).containsExactly("id", "name");
        assertThat(t.value(0, 1)).isEqualTo("é");
        assertThat(t.format()).contains("UTF-8 with BOM");
    }

    @Test
    void invalidUtf8IsReadAsLatin1() {
        byte[] latin1 = "id,name\n1,Müller\n".getBytes(StandardCharsets.ISO_8859_1);
        Table t = TableReader.readDelimited("latin.csv", latin1);
        assertThat(t.value(0, 1)).isEqualTo("Müller");
        assertThat(t.format()).contains("ISO-8859-1");
    }

    /**
     * A byte that is not UTF-8 far into the file, after quoted fields with doubled quotes (undone in
     * place as they are parsed), makes the whole file ISO-8859-1; the bytes given are left as they were.
     */
    @Test
    void aLateLatin1ByteMakesTheWholeFileLatin1() {
        StringBuilder text = new StringBuilder("id,name,note\n");
        for (int r = 0; r < 20_000; r++) {
            text.append(r).append(",caf\u00e9 ").append(r).append(",\"say \"\"hi\"\" ").append(r).append("\"\n");
        }
        text.append("20000,M\u00fcller,plain\n");
        byte[] latin1 = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] original = latin1.clone();
        Table t = TableReader.readDelimited("late.csv", latin1);
        assertThat(t.format()).contains("ISO-8859-1");
        assertThat(t.rowCount()).isEqualTo(20_001);
        assertThat(t.row(0)).containsExactly("0", "caf\u00e9 0", "say \"hi\" 0");
        assertThat(t.row(19_999)).containsExactly("19999", "caf\u00e9 19999", "say \"hi\" 19999");
        assertThat(t.row(20_000)).containsExactly("20000", "M\u00fcller", "plain");
        assertThat(latin1).as("the input, restored before it was read again").isEqualTo(original);

        // The same text as UTF-8 stays UTF-8, multi-byte characters and all.
        Table utf8 = TableReader.readDelimited("late.csv", text.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(utf8.format()).contains("UTF-8");
        assertThat(utf8.row(20_000)).containsExactly("20000", "M\u00fcller", "plain");
    }

    @Test
    void raggedRowsAreReportedWithLineNumbersAndKept() {
        Table t = csv("a,b,c\n1,2,3\n4,5\n6,7,8,9\n");
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.value(1, 2)).isNull();
        assertThat(t.value(2, 2)).isEqualTo("8");
        assertThat(t.problems()).hasSize(2);
        assertThat(t.problems().get(0)).contains("line 3", "2 fields", "header has 3");
        assertThat(t.problems().get(1)).contains("line 4", "4 fields");
    }

    @Test
    void unterminatedQuoteIsReportedNotThrown() {
        Table t = csv("a,b\n1,\"open\n2,3\n");
        assertThat(t.rowCount()).isEqualTo(1);
        assertThat(t.problems()).anyMatch(p -> p.contains("not closed"));
    }

    @Test
    void emptyFieldsAreNullAndTrailingDelimiterMakesAnEmptyField() {
        Table t = csv("a,b\n1,\n,2");
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.value(0, 1)).isNull();
        assertThat(t.value(1, 0)).isNull();
        assertThat(t.value(1, 1)).isEqualTo("2");
        assertThat(t.problems()).isEmpty();
    }

    @Test
    void jsonLinesUnionKeysAndReportBadLines() {
        byte[] text = "{\"id\":1,\"x\":\"a\"}\n{\"id\":2,\"y\":{\"z\":1}}\nnot json\n[1]\n".getBytes(StandardCharsets.UTF_8);
        Table t = TableReader.readJsonLines("t.jsonl", text);
        assertThat(t.columns()).containsExactly("id", "x", "y");
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.value(1, 2)).isEqualTo("{\"z\":1}");
        assertThat(t.value(1, 1)).isNull();
        assertThat(t.problems()).hasSize(2).anyMatch(p -> p.contains("line 3")).anyMatch(p -> p.contains("line 4"));
    }

    @Test
    void missingFileNamesThePath(@TempDir Path dir) {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> TableReader.read(missing)).isInstanceOf(AtollException.class)
                .hasMessageContaining("nope.csv").hasMessageContaining("does not exist");
    }
}
