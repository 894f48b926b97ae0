package dev.atoll.diff.table;

import dev.atoll.errors.AtollException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file read as a stream, in chunks cut anywhere, gives the rows, lines and problems of the same file read whole. */
class TableStreamTest {
    @TempDir
    Path dir;

    /** Every quirk the parser knows, several times over, so that chunks of any size cut each of them. */
    private static final String QUIRKS = "id;text;n\r\n"
            + "1;\"a; \"\"b\"\"\r\nc\";3\r\n"
            + "2;plain;4\r"
            + "3;\"quoted\"tail;5\n"
            + "\n"
            + "4;\"\";\n"
            + "5;short\r\n"
            + "6;too;many;fields\r\n"
            + "7;\"\"\"\";8\n";

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static List<String> rows(Table table) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            rows.add(table.line(r) + ":" + Arrays.toString(table.row(r)));
        }
        return rows;
    }

    private static List<String> streamed(TableStream stream) {
        List<String> rows = new ArrayList<>();
        stream.forEach(row -> {
            String[] values = new String[row.width()];
            for (int c = 0; c < values.length; c++) {
                values[c] = row.value(c);
            }
            rows.add(row.line() + ":" + Arrays.toString(values));
            return true;
        }, bytes -> { });
        return rows;
    }

    @Test
    void chunksCutAnywhereGiveTheRowsOfTheWholeFile() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(bom);
        bytes.writeBytes((QUIRKS + QUIRKS.substring(QUIRKS.indexOf('\n') + 1) + "8;\"unclosed\r\nto the end").getBytes(StandardCharsets.UTF_8));
        Path file = write("quirks.csv", bytes.toByteArray());
        Table whole = TableReader.read(file);
        assertThat(whole.rowCount()).isEqualTo(15);

        for (int chunk = 1; chunk <= 70; chunk++) {
            TableStream stream = TableStream.open(file, b -> { }).chunkSize(chunk);
            assertThat(stream.columns()).as("chunk %d", chunk).isEqualTo(whole.columns());
            assertThat(stream.format()).isEqualTo(whole.format());
            assertThat(streamed(stream)).as("chunk %d", chunk).isEqualTo(rows(whole));
            assertThat(stream.problems()).as("chunk %d", chunk).isEqualTo(whole.problems());
        }
    }

    @Test
    void latin1IsReEncodedAsTheWholeFileReaderDoes() throws Exception {
        Path file = write("latin1.csv", "name,city\nMüller,Zürich\nØrsted,København\n".getBytes(StandardCharsets.ISO_8859_1));
        Table whole = TableReader.read(file);
        for (int chunk = 2; chunk <= 12; chunk++) {
            TableStream stream = TableStream.open(file, b -> { }).chunkSize(chunk);
            assertThat(stream.format()).contains("ISO-8859-1");
            assertThat(streamed(stream)).isEqualTo(rows(whole)).contains("3:[Ørsted, København]");
        }
    }

    @Test
    void aUtf8CharacterCutByTheScanBufferIsStillUtf8() throws Exception {
        StringBuilder text = new StringBuilder("a,b\n");
        while (text.length() < (1 << 20) + 10) {
            text.append("x,é\n");
        }
        Path file = write("long.csv", text.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(TableStream.open(file, b -> { }).format()).endsWith("UTF-8)");
    }

    @Test
    void jsonLinesStreamAsTheyReadWhole() throws Exception {
        Path file = write("t.jsonl", ("{\"id\": 1, \"tags\": [\"a\"]}\n\nnot json\n[1]\n{\"id\": 2, \"extra\": null, \"more\": \"x\"}\n")
                .getBytes(StandardCharsets.UTF_8));
        Table whole = TableReader.read(file);
        TableStream stream = TableStream.open(file, b -> { });
        assertThat(stream.columns()).isEqualTo(whole.columns()).containsExactly("id", "tags", "extra", "more");
        assertThat(streamed(stream)).isEqualTo(rows(whole));
        assertThat(stream.problems()).isEqualTo(whole.problems()).hasSize(2);
    }

    @Test
    void headKeepsTheFirstRowsAndTheirLines() throws Exception {
        Path file = write("h.csv", "id,v\n1,a\n2,\"b\nc\"\n3,d\n".getBytes(StandardCharsets.UTF_8));
        Table head = TableStream.open(file, b -> { }).head(2);
        assertThat(rows(head)).containsExactly("2:[1, a]", "3:[2, b\nc]");
    }

    @Test
    void spilledRowsLoadBackAsATable() throws Exception {
        Path file = write("s.csv", "id,v,w\n1,,x\n2,ü,\n".getBytes(StandardCharsets.UTF_8));
        TableStream stream = TableStream.open(file, b -> { });
        Path spill = dir.resolve("part.rows");
        try (RowSpill out = new RowSpill(spill, 64)) {
            stream.forEach(row -> {
                out.write(row);
                return true;
            }, b -> { });
        }
        Table loaded = RowSpill.load(spill, 2, stream.source(), stream.format(), stream.columns());
        assertThat(rows(loaded)).isEqualTo(rows(TableReader.read(file)));
        assertThat(loaded.hash(1, 1)).isEqualTo(TableReader.read(file).hash(1, 1));
    }

    @Test
    void aMissingFileIsNotFound() {
        assertThatThrownBy(() -> TableStream.open(dir.resolve("gone.csv"), b -> { }))
                .isInstanceOf(AtollException.class).hasMessageContaining("gone.csv does not exist");
    }
}
