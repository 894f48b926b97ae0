package dev.atoll.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atoll.diff.TableDiff;
import dev.atoll.diff.TableDiffer;
import dev.atoll.diff.table.TableReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ReportRenderTest {

    private static TableDiff diff(String before, String after) {
        return TableDiffer.diff(TableReader.readDelimited("old.csv", before.getBytes(StandardCharsets.UTF_8)),
                TableReader.readDelimited("new.csv", after.getBytes(StandardCharsets.UTF_8)), null);
    }

    private static final String OLD = "id,name,score\n1,ann,1.5\n2,bob,2.5\n3,cy,3.5\n";
    private static final String NEW = "id,name,score,note\n1,ann,1.5,a|b\n2,bob,9.5,\n4,<script>alert(1)</script>,4.5,x\n";

    @Test
    void markdownHasSummaryColumnAndSampleRows() {
        String md = MarkdownReport.render(diff(OLD, NEW));
        assertThat(md).contains("**+1 added, −1 removed, ~1 modified rows; 1 schema changes;")
                .contains("| added | 1 |")
                .contains("| added | note |  |  | text |")
                .contains("| score | decimal | 3 | 0 | 1.5 | 3.5 → 9.5 | 2.5 → 5.16667 |")
                .contains("<details><summary>Modified rows (first 1 of 1)</summary>")
                .contains("| 2 | score | 2.5 | 9.5 |")
                .contains("| 4 | 4 | &lt;script&gt;alert(1)&lt;/script&gt; | 4.5 | x |")
                .doesNotContain("<script>");
        assertThat(md.split("<details>", -1).length).isEqualTo(md.split("</details>", -1).length);
    }

    @Test
    void markdownIsCutAtTheLimitWithATruncationLineAndClosedDetails() {
        StringBuilder before = new StringBuilder("id,v\n");
        StringBuilder after = new StringBuilder("id,v\n");
        for (int i = 0; i < 5000; i++) {
            before.append(i).append(",x").append(i).append('\n');
            after.append(i + 100_000).append(",y").append(i).append('\n');
        }
        TableDiff big = diff(before.toString(), after.toString());
        String full = MarkdownReport.render(big);
        assertThat(full).doesNotContain("truncated");
        String cut = MarkdownReport.render(big, 1500);
        assertThat(cut.length()).isLessThanOrEqualTo(1500);
        assertThat(cut).contains("**Report truncated**");
        assertThat(cut.split("<details>", -1).length).isEqualTo(cut.split("</details>", -1).length);
    }

    @Test
    void htmlEscapesValuesAndEmbedsHistograms() {
        String html = HtmlReport.render(diff(OLD, NEW));
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script")
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<td>score</td><td>2.5</td><td>9.5</td>");
    }

    @Test
    void jsonParsesBackWithTheDocumentedFields() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(diff(OLD, NEW)));
        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
        assertThat(json.get("key").asText()).isEqualTo("id");
        assertThat(json.at("/rows/added").asLong()).isEqualTo(1);
        assertThat(json.at("/rows/removed").asLong()).isEqualTo(1);
        assertThat(json.at("/rows/modified").asLong()).isEqualTo(1);
        assertThat(json.at("/schema_changes/0/kind").asText()).isEqualTo("added");
        assertThat(json.at("/schema_changes/0/column").asText()).isEqualTo("note");
        assertThat(json.at("/columns/2/name").asText()).isEqualTo("score");
        assertThat(json.at("/columns/2/modified_cells").asLong()).isEqualTo(1);
        assertThat(json.at("/columns/2/before/mean").asDouble()).isEqualTo(2.5);
        assertThat(json.at("/columns/2/histogram/before").size()).isEqualTo(20);
        assertThat(json.at("/columns/3/before").isNull()).isTrue();
        assertThat(json.at("/samples/modified/0/changes/0/after").asText()).isEqualTo("9.5");
        assertThat(json.at("/samples/added/0/values/1").asText()).isEqualTo("<script>alert(1)</script>");
        assertThat(json.at("/samples/added/0/line").asInt()).isEqualTo(4);
    }

    @Test
    void svgHistogramScalesBarsToThePeak() {
        var h = new dev.atoll.diff.Histogram(0, 10, java.util.List.of(4L, 0L), java.util.List.of(2L, 2L));
        String svg = SvgHistogram.render("a<b", h);
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("a&lt;b").doesNotContain("a<b")
                .contains("height=\"108.0\" fill=\"#999\"><title>4</title>")
                .contains("height=\"54.0\" fill=\"#1f75cb\"><title>2</title>");
    }
}
