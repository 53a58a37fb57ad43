package io.tumorboard.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's figures as the product report reads them; made-up measurements, no job is run. */
class BenchCommandReportTest {

    @TempDir
    Path dir;

    @Test
    void theJobsMegabytesPerSecondAreMeasuredAgainstABareJacksonParse() throws Exception {
        Path file = dir.resolve("data-pipelines.json");
        var bytes = new ThroughputFigures.Bytes(4_000_000, 2_000_000, 10_000);

        BenchCommand.figures("site hospital-a", 12_000, bytes, new BenchCommand.JobTiming(4.0, 3.0), 0.1, 1.0,
                List.of(90L, 100L, 120L, 3000L)).write(file);

        JsonNode report = new ObjectMapper().readTree(file.toFile());
        assertThat(report.get("module").asText()).isEqualTo("data-pipelines");
        assertThat(report.get("machine").asText()).endsWith("; site hospital-a");
        JsonNode figures = report.get("figures");
        assertThat(figures).allSatisfy(f -> assertThat(f.fieldNames()).toIterable().containsExactly("name", "value",
                "unit", "reference", "referenceValue", "ratio", "goal", "met"));
        assertThat(figures.get(1).get("value").asDouble()).isEqualTo(3000.0);
        JsonNode mbPerSecond = figures.get(2);
        assertThat(mbPerSecond.get("value").asDouble()).isEqualTo(1.0);
        assertThat(mbPerSecond.get("referenceValue").asDouble()).isEqualTo(20.0);
        assertThat(mbPerSecond.get("ratio").asDouble()).isEqualTo(0.05);
        assertThat(figures).extracting(f -> f.get("name").asText()).contains(
                "continuous file-to-case latency p50", "continuous file-to-case latency p99");
        assertThat(figures.get(5).get("value").asDouble()).isEqualTo(3000.0);
        JsonNode fromFirstRecord = figures.get(8);
        assertThat(fromFirstRecord.get("value").asDouble()).isEqualTo(4.0);
        assertThat(fromFirstRecord.get("ratio").asDouble()).isEqualTo(0.2);
        JsonNode againstHapi = figures.get(9);
        assertThat(againstHapi.get("referenceValue").asDouble()).isEqualTo(2.0);
        assertThat(againstHapi.get("ratio").asDouble()).isEqualTo(2.0);
    }
}
