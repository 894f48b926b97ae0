package dev.atoll.diff;

import dev.atoll.diff.table.Table;
import dev.atoll.diff.table.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same data written with different file quirks must diff as unchanged; quirks in changed rows must not hide them. */
class TableQuirksDiffTest {

    private static Table read(String name, byte[] bytes) {
        return TableReader.readDelimited(name, bytes);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void bomCrlfSemicolonsAndQuotedNewlinesMatchPlainLatin1Commas() {
        byte[] bomCrlf = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "id;name;note\r\n1;Müller;\"two\r\nlines\"\r\n2;Ørsted;\"say \"\"hi\"\"\"\r\n".getBytes(StandardCharsets.UTF_8));
        byte[] latin1 = "id,name,note\n2,Ørsted,\"say \"\"hi\"\"\"\n1,Müller,\"two\r\nlines\"\n".getBytes(StandardCharsets.ISO_8859_1);
        TableDiff diff = TableDiffer.diff(read("a.csv", bomCrlf), read("b.csv", latin1), null);
        assertThat(diff.before().format()).contains("';'", "UTF-8 with BOM");
        assertThat(diff.after().format()).contains("','", "ISO-8859-1");
        assertThat(diff.key()).isEqualTo("id");
        assertThat(diff.identical()).isTrue();
        assertThat(diff.rows().unchanged()).isEqualTo(2);
    }

    @Test
    void raggedRowsAreReportedAndStillCompared() {
        Table before = read("a.csv", "id,v,w\n1,a,x\n2,b,y\n3,c,z\n".getBytes(StandardCharsets.UTF_8));
        Table after = read("b.csv", "id,v,w\n1,a,x\n2,b\n3,c,z,extra\n".getBytes(StandardCharsets.UTF_8));
        TableDiff diff = TableDiffer.diff(before, after, "id");
        assertThat(diff.after().problems()).hasSize(2).anySatisfy(p -> assertThat(p).contains("b.csv line 3"))
                .anySatisfy(p -> assertThat(p).contains("b.csv line 4"));
        assertThat(diff.rows()).isEqualTo(new RowCounts(2, 0, 0, 1));
        assertThat(diff.modifiedSample().get(0).changes()).containsExactly(new CellChange("w", "y", null));
        assertThat(diff.columns().stream().filter(c -> c.name().equals("w")).findFirst().orElseThrow().after().nulls()).isEqualTo(1);
    }

    @Test
    void keylessDiffFindsARenamedColumnByItsValues() {
        List<String> before = new ArrayList<>(List.of("a,b"));
        List<String> after = new ArrayList<>(List.of("b,alpha"));
        for (int i = 0; i < 50; i++) {
            before.add((i % 5) + "," + (i % 3));
            after.add((i % 3) + "," + (i % 5));
        }
        TableDiff diff = TableDiffer.diff(read("a.csv", (String.join("\n", before) + "\n").getBytes(StandardCharsets.UTF_8)),
                read("b.csv", (String.join("\n", after) + "\n").getBytes(StandardCharsets.UTF_8)), null);
        assertThat(diff.key()).isNull();
        assertThat(diff.schemaChanges()).containsExactly(
                new SchemaChange(SchemaChange.Kind.RENAMED, "a", "alpha", ColumnType.INTEGER, ColumnType.INTEGER));
        assertThat(diff.rows()).isEqualTo(new RowCounts(50, 0, 0, 0));
    }

    @Test
    void severalUniqueColumnsPickTheIdLikeOneOrNone() {
        String rows = "1,u1,10\n2,u2,20\n";
        TableDiff idLike = TableDiffer.diff(read("a.csv", ("user_id,name,n\n" + rows).getBytes(StandardCharsets.UTF_8)),
                read("b.csv", ("user_id,name,n\n" + rows).getBytes(StandardCharsets.UTF_8)), null);
        assertThat(idLike.key()).isEqualTo("user_id");
        TableDiff none = TableDiffer.diff(read("a.csv", ("x,name,n\n" + rows).getBytes(StandardCharsets.UTF_8)),
                read("b.csv", ("x,name,n\n" + rows).getBytes(StandardCharsets.UTF_8)), null);
        assertThat(none.key()).isNull();
        assertThat(none.keyNote()).contains("multiset");
    }

    /**
     * Every quirk of the issue at once, with known changes: the old file is UTF-8 with a BOM, CRLF and
     * semicolons, the new one ISO-8859-1 with LF and commas, in another order; both have quoted
     * newlines and doubled quotes, each has a ragged row. 1 row modified, 1 added, 1 removed, 4 unchanged,
     * whether the diff runs in memory or spilled to disk.
     */
    @Test
    void allQuirksTogetherStillGiveExactCounts(@TempDir Path tmp) throws Exception {
        Path before = fixture(tmp, "old-utf8-bom-crlf-semicolons.csv");
        Path after = fixture(tmp, "new-latin1-lf-commas-shuffled.csv");
        TableDiff memory = TableFileDiffer.diff(before, after, null, DiffProgress.NONE);
        TableDiff spilled = TableFileDiffer.diff(before, after, null, new TableFileDiffer.Limits(1024, tmp), DiffProgress.NONE);
        for (TableDiff diff : List.of(memory, spilled)) {
            assertThat(diff.key()).isEqualTo("id");
            assertThat(diff.rows()).isEqualTo(new RowCounts(4, 1, 1, 1));
            assertThat(diff.schemaChanges()).isEmpty();
            assertThat(diff.modifiedSample()).singleElement().satisfies(m -> {
                assertThat(m.key()).isEqualTo("2");
                assertThat(m.changes()).containsExactly(new CellChange("amount", "20", "25"));
                assertThat(m.oldLine()).isEqualTo(4);
                assertThat(m.newLine()).isEqualTo(5);
            });
            assertThat(diff.addedSample()).singleElement().satisfies(r -> assertThat(r.values()).containsExactly("7", "Åse", "new", "70"));
            assertThat(diff.removedSample()).singleElement().satisfies(r -> assertThat(r.values()).containsExactly("3", "Zoë", "plain", "30"));
            assertThat(diff.before().format()).contains("';'", "UTF-8 with BOM");
            assertThat(diff.after().format()).contains("','", "ISO-8859-1");
            assertThat(diff.before().problems()).singleElement().asString().contains("line 7: 3 fields");
            assertThat(diff.after().problems()).singleElement().asString().contains("line 9: 5 fields");
        }
        assertThat(spilled.notes()).first().asString().startsWith("Spilled to disk");
    }

    private static Path fixture(Path dir, String name) throws Exception {
        try (InputStream in = TableQuirksDiffTest.class.getResourceAsStream("quirks/" + name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }
}
